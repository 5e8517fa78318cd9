import { addDays } from '../../domain/calendar';
import { REASSIGNMENT_REASONS, type ReassignmentReason } from '../../domain/case';
import { InvalidInputError } from '../../domain/errors';
import type { CaseDoc } from '../../store/case-repository';
import type { FormReader } from '../case-work/form-reader';

/**
 * Pure rules of moving a case to another jobformidler (issue 15 item 4; M20 continuity counts the
 * jobformidlere in `jobformidlerHistory`). "today" is the municipality's business date.
 */
export interface Move {
  readonly toUserId: string;
  readonly reason: ReassignmentReason;
  /** The day the new jobformidler takes over. */
  readonly date: string;
}

/** Reads target, reason and date: a jobformidler from `targets`, a reason, a date not in the future (a year back at most). */
export function readMove(form: FormReader, today: string, targets: readonly string[]): Move {
  const toUserId = form.raw('toUserId').toLowerCase();
  if (toUserId === '') form.text('toUserId', { required: true });
  if (!targets.includes(toUserId)) throw new InvalidInputError('error.target', {}, 'toUserId');
  const reason = form.choice('reason', REASSIGNMENT_REASONS, { required: true });
  const date = form.date('date', { required: true, notAfter: today, notBefore: addDays(today, -366) });
  if (reason === undefined || date === undefined) throw new InvalidInputError('error.required');
  return { toUserId, reason, date };
}

/** A case that can move: group 1, open, with a jobformidler who is not already the target. */
export const canMove = (c: CaseDoc, toUserId?: string): boolean =>
  c.status !== 'CLOSED' &&
  c.visitation?.group === 'G1_INTERVENTION' &&
  c.assignedJobformidlerId !== undefined &&
  c.assignedJobformidlerId !== toUserId;

/** When the current jobformidler took the case over (a move cannot be dated before it). */
export const currentSince = (c: CaseDoc): string | undefined =>
  [...c.jobformidlerHistory].reverse().find((h) => h.userId === c.assignedJobformidlerId && h.to === undefined)?.from;

/**
 * The case after the move: the current jobformidler's period ends on the move date (`to`, exclusive),
 * the new one starts that day with the reason and who moved it; any proposed transfer is settled.
 */
export function movedCase(c: CaseDoc, move: Move, by: string, at: Date): CaseDoc {
  const since = currentSince(c);
  if (since !== undefined && move.date < since)
    throw new InvalidInputError('error.date_before', { date: since }, 'date');
  const history = c.jobformidlerHistory.map((h) =>
    h.userId === c.assignedJobformidlerId && h.to === undefined ? { ...h, to: move.date } : h,
  );
  const { pendingTransfer: _pending, ...rest } = c;
  return {
    ...rest,
    assignedJobformidlerId: move.toUserId,
    jobformidlerHistory: [...history, { userId: move.toUserId, from: move.date, reason: move.reason, by }],
    updatedAt: at.toISOString(),
    updatedBy: by,
  };
}
