import type { CaseDoc } from './case-doc';
import { IsoDateSchema } from './case';
import { byNewest, countsForCadence, type FollowUpDoc } from './follow-up';
import type { CvDoc, JobGoalsDoc } from './job-goals';
import type { JobMatchDoc } from './job-match';
import type { PlacementDoc } from './placement';
import type { WeeklyHoursDoc } from './weekly-hours';
import type { AgreementDoc } from './work-agreement';
import type { CompletedMeasurement } from './progression';

/** Everything in a case's partition the projection is built from. */
export interface CaseWork {
  readonly caseDoc: CaseDoc;
  readonly jobGoals?: JobGoalsDoc | undefined;
  readonly cv?: CvDoc | undefined;
  readonly agreements: readonly AgreementDoc[];
  readonly placements: readonly PlacementDoc[];
  readonly hours: readonly WeeklyHoursDoc[];
  readonly followUps: readonly FollowUpDoc[];
  /** Progression measurements (the progression feature's documents in the same partition). */
  readonly progression?: readonly CompletedMeasurement[] | undefined;
  /** Job matches of the case (bot/features/jobmatch). */
  readonly matches?: readonly JobMatchDoc[] | undefined;
}

/** Where the follow-up interval starts before the first contact: the visitation. */
export function cadenceBaseline(caseDoc: CaseDoc): string | undefined {
  return caseDoc.visitation?.conversationAt ?? caseDoc.visitation?.effectiveFrom;
}

export function lastCadenceContact(followUps: readonly FollowUpDoc[]): string | undefined {
  return followUps.filter(countsForCadence).sort(byNewest)[0]?.date;
}

/**
 * The next follow-up someone planned: the date set at the latest follow-up, or before any, the
 * first job conversation booked at the visitation handover.
 */
export function plannedNextDue(caseDoc: CaseDoc, followUps: readonly FollowUpDoc[]): string | undefined {
  const latest = [...followUps].sort(byNewest)[0];
  if (latest !== undefined) return latest.nextFollowUpDue;
  const booked = IsoDateSchema.safeParse(caseDoc.visitation?.firstJobConversationBookedFor);
  return booked.success ? booked.data : undefined;
}

/**
 * When the jobformidler first meets the citizen: the first job conversation logged, else the one
 * booked at the visitation handover (the progression baseline is scored together with the citizen).
 */
export function firstMeeting(caseDoc: CaseDoc, followUps: readonly FollowUpDoc[]): string | undefined {
  const held = [...followUps]
    .sort(byNewest)
    .reverse()
    .find((f) => f.contactType === 'JOB_CONVERSATION');
  if (held !== undefined) return held.date;
  const booked = IsoDateSchema.safeParse(caseDoc.visitation?.firstJobConversationBookedFor);
  return booked.success ? booked.data : undefined;
}

/** The start of the case's current group-1 period (the progression cadence starts there). */
export const g1Start = (caseDoc: CaseDoc): string | undefined =>
  caseDoc.visitation?.group === 'G1_INTERVENTION' && caseDoc.status !== 'CLOSED'
    ? caseDoc.visitation.effectiveFrom
    : undefined;
