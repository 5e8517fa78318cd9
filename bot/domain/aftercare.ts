import { DateTime } from 'luxon';
import type { ClosureReason } from './case';

/**
 * Aftercare (efterværn, seed 000: "Praksis for gennemførelse af opfølgende besøg og efterværn"): a
 * case closed because the citizen got a job stays open for aftercare contacts for a number of months
 * without being re-opened. Pure: dates in, dates out.
 */
export const AFTERCARE_REASONS: readonly ClosureReason[] = ['EMPLOYED_SELF_SUPPORTING'];

/** The last day aftercare may be logged on a case closed this way, or undefined when there is none. */
export function aftercareUntil(
  closure: { readonly date: string; readonly reason: ClosureReason } | undefined,
  months: number,
): string | undefined {
  if (closure === undefined || months <= 0 || !AFTERCARE_REASONS.includes(closure.reason)) return undefined;
  return DateTime.fromISO(closure.date, { zone: 'utc' }).plus({ months }).toISODate() ?? undefined;
}

/** Whether aftercare is open on `today` (a business date): from the closure day to `until`, both included. */
export const inAftercare = (until: string | undefined, closedOn: string | undefined, today: string): boolean =>
  until !== undefined && closedOn !== undefined && today >= closedOn && today <= until;
