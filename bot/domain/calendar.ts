import { DateTime } from 'luxon';

/**
 * Business dates (YYYY-MM-DD, Europe/Copenhagen unless a tenant says otherwise) and ISO weeks
 * (YYYY-Www). Rules compare plain dates, so an instant is turned into a date once, at the edge of
 * a use case, in the municipality's time zone.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

const utcDate = (isoDate: string): DateTime => DateTime.fromISO(isoDate, { zone: 'utc' });

/*
 * luxon stays the calendar; what it says of a date is remembered. "Mine borgere" asks for the
 * follow-up and measurement dates of every case of a caseload on every turn, and a luxon DateTime
 * per question was over a quarter of the CPU of a 400-case caseload (docs/benchmarks.md). A
 * municipality's rules touch a few thousand distinct dates, so each is parsed once per process.
 */
const MEMO_LIMIT = 20_000;
const DAY_MS = 86_400_000;
const dayNumbers = new Map<string, number>();
const datesByDay = new Map<number, string>();
const isoWeeks = new Map<string, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Days since 1970-01-01 of a real YYYY-MM-DD date (by luxon); undefined for anything else. */
function dayNumberOf(isoDate: string): number | undefined {
  const known = dayNumbers.get(isoDate);
  if (known !== undefined) return Number.isNaN(known) ? undefined : known;
  const d = ISO_DATE.test(isoDate) ? utcDate(isoDate) : undefined;
  const n = remember(dayNumbers, isoDate, d?.isValid === true ? Math.round(d.toMillis() / DAY_MS) : NaN);
  return Number.isNaN(n) ? undefined : n;
}

function dateOfDayNumber(day: number): string {
  return (
    datesByDay.get(day) ??
    remember(datesByDay, day, DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toISODate() ?? '')
  );
}

/** The calendar date of `at` in `zone`. */
export function businessDate(at: Date, zone: string = DEFAULT_TIME_ZONE): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isValidIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && utcDate(value).isValid;
}

export function addDays(isoDate: string, days: number): string {
  const day = Number.isInteger(days) ? dayNumberOf(isoDate) : undefined;
  if (day !== undefined) return dateOfDayNumber(day + days);
  return utcDate(isoDate).plus({ days }).toISODate() ?? isoDate;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = dayNumberOf(from);
  const b = dayNumberOf(to);
  if (a !== undefined && b !== undefined) return b - a;
  return Math.round(utcDate(to).diff(utcDate(from), 'days').days);
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/** The ISO week (YYYY-Www) a date falls in; the ISO year can differ from the calendar year around New Year. */
export function isoWeekOf(isoDate: string): string {
  const known = isoWeeks.get(isoDate);
  if (known !== undefined) return known;
  const d = utcDate(isoDate);
  const week = `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
  return ISO_DATE.test(isoDate) ? remember(isoWeeks, isoDate, week) : week;
}

export function isValidIsoWeek(value: string): boolean {
  const m = ISO_WEEK.exec(value);
  if (m === null) return false;
  const d = DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone: 'utc' });
  return d.isValid && isoWeekOf(d.toISODate() ?? '') === value;
}

/** Monday of an ISO week. */
export function isoWeekStart(isoWeek: string): string {
  const m = ISO_WEEK.exec(isoWeek);
  if (m === null) throw new Error(`Not an ISO week: ${isoWeek}`);
  return (
    DateTime.fromObject(
      { weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 },
      { zone: 'utc' },
    ).toISODate() ?? ''
  );
}

export const isoWeekEnd = (isoWeek: string): string => addDays(isoWeekStart(isoWeek), 6);

/** The week number alone (for short labels such as "uge 7"). */
export const isoWeekNumber = (isoWeek: string): number => Number(isoWeek.slice(-2));

/** `count` ISO weeks ending with the week of `lastDate`, oldest first. */
export function isoWeeksEndingAt(lastDate: string, count: number): string[] {
  const weeks: string[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(isoWeekOf(addDays(lastDate, -7 * i)));
  return weeks;
}

export const previousIsoWeek = (today: string): string => isoWeekOf(addDays(today, -7));

/** Monday = 1 … Sunday = 7, of a date. */
export const weekdayOf = (isoDate: string): number => utcDate(isoDate).weekday;

/** Local wall-clock hour and date of an instant in a zone (for "08:00 on working days"). */
export function localTime(at: Date, zone: string = DEFAULT_TIME_ZONE): { date: string; hour: number; weekday: number } {
  const d = DateTime.fromJSDate(at, { zone });
  return { date: d.toISODate() ?? '', hour: d.hour, weekday: d.weekday };
}

/** "12.03.2025" for Danish, "12 Mar 2025" for English. */
export function formatDate(isoDate: string, locale: 'da' | 'en'): string {
  const d = utcDate(isoDate);
  return locale === 'da' ? d.toFormat('dd.MM.yyyy') : d.setLocale('en-GB').toFormat('d LLL yyyy');
}

/** "5. januar 2026" / "5 January 2026": the long form screening and visitation cards use. */
export function formatLongDate(isoDate: string, locale: 'da' | 'en'): string {
  const d = utcDate(isoDate.slice(0, 10));
  if (!d.isValid) return isoDate;
  return locale === 'da' ? d.setLocale('da').toFormat('d. MMMM yyyy') : d.setLocale('en-GB').toFormat('d MMMM yyyy');
}

/** The calendar day in `zone` of a stored instant (ISO string). */
export function businessDateOf(instant: string, zone: string = DEFAULT_TIME_ZONE): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISODate() ?? instant.slice(0, 10);
}

/** Monday 00:00 of the ISO week containing `now`, in `zone`, as an instant. */
export function startOfIsoWeek(now: Date, zone: string = DEFAULT_TIME_ZONE): Date {
  return DateTime.fromJSDate(now, { zone }).startOf('week').toJSDate();
}
