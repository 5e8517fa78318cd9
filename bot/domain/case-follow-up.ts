import type { CaseStatus } from './case';
import type { CaseFacts } from './case-facts';
import { cadenceBaseline, lastCadenceContact, plannedNextDue, type CaseWork } from './case-work';
import { followUpStatus, type CadenceSettings, type FollowUpStatus } from './follow-up-cadence';

/** Cases the follow-up cadence applies to: handed over to a jobformidler and not paused or closed. */
export const FOLLOWED_UP_STATUSES: readonly CaseStatus[] = ['VISITED', 'ACTIVE'];

/** A case's follow-up status on `today`, from its live partition (the case card). */
export function followUpOfWork(work: CaseWork, settings: CadenceSettings, today: string): FollowUpStatus | undefined {
  if (!FOLLOWED_UP_STATUSES.includes(work.caseDoc.status)) return undefined;
  return followUpStatus(
    {
      lastContactAt: lastCadenceContact(work.followUps),
      baselineDate: cadenceBaseline(work.caseDoc),
      plannedNextDue: plannedNextDue(work.caseDoc, work.followUps),
      placements: work.placements,
    },
    settings,
    today,
  );
}

/**
 * A case's follow-up status on `today`, from its facts projection ("Mine borgere", the nudge). The
 * case status is passed separately: the case document itself is the fresher source of it.
 */
export function followUpOfFacts(
  facts: CaseFacts,
  status: CaseStatus,
  settings: CadenceSettings,
  today: string,
): FollowUpStatus | undefined {
  if (!FOLLOWED_UP_STATUSES.includes(status)) return undefined;
  const visitation = facts.visitations[facts.visitations.length - 1];
  return followUpStatus(
    {
      lastContactAt: facts.lastCitizenContactAt,
      baselineDate: visitation?.conversationAt,
      plannedNextDue: facts.plannedNextFollowUpDue,
      placements: facts.placements,
    },
    settings,
    today,
  );
}
