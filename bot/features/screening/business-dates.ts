import { DateTime } from 'luxon';
import type { Locale } from '../../i18n/locale';

/** Business dates (YYYY-MM-DD) are Danish calendar days; the instant comes in from the turn. */
export const BUSINESS_ZONE = 'Europe/Copenhagen';

export function businessDate(now: Date, zone = BUSINESS_ZONE): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? '';
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? isoDate;
}

/** Monday 00:00 of the ISO week containing `now`, in Danish time, as an instant. */
export function startOfIsoWeek(now: Date, zone = BUSINESS_ZONE): Date {
  return DateTime.fromJSDate(now, { zone }).startOf('week').toJSDate();
}

/** "5. januar 2026" / "5 January 2026". */
export function formatDate(isoDate: string, locale: Locale): string {
  const d = DateTime.fromISO(isoDate.slice(0, 10), { zone: 'UTC' });
  if (!d.isValid) return isoDate;
  return locale === 'da' ? d.setLocale('da').toFormat('d. MMMM yyyy') : d.setLocale('en-GB').toFormat('d MMMM yyyy');
}

/** The Danish calendar day of a stored instant (ISO string). */
export function businessDateOf(instant: string, zone = BUSINESS_ZONE): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISODate() ?? instant.slice(0, 10);
}
