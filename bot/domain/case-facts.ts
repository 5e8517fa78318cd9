import { z } from 'zod';
import {
  CaseStatusSchema,
  ClosureReasonSchema,
  ContactTypeSchema,
  CvStatusSchema,
  IsoDateSchema,
  PlacementStatusSchema,
  PlacementTypeSchema,
  RehabRecommendationSchema,
  VisitationGroupSchema,
} from './case';
import { MatchFactSchema } from './job-match';

/**
 * The case facts projection (PRODUCT.md §2): one compact document per case, rebuilt from the case's
 * own partition after every write (jobformidler feature), read by "Mine borgere", the daily nudge
 * and the leader digest. Its size is bounded (windows below), so the digest's cost grows with the
 * number of cases, not with their history. Dates are Europe/Copenhagen business dates.
 *
 * It carries no art. 9 data: screening outcome and HKO live in SensitiveFacts (container `sensitive`).
 */
export const CaseFactsSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('case_facts'),
  schemaVersion: z.literal(1),
  caseRef: z.string(),
  rebuiltAt: z.string(),
  status: CaseStatusSchema,
  assignedJobformidlerId: z.string().optional(),
  /** Who screened, and who owns a group 2 case: a case without a jobformidler still belongs to a team (item 9). */
  screenerId: z.string().optional(),
  caseworkerId: z.string().optional(),
  /** Distinct jobformidlere since the first G1 visitation (M20). */
  jobformidlerCount: z.number().int().min(0),
  /**
   * Visitation decisions, oldest first (M8, M16, M17); a re-visited case has several, each ended
   * (`effectiveTo`, exclusive) when the next began.
   */
  visitations: z.array(
    z.object({
      group: VisitationGroupSchema,
      conversationAt: IsoDateSchema,
      effectiveFrom: IsoDateSchema,
      effectiveTo: IsoDateSchema.optional(),
    }),
  ),
  /** The group 2 track (M8): the rehabilitation team meeting and its recommendation. */
  rehab: z
    .object({
      meetingAt: IsoDateSchema.optional(),
      meetingHeldAt: IsoDateSchema.optional(),
      recommendation: RehabRecommendationSchema.optional(),
      recommendedAt: IsoDateSchema.optional(),
    })
    .optional(),
  /**
   * The last day of aftercare (efterværn) of a case closed for employment: until then its
   * jobformidler logs aftercare contacts (type AFTERCARE in `contacts`; M14 counts them).
   */
  aftercareUntil: IsoDateSchema.optional(),
  /** Periods the case was active in group 1 (M1, M6, M10, M11, M19). `to` is exclusive; open when absent. */
  g1Intervals: z.array(z.object({ from: IsoDateSchema, to: IsoDateSchema.optional() })),
  /** Placements (company-based activity), all of them: a case has few (M1, M4, M5, M14). */
  placements: z.array(
    z.object({
      placementId: z.string(),
      type: PlacementTypeSchema,
      status: PlacementStatusSchema,
      startDate: IsoDateSchema,
      plannedEndDate: IsoDateSchema.optional(),
      actualEndDate: IsoDateSchema.optional(),
      /** Mean ordinary hours over the placement's first 4 registered weeks (M5 base). */
      firstWeeksOrdinaryMean: z.number().min(0).optional(),
    }),
  ),
  /** Registered weeks of the last 52 ISO weeks, oldest first (M1 ordinary-hours rule, M4, M5, M6, charts). */
  weeks: z.array(
    z.object({
      isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
      placementId: z.string().optional(),
      ordinaryHours: z.number().min(0).max(80),
      practiceHours: z.number().min(0).max(80),
    }),
  ),
  /** Contacts/follow-ups of the last 183 days, oldest first (M9, M10, M12–M15). */
  contacts: z.array(
    z.object({
      date: IsoDateSchema,
      type: ContactTypeSchema,
      completed: z.boolean(),
      direction: z.enum(['CITIZEN_FACING', 'COMPANY_FACING']),
      /** Logged on a company: the company side already counts it (M14, M15). */
      companyContactId: z.string().optional(),
    }),
  ),
  firstJobConversationAt: IsoDateSchema.optional(),
  lastCitizenContactAt: IsoDateSchema.optional(),
  /** Next follow-up due (explicit from the log, else from the cadence). */
  nextFollowUpDue: IsoDateSchema.optional(),
  /**
   * The next date planned in the follow-up log, if any. With it (and the placements) the due date
   * can be worked out again for any later day without a rebuild (bot/domain/case-follow-up.ts).
   */
  plannedNextFollowUpDue: IsoDateSchema.optional(),
  /** Work agreements (M2, M3, M23). */
  agreements: z.array(
    z.object({
      agreementId: z.string(),
      placementType: PlacementTypeSchema.optional(),
      agreedAt: IsoDateSchema.optional(),
      signedAt: IsoDateSchema.optional(),
      ordinaryHoursFromStart: z.boolean(),
      ordinaryHoursAtStart: z.number().min(0).max(37),
      complete: z.boolean(),
      missingCritical: z.array(z.string()),
      hkoNeedsDiscussed: z.boolean(),
    }),
  ),
  cvStatus: CvStatusSchema,
  /** ≥ 1 active, concrete, citizen-owned job goal (M19). */
  hasConcreteOwnJobGoal: z.boolean(),
  jobGoalLastReviewedAt: IsoDateSchema.optional(),
  /** Progression measurements: mean score per measurement (M22). */
  progression: z.array(
    z.object({
      measuredAt: IsoDateSchema,
      setId: z.string(),
      setVersion: z.number().int(),
      meanScore: z.number(),
      context: z.string(),
    }),
  ),
  nextProgressionDue: IsoDateSchema.optional(),
  /** Job matches: proposed, decided, and whether a placement came of them (M14). */
  matches: z.array(MatchFactSchema).optional(),
  closure: z.object({ date: IsoDateSchema, reason: ClosureReasonSchema }).optional(),
  /** Retention stamp of a closed case (bot/features/retention): a rebuild keeps it. */
  ttl: z.number().int().positive().optional(),
  expiresAt: z.string().optional(),
});
export type CaseFacts = z.infer<typeof CaseFactsSchema>;

/** Art. 9 facts for aggregate statistics only (container `sensitive`, read by the digest job). */
export const SensitiveFactsSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('sensitive_facts'),
  schemaVersion: z.literal(1),
  caseRef: z.string(),
  rebuiltAt: z.string(),
  screening: z.object({ conductedAt: IsoDateSchema, outcome: z.string() }).optional(),
  hko: z.array(
    z.object({
      type: z.string(),
      appliedAt: IsoDateSchema.optional(),
      decidedAt: IsoDateSchema.optional(),
      decision: z.string().optional(),
      deliveredAt: IsoDateSchema.optional(),
    }),
  ),
  /** Retention stamp of a closed case: kept when either part is rebuilt. */
  ttl: z.number().int().positive().optional(),
  expiresAt: z.string().optional(),
});
export type SensitiveFacts = z.infer<typeof SensitiveFactsSchema>;
