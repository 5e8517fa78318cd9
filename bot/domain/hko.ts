import { z } from 'zod';
import { IsoDateSchema } from './case';
import { caseWorkFields } from './case-work-doc';
import { daysBetween } from './calendar';

/**
 * Handicap-compensating schemes (HKO, domain-research §2.7). GDPR art. 9 data: stored in the
 * `sensitive` container, shown only to the case's jobformidler.
 */
export const HKO_TYPES = [
  'AID_WORK_TOOL',
  'AID_WORKPLACE_ADAPTATION',
  'PERSONAL_ASSISTANCE_WORK',
  'PERSONAL_ASSISTANCE_EDUCATION',
  'PREFERENTIAL_ACCESS',
  'ICEBREAKER',
  'MENTOR_LAB',
  'SICKNESS_REFUND_56',
  'COMPENSATION_CARD',
] as const;
export const HkoTypeSchema = z.enum(HKO_TYPES);
export type HkoType = z.infer<typeof HkoTypeSchema>;
export const HKO_DECISIONS = ['GRANTED', 'REJECTED'] as const;

export const HkoDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('hko_application'),
  hkoId: z.string(),
  hkoType: HkoTypeSchema,
  consideredAt: IsoDateSchema.optional(),
  appliedAt: IsoDateSchema.optional(),
  decidedAt: IsoDateSchema.optional(),
  decision: z.enum(HKO_DECISIONS).optional(),
  deliveredAt: IsoDateSchema.optional(),
});
export type HkoDoc = z.infer<typeof HkoDocSchema>;

/** Days from application to decision (fast track: about a week), when both are known. */
export function daysApplicationToDecision(h: Pick<HkoDoc, 'appliedAt' | 'decidedAt'>): number | undefined {
  return h.appliedAt !== undefined && h.decidedAt !== undefined ? daysBetween(h.appliedAt, h.decidedAt) : undefined;
}
