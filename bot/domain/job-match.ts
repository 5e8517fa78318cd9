import { z } from 'zod';
import { IsoDateSchema, caseDocId } from './case';
import { caseWorkFields } from './case-work-doc';
import { OccupationCodeSchema } from './company';
import type { PlacementDoc } from './placement';

/**
 * A job match (FSM KE3 "individuelt jobmatch"): Fremdrift suggests, the jobformidler decides (GDPR
 * art. 22). The record lives in the case's own partition, so retention, export and erasure of the
 * case reach it: when a suggestion was first shown (PROPOSED), what the jobformidler decided, why it
 * matched, and the work agreement a taken match started.
 */
export const MATCH_STATUSES = ['PROPOSED', 'ACCEPTED', 'DECLINED'] as const;
export const MatchStatusSchema = z.enum(MATCH_STATUSES);
export type MatchStatus = z.infer<typeof MatchStatusSchema>;

/** The plain rules a match is explained by. */
export const MATCH_RULES = ['OCCUPATION', 'WORDS', 'HOURS', 'AREA'] as const;
export const MatchRuleSchema = z.enum(MATCH_RULES);
export type MatchRule = z.infer<typeof MatchRuleSchema>;

export const MatchReasonSchema = z.object({
  rule: MatchRuleSchema,
  /** The values the rule compared (a code, the words in common, hours, a postcode). */
  detail: z.string().max(120),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const jobMatchDocId = (tenantId: string, openingId: string): string =>
  caseDocId(tenantId, 'job_match', openingId);

export const JobMatchDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('job_match'),
  openingId: z.string(),
  companyId: z.string(),
  /** As shown when suggested (the opening may change later). */
  openingTitle: z.string().max(120),
  companyName: z.string().max(120),
  status: MatchStatusSchema,
  proposedOn: IsoDateSchema,
  decidedOn: IsoDateSchema.optional(),
  decidedBy: z.string().optional(),
  score: z.number().int().min(0),
  reasons: z.array(MatchReasonSchema).max(MATCH_RULES.length),
  /** The work agreement a taken match started. */
  agreementId: z.string().optional(),
  /** Who on the company side may see this case reference (the opening's owner), once taken. */
  sharedWith: z.array(z.string()).max(5).default([]),
});
export type JobMatchDoc = z.infer<typeof JobMatchDocSchema>;

/** What the matching rules know of a citizen besides the ABC goals: set by the jobformidler with the citizen. */
export const matchProfileDocId = (tenantId: string): string => caseDocId(tenantId, 'match_profile');

export const MatchProfileDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('match_profile'),
  /** Occupation codes of the A, B and C job goals. */
  occupationCodes: z.object({
    A: OccupationCodeSchema.optional(),
    B: OccupationCodeSchema.optional(),
    C: OccupationCodeSchema.optional(),
  }),
  /** Hours a week the citizen can start with. */
  startHours: z.number().min(1).max(37).optional(),
  /** Where the citizen can get to: postcodes (8000, 8200-8270) and town names. */
  area: z.string().max(200).optional(),
});
export type MatchProfileDoc = z.infer<typeof MatchProfileDocSchema>;

/** A match as the case facts carry it (M14: proposed, accepted and leading to a placement). */
export const MatchFactSchema = z.object({
  openingId: z.string(),
  status: MatchStatusSchema,
  proposedOn: IsoDateSchema,
  decidedOn: IsoDateSchema.optional(),
  /** Start of the first started placement from the agreement the match began. */
  placementStartedOn: IsoDateSchema.optional(),
});
export type MatchFact = z.infer<typeof MatchFactSchema>;

/** The projection of a case's matches: pure, from the partition's own documents. */
export function matchFacts(
  matches: readonly Pick<JobMatchDoc, 'openingId' | 'status' | 'proposedOn' | 'decidedOn' | 'agreementId'>[],
  placements: readonly Pick<PlacementDoc, 'agreementId' | 'status' | 'startDate'>[],
): MatchFact[] {
  return [...matches]
    .sort((a, b) => (a.proposedOn < b.proposedOn ? -1 : a.proposedOn > b.proposedOn ? 1 : 0))
    .map((m) => {
      const started = placements
        .filter((p) => m.agreementId !== undefined && p.agreementId === m.agreementId && p.status !== 'PLANNED')
        .map((p) => p.startDate)
        .sort()[0];
      return {
        openingId: m.openingId,
        status: m.status,
        proposedOn: m.proposedOn,
        ...(m.decidedOn !== undefined ? { decidedOn: m.decidedOn } : {}),
        ...(started !== undefined ? { placementStartedOn: started } : {}),
      };
    });
}
