import { localTime } from '../../domain/calendar';

/** The nudge goes out from 08:00 local time on working days; until 17:00 a late instance still catches up. */
export const NUDGE_FROM_HOUR = 8;
export const NUDGE_UNTIL_HOUR = 17;
/** Cases listed in one nudge; the rest are a click away in "Mine borgere". */
export const NUDGE_MAX_ROWS = 15;

/**
 * The local date whose nudge is due at `now` in `zone`, or undefined outside the window: Monday to
 * Friday, from 08:00 to 17:00 local time (summer and winter time alike).
 */
export function nudgeDate(now: Date, zone: string): string | undefined {
  const local = localTime(now, zone);
  if (local.weekday > 5) return undefined;
  if (local.hour < NUDGE_FROM_HOUR || local.hour >= NUDGE_UNTIL_HOUR) return undefined;
  return local.date;
}

/**
 * Passes (every 15 minutes) that may try a nudge Teams refused before the day's nudge is given up:
 * an hour of throttling or outage, after which it would arrive too late in the morning to help.
 */
export const NUDGE_MAX_PASSES = 4;

/** The once-per-user-per-day claim key (bot/store/claims.ts). */
export const nudgeClaimKey = (userId: string, date: string): string => `nudge:${userId}:${date}`;
