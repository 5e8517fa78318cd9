import { z } from 'zod';
import { IsoDateSchema, ScreeningOutcomeSchema, caseDocId } from '../domain/case';
import { CaseDocSchema, type CaseDoc } from './case-repository';
import type { Store } from './cosmos-store';
import { createDoc, queryPage, readDoc, replaceIfMatch, type WithEtag } from './documents';

/**
 * A screening's answers (GDPR art. 9). They live in the `sensitive` container only, in the case's
 * partition, and are never copied to `cases`, logs or chat. The document also carries the wizard's
 * position (`stepIndex`) and a sequence number (`seq`) that every recorded change increments: a card
 * carries the `seq` it was drawn with, so a replayed or double-clicked answer is recorded once.
 */
export const SCREENING_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'ABORTED'] as const;
export const ScreeningStatusSchema = z.enum(SCREENING_STATUSES);
export type ScreeningStatus = z.infer<typeof ScreeningStatusSchema>;

const AnswerValueSchema = z.union([z.string().max(64), z.boolean(), z.array(z.string().max(64)).max(20)]);

export const ScreeningDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('screening'),
  schemaVersion: z.literal(1),
  caseRef: z.string(),
  /** The case's screenings are numbered; this version of the bot runs one per case. */
  screeningNo: z.number().int().min(1),
  screenerId: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int().min(1),
  status: ScreeningStatusSchema,
  stepIndex: z.number().int().min(0),
  seq: z.number().int().min(0),
  /** Coded answers keyed by question id; no free text about health. */
  answers: z.record(z.string(), AnswerValueSchema),
  suggestedOutcome: ScreeningOutcomeSchema.optional(),
  outcome: ScreeningOutcomeSchema.optional(),
  /** True when the screener chose another outcome than the suggested one. */
  outcomeChangedByScreener: z.boolean().optional(),
  wgDisability1: z.boolean().optional(),
  wgDisability3: z.boolean().optional(),
  nextStep: z
    .object({ type: z.enum(['VISITATION_CONVERSATION', 'REFERRAL', 'NONE']), bookedFor: IsoDateSchema.optional() })
    .optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
  /** The Danish calendar day the screening was completed (or aborted). */
  conductedOn: IsoDateSchema.optional(),
  ttl: z.number().int().positive().optional(),
});
export type ScreeningDoc = z.infer<typeof ScreeningDocSchema>;

/** What "my screenings" lists: no answers are read for it. */
export const ScreeningListItemSchema = z.object({
  caseRef: z.string(),
  status: ScreeningStatusSchema,
  stepIndex: z.number().int(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
});
export type ScreeningListItem = z.infer<typeof ScreeningListItemSchema>;

export const screeningDocId = (tenantId: string, screeningNo = 1): string =>
  caseDocId(tenantId, 'screening', String(screeningNo));

export class ScreeningRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.sensitive;
  }

  get(tenantId: string, caseRef: string, screeningNo = 1): Promise<WithEtag<ScreeningDoc> | undefined> {
    return readDoc(this.container, screeningDocId(tenantId, screeningNo), caseRef, ScreeningDocSchema);
  }

  async create(doc: Omit<ScreeningDoc, 'id' | 'type' | 'schemaVersion'>): Promise<WithEtag<ScreeningDoc>> {
    const full = ScreeningDocSchema.parse({
      ...doc,
      id: screeningDocId(doc.tenantId, doc.screeningNo),
      type: 'screening',
      schemaVersion: 1,
    });
    const etag = await createDoc(this.container, full);
    return { ...full, _etag: etag };
  }

  /** Replaces the screening if nobody changed it since it was read (ConflictError otherwise). */
  async replace(doc: WithEtag<ScreeningDoc>): Promise<WithEtag<ScreeningDoc>> {
    const { _etag, ...rest } = doc;
    const parsed = ScreeningDocSchema.parse(rest);
    const etag = await replaceIfMatch(this.container, parsed, doc.caseRef, _etag);
    return { ...parsed, _etag: etag };
  }

  /** A screener's screenings that are in progress or were finished since `since` (newest first, one page). */
  async listForScreener(tenantId: string, screenerId: string, since: Date, max: number): Promise<ScreeningListItem[]> {
    const page = await queryPage(
      this.container,
      {
        query:
          'SELECT c.caseRef, c.status, c.stepIndex, c.questionnaireId, c.questionnaireVersion, c.startedAt, c.updatedAt, c.completedAt ' +
          'FROM c WHERE c.tenantId = @t AND c.type = "screening" AND c.screenerId = @u ' +
          'AND (c.status = "IN_PROGRESS" OR c.completedAt >= @since) ORDER BY c.updatedAt DESC',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@u', value: screenerId },
          { name: '@since', value: since.toISOString() },
        ],
      },
      ScreeningListItemSchema,
      { maxItemCount: max },
    );
    return page.items;
  }

  /** Which of these cases had their screening aborted (no answers are read: only the case numbers). */
  async abortedAmong(tenantId: string, screenerId: string, caseRefs: readonly string[]): Promise<Set<string>> {
    if (caseRefs.length === 0) return new Set();
    const page = await queryPage(
      this.container,
      {
        query:
          'SELECT c.caseRef FROM c WHERE c.tenantId = @t AND c.type = "screening" AND c.screenerId = @u ' +
          'AND c.status = "ABORTED" AND ARRAY_CONTAINS(@refs, c.caseRef)',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@u', value: screenerId },
          { name: '@refs', value: [...caseRefs] },
        ],
      },
      z.object({ caseRef: z.string() }),
      { maxItemCount: caseRefs.length },
    );
    return new Set(page.items.map((i) => i.caseRef));
  }

  /** The status of a case's screening (no answers are read), or undefined when it has none. */
  async statusOf(tenantId: string, caseRef: string): Promise<ScreeningDoc['status'] | undefined> {
    const page = await queryPage(
      this.container,
      {
        query:
          'SELECT c.status FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "screening" AND c.screeningNo = 1',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: caseRef },
        ],
      },
      z.object({ status: ScreeningStatusSchema }),
      { maxItemCount: 1 },
    );
    return page.items[0]?.status;
  }

  /**
   * The next step booked at the end of a screening (the visitation conversation's date), read
   * without the answers.
   */
  async nextStepOf(tenantId: string, caseRef: string): Promise<ScreeningDoc['nextStep']> {
    const page = await queryPage(
      this.container,
      {
        query:
          'SELECT c.nextStep FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "screening" AND c.screeningNo = 1',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: caseRef },
        ],
      },
      z.object({ nextStep: ScreeningDocSchema.shape.nextStep }),
      { maxItemCount: 1 },
    );
    return page.items[0]?.nextStep;
  }

  /** A screener's cases that wait for a visitation decision (one page, oldest first: they have waited longest). */
  async listAwaitingVisitation(tenantId: string, screenerId: string, max: number): Promise<CaseDoc[]> {
    const page = await queryPage(
      this.store.containers.cases,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case" AND c.screenerId = @u AND c.status = "AWAITING_VISITATION" ORDER BY c.updatedAt',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@u', value: screenerId },
        ],
      },
      CaseDocSchema,
      { maxItemCount: max },
    );
    return page.items;
  }
}
