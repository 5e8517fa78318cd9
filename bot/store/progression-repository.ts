import { z } from 'zod';
import { IsoDateSchema, caseDocId } from '../domain/case';
import { MEASUREMENT_NOTE_MAX, MeasurementContextSchema, ParticipantSchema } from '../domain/progression';
import type { Store } from './cosmos-store';
import { createOnce, deleteDoc, queryAll, readDoc, replaceIfMatch, type WithEtag } from './documents';

/**
 * Progression measurements, in the case's own partition of `cases`. A measurement is a DRAFT while
 * it is being scored (saved after every page, so it survives a restart) and COMPLETED once saved.
 * It names the exact indicator-set version it was scored on: only measurements on the same version
 * are ever compared.
 */
export const ProgressionMeasurementDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('progression_measurement'),
  schemaVersion: z.literal(1),
  caseRef: z.string(),
  measurementId: z.string(),
  status: z.enum(['DRAFT', 'COMPLETED']),
  indicatorSetId: z.string(),
  indicatorSetVersion: z.number().int().min(1),
  context: MeasurementContextSchema,
  participants: z.array(ParticipantSchema).min(1),
  /** Business date of the conversation (Europe/Copenhagen). */
  measuredAt: IsoDateSchema,
  /**
   * Per indicator, the jobformidler's score (`value`) and the citizen's own (`citizenValue`), side by
   * side: either may be missing, not both (issue 16 B.4; BIP asks citizen and caseworker separately).
   * A disagreement is kept as two numbers, never averaged.
   */
  scores: z.array(
    z
      .object({
        indicatorId: z.string(),
        value: z.number().int().min(1).max(10).optional(),
        citizenValue: z.number().int().min(1).max(10).optional(),
        note: z.string().max(MEASUREMENT_NOTE_MAX).optional(),
      })
      .refine((s) => s.value !== undefined || s.citizenValue !== undefined, { message: 'a score needs a value' }),
  ),
  /** The page to show when the scoring is resumed: 0..n-1 an indicator, n the summary. */
  cursor: z.number().int().min(0),
  agreedWithCitizen: z.boolean(),
  /** Mean of the scores turned so that higher is better (set at completion; M22 reads it). */
  meanScore: z.number().optional(),
  conductedBy: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
  ttl: z.number().int().positive().optional(),
});
export type ProgressionMeasurementDoc = z.infer<typeof ProgressionMeasurementDocSchema>;

export const measurementDocId = (tenantId: string, measurementId: string): string =>
  caseDocId(tenantId, 'progression', measurementId);

export class ProgressionRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.cases;
  }

  get(
    tenantId: string,
    caseRef: string,
    measurementId: string,
  ): Promise<WithEtag<ProgressionMeasurementDoc> | undefined> {
    return readDoc(this.container, measurementDocId(tenantId, measurementId), caseRef, ProgressionMeasurementDocSchema);
  }

  /** Creates the draft once: a repeated start with the same id finds the first one (false). */
  createDraft(doc: ProgressionMeasurementDoc): Promise<boolean> {
    return createOnce(this.container, ProgressionMeasurementDocSchema.parse(doc));
  }

  /** ConflictError when someone saved the measurement since it was read. */
  async replace(doc: WithEtag<ProgressionMeasurementDoc>): Promise<WithEtag<ProgressionMeasurementDoc>> {
    const { _etag, ...rest } = doc;
    const etag = await replaceIfMatch(this.container, ProgressionMeasurementDocSchema.parse(rest), doc.caseRef, _etag);
    return { ...rest, _etag: etag };
  }

  delete(tenantId: string, caseRef: string, measurementId: string): Promise<boolean> {
    return deleteDoc(this.container, measurementDocId(tenantId, measurementId), caseRef);
  }

  /** Every measurement of one case (drafts too), oldest first; bounded by the case's history. */
  listForCase(tenantId: string, caseRef: string): Promise<WithEtag<ProgressionMeasurementDoc>[]> {
    return queryAll(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @ref AND c.type = "progression_measurement" ORDER BY c.startedAt',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@ref', value: caseRef },
        ],
      },
      ProgressionMeasurementDocSchema,
    );
  }
}
