import { DateTime, type WeekdayNumbers } from 'luxon';

/**
 * Calendar arithmetic for the digest. Business dates (YYYY-MM-DD, Europe/Copenhagen) become whole
 * day numbers so the metrics can compare and subtract them cheaply for thousands of cases; the time
 * zone (and so daylight saving) only matters where a wall-clock time meets an instant, which luxon does.
 */

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a business date. A digest parses the same few hundred dates for thousands
 * of cases, so parsed dates are remembered (bounded: a cache of calendar days, not of cases).
 */
const dayCache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

export function dayNumber(isoDate: string): number {
  const cached = dayCache.get(isoDate);
  if (cached !== undefined) return cached;
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const day = Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(isoDate, day);
  return day;
}

export function isoDateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export const weekdayIndex = (day: number): number => (((day + 3) % 7) + 7) % 7;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO week ("2025-W14") of a day number. */
const weekCache = new Map<number, string>();

export function isoWeekOfDay(day: number): string {
  const cached = weekCache.get(day);
  if (cached !== undefined) return cached;
  const thursday = day - weekdayIndex(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  const iso = `${year}-W${pad2(week)}`;
  if (weekCache.size >= CACHE_LIMIT) weekCache.clear();
  weekCache.set(day, iso);
  return iso;
}

/** Day number of the Monday of an ISO week. */
const mondayCache = new Map<string, number>();

export function mondayOfIsoWeek(isoWeek: string): number {
  const cached = mondayCache.get(isoWeek);
  if (cached !== undefined) return cached;
  const year = Number(isoWeek.slice(0, 4));
  const week = Number(isoWeek.slice(6));
  const jan4 = dayNumber(`${year}-01-04`);
  const monday = jan4 - weekdayIndex(jan4) + (week - 1) * 7;
  if (mondayCache.size >= CACHE_LIMIT) mondayCache.clear();
  mondayCache.set(isoWeek, monday);
  return monday;
}

/** The ISO week `offset` weeks after `isoWeek` (negative: before). */
export const addIsoWeeks = (isoWeek: string, offset: number): string =>
  isoWeekOfDay(mondayOfIsoWeek(isoWeek) + offset * 7);

/** Week index comparable across years (Monday's day number / 7). */
export const weekIndex = (isoWeek: string): number => Math.floor((mondayOfIsoWeek(isoWeek) + 3) / 7);

/** The digest week a moment falls in, seen from a time zone. */
export interface DigestWeek {
  /** ISO week of the digest, e.g. "2025-W14". */
  readonly isoWeek: string;
  /** As-of T: Monday 00:00 local of that week, as a business date; every window ends just before it. */
  readonly asOf: string;
}

export function digestWeekOf(now: Date, timeZone: string): DigestWeek {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return {
    isoWeek: `${local.weekYear}-W${pad2(local.weekNumber)}`,
    asOf: local.startOf('week').toISODate() ?? '',
  };
}

export function digestWeekFor(isoWeek: string): DigestWeek {
  return { isoWeek, asOf: isoDateOf(mondayOfIsoWeek(isoWeek)) };
}

/**
 * The instant a weekly schedule is due in an ISO week: weekday (1 = Monday) at HH:mm wall-clock time
 * in the zone. luxon resolves the zone's offset for that very day, so 08:00 stays 08:00 across a
 * daylight-saving change; a time that does not exist that night (02:30 in spring) moves forward an hour.
 */
export function dueInstant(isoWeek: string, weekday: WeekdayNumbers, time: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return DateTime.fromObject(
    { weekYear: Number(isoWeek.slice(0, 4)), weekNumber: Number(isoWeek.slice(6)), weekday, hour, minute },
    { zone: timeZone },
  ).toJSDate();
}
