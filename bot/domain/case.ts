import { z } from 'zod';

/**
 * The shared vocabulary of a citizen's case (domain-research §5.2). Ids are English; Danish labels
 * live in the catalogues.
 */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const CASE_STATUSES = ['SCREENING', 'AWAITING_VISITATION', 'VISITED', 'ACTIVE', 'PAUSED', 'CLOSED'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const VISITATION_GROUPS = [
  'G1_INTERVENTION',
  'G2_REHABILITATION',
  'G3_NOT_EMPLOYMENT_READY',
  'OUT_OF_SCOPE',
] as const;
export const VisitationGroupSchema = z.enum(VISITATION_GROUPS);
export type VisitationGroup = z.infer<typeof VisitationGroupSchema>;

export const SCREENING_OUTCOMES = [
  'NO_INDICATION',
  'INDICATION_NO_JOB_IMPACT',
  'INDICATION_WITH_JOB_IMPACT',
  'DECLINED',
  'ABORTED',
] as const;
export const ScreeningOutcomeSchema = z.enum(SCREENING_OUTCOMES);
export type ScreeningOutcome = z.infer<typeof ScreeningOutcomeSchema>;

export const PLACEMENT_TYPES = [
  'COMPANY_INTERNSHIP',
  'WAGE_SUBSIDY_PRIVATE',
  'WAGE_SUBSIDY_PUBLIC',
  'ORDINARY_PAID_HOURS',
  'INTERNSHIP_PLUS_ORDINARY_HOURS',
  'FLEXJOB',
  'ICEBREAKER',
  'ORDINARY_EMPLOYMENT',
  'ORDINARY_EDUCATION',
] as const;
export const PlacementTypeSchema = z.enum(PLACEMENT_TYPES);
export type PlacementType = z.infer<typeof PlacementTypeSchema>;

export const PLACEMENT_STATUSES = [
  'PLANNED',
  'ACTIVE',
  'PAUSED',
  'COMPLETED',
  'INTERRUPTED',
  'CONVERTED_TO_EMPLOYMENT',
] as const;
export const PlacementStatusSchema = z.enum(PLACEMENT_STATUSES);
export type PlacementStatus = z.infer<typeof PlacementStatusSchema>;

export const CONTACT_TYPES = [
  'JOB_CONVERSATION',
  'VISITATION_CONVERSATION',
  'SCREENING_CONVERSATION',
  'TRIPARTITE',
  'WORKPLACE_FOLLOW_UP',
  'PHONE',
  'MESSAGE',
  'AD_HOC_INBOUND',
  'COMPANY_OUTREACH_VISIT',
  'JOB_OPENING',
  'AFTERCARE',
] as const;
export const ContactTypeSchema = z.enum(CONTACT_TYPES);
export type ContactType = z.infer<typeof ContactTypeSchema>;

/** Why a group-1 case ends: what the jobformidler chooses on "Afslut sag". */
export const JOBFORMIDLER_CLOSURE_REASONS = [
  'EMPLOYED_SELF_SUPPORTING',
  'FLEXJOB',
  'EDUCATION',
  'RESOURCE_COURSE',
  'DISABILITY_PENSION',
  'SICKNESS_BENEFIT',
  'MOVED',
  'OTHER',
] as const;

/** Why a group-2 (rehabilitation) case ends: the rehabilitation team's recommendation, or another way out. */
export const REHAB_CLOSURE_REASONS = [
  'RESOURCE_COURSE',
  'FLEXJOB',
  'DISABILITY_PENSION',
  'JOB_CLARIFICATION_COURSE',
  'EDUCATION',
  'EMPLOYED_SELF_SUPPORTING',
  'SICKNESS_BENEFIT',
  'MOVED',
  'OTHER',
] as const;

/**
 * Ways a case ends without anyone choosing a reason on a form: the screening was declined or
 * aborted, the citizen is outside the target group, or group 3 was referred to another
 * administration. Each closes the case at once, so its retention clock runs (issue 12 item 3).
 */
export const AUTOMATIC_CLOSURE_REASONS = [
  'SCREENING_DECLINED',
  'SCREENING_ABORTED',
  'NOT_IN_TARGET_GROUP',
  'REFERRED_TO_OTHER_SERVICES',
] as const;

export const CLOSURE_REASONS = [
  ...JOBFORMIDLER_CLOSURE_REASONS,
  'JOB_CLARIFICATION_COURSE',
  ...AUTOMATIC_CLOSURE_REASONS,
] as const;
export const ClosureReasonSchema = z.enum(CLOSURE_REASONS);
export type ClosureReason = z.infer<typeof ClosureReasonSchema>;

/** The rehabilitation team's recommendation (domain-research §2.2, bek. om rehabiliteringsplan). */
export const REHAB_RECOMMENDATIONS = [
  'RESOURCE_COURSE',
  'FLEXJOB',
  'DISABILITY_PENSION',
  'JOB_CLARIFICATION_COURSE',
  'OTHER',
] as const;
export const RehabRecommendationSchema = z.enum(REHAB_RECOMMENDATIONS);
export type RehabRecommendation = z.infer<typeof RehabRecommendationSchema>;

/** Why a case moves to another jobformidler (issue 15 item 4; M20 continuity). */
export const REASSIGNMENT_REASONS = ['ILLNESS_OR_LEAVE', 'CASELOAD_BALANCE', 'CITIZEN_WISH', 'OTHER'] as const;
export const ReassignmentReasonSchema = z.enum(REASSIGNMENT_REASONS);
export type ReassignmentReason = z.infer<typeof ReassignmentReasonSchema>;

export const CV_STATUSES = ['NONE', 'PERSONAL', 'JOBNET', 'BOTH'] as const;
export const CvStatusSchema = z.enum(CV_STATUSES);

/**
 * Documents of one case share the partition `caseRef` in `cases` (and `sensitive`). Their ids start
 * with the tenant, so a municipality's own case number can never collide with another's, and a read
 * with the wrong tenant simply finds nothing.
 */
export const caseDocId = (tenantId: string, kind: string, ...rest: string[]): string =>
  [tenantId, kind, ...rest].join(':');
