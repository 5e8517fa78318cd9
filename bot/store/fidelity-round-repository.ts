import { z } from 'zod';
import type { Store } from './cosmos-store';
import {
  createOnce,
  deleteDoc,
  queryAll,
  queryPage,
  readDoc,
  replaceIfMatch,
  upsertDoc,
  type WithEtag,
} from './documents';

/**
 * Fidelity rounds and the answers in progress (container `runs`, partition tenantId).
 *
 * Anonymity is built into the shapes (issue 16 A.2, docs/privacy.md): a round keeps only running
 * sums per item (sum of levels, number of answers) and how many answered, never a person's levels.
 * A member's answers exist as their own draft only until they send them: sending adds them to the
 * sums and deletes the draft in the same step, and closing the round deletes any draft left and the
 * lists of who was invited and who answered, so after the end date only the team's sums remain.
 */
const LevelTotalsSchema = z.object({ sum: z.number().int().min(0), count: z.number().int().min(0) });

export const ElementTotalsSchema = z.object({
  /** Members who gave at least one level (not "don't know") in this element. */
  respondents: z.number().int().min(0),
  items: z.record(z.string(), LevelTotalsSchema),
});
export type ElementTotals = z.infer<typeof ElementTotalsSchema>;

export const FidelityRoundDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('fidelity_round'),
  schemaVersion: z.literal(1),
  roundId: z.string(),
  teamId: z.string(),
  /** The channel the round was started in; its report is posted there. */
  channelId: z.string(),
  setId: z.string(),
  setVersion: z.number().int().min(1),
  startDate: z.string(),
  /** The last day to answer (business date in the municipality's time zone). */
  endDate: z.string(),
  /** Language of what the bot posts in the channel about this round. */
  locale: z.enum(['da', 'en']),
  startedBy: z.string(),
  startedAt: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  invitedCount: z.number().int().min(0),
  answeredCount: z.number().int().min(0),
  /** While open: who was asked (for invitations and reminders). Removed when the round closes. */
  invitees: z.array(z.string()).optional(),
  /** While open: who has sent their answers (so nobody answers twice). Removed when the round closes. */
  answeredBy: z.array(z.string()).optional(),
  totals: z.record(z.string(), ElementTotalsSchema),
  /** Set once every member has been sent (claimed) an invitation, so later job ticks skip the round's roster. */
  invitationsSentAt: z.string().optional(),
  /** The last day reminders went out (same reason). */
  remindedOn: z.string().optional(),
  closedAt: z.string().optional(),
  reportPostedAt: z.string().optional(),
});
export type FidelityRoundDoc = z.infer<typeof FidelityRoundDocSchema>;

/** A member's answers in progress: their own until sent, then deleted. 0 = "don't know". */
export const FidelityDraftDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('fidelity_draft'),
  schemaVersion: z.literal(1),
  roundId: z.string(),
  userId: z.string(),
  /** The step the member is on: an element index, or the number of elements for "check and send". */
  cursor: z.number().int().min(0),
  levels: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(5))),
  updatedAt: z.string(),
  ttl: z.number().int().positive(),
  expiresAt: z.string(),
});
export type FidelityDraftDoc = z.infer<typeof FidelityDraftDocSchema>;

export const fidelityRoundDocId = (roundId: string): string => `fidelity_round:${roundId}`;
export const fidelityDraftDocId = (roundId: string, userId: string): string => `fidelity_draft:${roundId}:${userId}`;

export class FidelityRoundRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.runs;
  }

  /** False when a round with this id exists already (a second click on the same start form). */
  create(doc: FidelityRoundDoc): Promise<boolean> {
    return createOnce(this.container, FidelityRoundDocSchema.parse(doc));
  }

  get(tenantId: string, roundId: string): Promise<WithEtag<FidelityRoundDoc> | undefined> {
    return readDoc(this.container, fidelityRoundDocId(roundId), tenantId, FidelityRoundDocSchema);
  }

  /** ConflictError when the round changed since it was read. */
  async replace(doc: WithEtag<FidelityRoundDoc>): Promise<string> {
    const { _etag, ...rest } = doc;
    return replaceIfMatch(this.container, FidelityRoundDocSchema.parse(rest), doc.tenantId, _etag);
  }

  /** A tenant's rounds, newest first (a few a year per team), optionally of one team. */
  list(tenantId: string, teamId?: string): Promise<WithEtag<FidelityRoundDoc>[]> {
    return queryAll(
      this.container,
      {
        query: `SELECT * FROM c WHERE c.tenantId = @t AND c.type = "fidelity_round"${teamId !== undefined ? ' AND c.teamId = @team' : ''} ORDER BY c.startedAt DESC`,
        parameters: [
          { name: '@t', value: tenantId },
          ...(teamId !== undefined ? [{ name: '@team', value: teamId }] : []),
        ],
      },
      FidelityRoundDocSchema,
    );
  }

  /**
   * Open rounds in every tenant, a page at a time: the scheduled job serves all municipalities. Each
   * result carries its tenantId, and everything done with it afterwards is scoped to that tenant.
   */
  async *openRounds(pageSize = 100): AsyncGenerator<WithEtag<FidelityRoundDoc>> {
    let continuationToken: string | undefined;
    do {
      const page = await queryPage(
        this.container,
        { query: 'SELECT * FROM c WHERE c.type = "fidelity_round" AND c.status = "OPEN"' },
        FidelityRoundDocSchema,
        { maxItemCount: pageSize, continuationToken },
      );
      for (const round of page.items) yield round;
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
  }

  getDraft(tenantId: string, roundId: string, userId: string): Promise<WithEtag<FidelityDraftDoc> | undefined> {
    return readDoc(this.container, fidelityDraftDocId(roundId, userId), tenantId, FidelityDraftDocSchema);
  }

  async saveDraft(doc: FidelityDraftDoc): Promise<void> {
    await upsertDoc(this.container, FidelityDraftDocSchema.parse(doc));
  }

  deleteDraft(tenantId: string, roundId: string, userId: string): Promise<boolean> {
    return deleteDoc(this.container, fidelityDraftDocId(roundId, userId), tenantId);
  }

  /** Drafts left in a round (deleted when it closes). */
  async deleteDrafts(tenantId: string, roundId: string): Promise<number> {
    const drafts = await queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "fidelity_draft" AND c.roundId = @r',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: roundId },
        ],
      },
      FidelityDraftDocSchema,
    );
    for (const d of drafts) await deleteDoc(this.container, d.id, tenantId);
    return drafts.length;
  }
}
