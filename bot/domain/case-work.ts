import type { CaseDoc } from '../store/case-repository';
import { byNewest, countsForCadence, type FollowUpDoc } from './follow-up';
import type { CvDoc, JobGoalsDoc } from './job-goals';
import type { PlacementDoc } from './placement';
import type { WeeklyHoursDoc } from './weekly-hours';
import type { AgreementDoc } from './work-agreement';

/** Everything in a case's partition the projection is built from. */
export interface CaseWork {
  readonly caseDoc: CaseDoc;
  readonly jobGoals?: JobGoalsDoc | undefined;
  readonly cv?: CvDoc | undefined;
  readonly agreements: readonly AgreementDoc[];
  readonly placements: readonly PlacementDoc[];
  readonly hours: readonly WeeklyHoursDoc[];
  readonly followUps: readonly FollowUpDoc[];
}

/** Where the follow-up interval starts before the first contact: the visitation. */
export function cadenceBaseline(caseDoc: CaseDoc): string | undefined {
  return caseDoc.visitation?.conversationAt ?? caseDoc.visitation?.effectiveFrom;
}

export function lastCadenceContact(followUps: readonly FollowUpDoc[]): string | undefined {
  return followUps.filter(countsForCadence).sort(byNewest)[0]?.date;
}

export function plannedNextDue(followUps: readonly FollowUpDoc[]): string | undefined {
  return [...followUps].sort(byNewest)[0]?.nextFollowUpDue;
}
