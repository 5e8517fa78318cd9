import { z } from 'zod';
import type { Store } from './cosmos-store';
import { deleteDoc, queryPage, upsertDoc, type WithEtag } from './documents';

/**
 * A 1:1 notice Teams refused (or could not be sent yet), kept in `runs` (partition = tenant) until a
 * later scheduler pass delivers it or gives up. Today one kind: the handover of a group 1 citizen to
 * their personal jobformidler. It holds what the message needs, never screening answers: the case
 * ref, who is told, who decided, and the booked date. Each is gone once delivered, given up, or
 * past `expiresAt` (TTL, and the purge sweep where TTL is not honoured).
 */
export const HandoverNoticeSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('pending_notice'),
  schemaVersion: z.literal(1),
  kind: z.literal('handover'),
  caseRef: z.string(),
  /** The jobformidler to tell. */
  toUserId: z.string(),
  /** The screener who decided: told if the jobformidler cannot be reached. */
  fromUserId: z.string(),
  fromLocale: z.enum(['da', 'en']),
  firstJobConversationAt: z.string(),
  createdAt: z.string(),
  /** After this, the screener is told and the notice is dropped. */
  giveUpAt: z.string(),
  ttl: z.number().int().positive(),
  expiresAt: z.string(),
});
export type HandoverNotice = z.infer<typeof HandoverNoticeSchema>;

/** One notice per case: a second decision on the same case cannot happen (the visitation is saved once). */
export const handoverNoticeId = (caseRef: string): string => `notice:handover:${caseRef}`;

export class PendingNoticeRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.runs;
  }

  async save(notice: HandoverNotice): Promise<void> {
    await upsertDoc(this.container, notice);
  }

  /**
   * Every pending notice of every tenant, a page at a time. Cross-tenant on purpose, like the
   * scheduler's other sweeps: each result carries its tenant, and everything after is scoped to it.
   */
  async *all(pageSize = 100): AsyncGenerator<WithEtag<HandoverNotice>> {
    let continuationToken: string | undefined;
    do {
      const page = await queryPage(
        this.container,
        { query: 'SELECT * FROM c WHERE c.type = "pending_notice" AND c.kind = "handover"' },
        HandoverNoticeSchema,
        { maxItemCount: pageSize, continuationToken },
      );
      for (const notice of page.items) yield notice;
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
  }

  remove(tenantId: string, id: string): Promise<boolean> {
    return deleteDoc(this.container, id, tenantId);
  }
}
