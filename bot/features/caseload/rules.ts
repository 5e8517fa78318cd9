import type { FollowUpStatus } from '../../domain/follow-up-cadence';

/**
 * Pure rules of "Mine borgere": in which order a jobformidler sees the caseload, and what the counts
 * at the top say. No I/O; the follow-up status and the progression due date come in worked out.
 */
export interface Prioritised {
  readonly caseRef: string;
  readonly followUp?: FollowUpStatus | undefined;
  /** Due date of a progression measurement that applies and is due today or late. */
  readonly progressionDue?: string | undefined;
  /** A group 2 case whose rehabilitation team meeting date has passed without the meeting held. */
  readonly meetingOverdue?: boolean | undefined;
}

/**
 * What a row asks of the jobformidler, most pressing first: a follow-up that is overdue, due today,
 * or soon; then a progression measurement that is due while the follow-up is not; then cases on
 * track; last, cases without a follow-up rhythm (e.g. paused).
 */
export const URGENCIES = ['overdue', 'due', 'soon', 'progression', 'ok', 'none'] as const;
export type Urgency = (typeof URGENCIES)[number];

export function urgencyOf(row: Prioritised): Urgency {
  const state = row.followUp?.state;
  if (state === 'overdue' || state === 'due' || state === 'soon') return state;
  // A group 2 case has no follow-up rhythm; a passed meeting that was not held is as pressing as an overdue follow-up.
  if (row.meetingOverdue === true) return 'overdue';
  if (row.progressionDue !== undefined) return 'progression';
  return state === 'ok' ? 'ok' : 'none';
}

/** Within a group: the longest overdue first; otherwise the earliest date first; then the case number. */
function withinGroup(a: Prioritised, b: Prioritised, urgency: Urgency): number {
  switch (urgency) {
    case 'overdue':
      return (b.followUp?.daysPastDue ?? 0) - (a.followUp?.daysPastDue ?? 0);
    case 'soon':
    case 'ok':
      return compare(a.followUp?.dueDate, b.followUp?.dueDate);
    case 'progression':
      return compare(a.progressionDue, b.progressionDue);
    default:
      return 0;
  }
}

const compare = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1;

/** The whole caseload in the order "Mine borgere" shows it. */
export function prioritise<T extends Prioritised>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    const ua = urgencyOf(a);
    const ub = urgencyOf(b);
    if (ua !== ub) return URGENCIES.indexOf(ua) - URGENCIES.indexOf(ub);
    return withinGroup(a, b, ua) || compare(a.caseRef, b.caseRef);
  });
}

export interface CaseloadCounts {
  readonly cases: number;
  readonly overdue: number;
  readonly due: number;
  readonly soon: number;
  /** Cases with a progression measurement due (whatever their follow-up state). */
  readonly progression: number;
}

/** The counts at the top of "Mine borgere": over the whole caseload, not one page. */
export function countCaseload(rows: readonly Prioritised[]): CaseloadCounts {
  const state = (s: string) => rows.filter((r) => r.followUp?.state === s).length;
  return {
    cases: rows.length,
    overdue: state('overdue'),
    due: state('due'),
    soon: state('soon'),
    progression: rows.filter((r) => r.progressionDue !== undefined).length,
  };
}

/** One page of the prioritised caseload; a page number past the end shows the last page. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  pageSize: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: rows.slice(current * pageSize, (current + 1) * pageSize), page: current, pages };
}
