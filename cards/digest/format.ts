import type { Locale } from '../../bot/i18n/locale';
import type { Cell } from '../../bot/domain/suppression';
import type { Format } from '../../bot/features/digest/figure-rules';

/**
 * How the digest prints a cell: Danish number formats first, and the two suppression marks the
 * card's footer explains: "< 5" for a small count, "–" for anything hidden to protect another cell.
 */
const numberFormat = (locale: Locale, maximumFractionDigits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits });

export function formatPercent(value: number, locale: Locale): string {
  const n = Math.round(value * 100);
  return locale === 'da' ? `${n} %` : `${n}%`;
}

export function formatCell(cell: Cell, format: Format, locale: Locale, k: number): string {
  if (!cell.shown) return cell.reason === 'small' && format === 'count' ? `< ${k}` : '–';
  switch (format) {
    case 'percent':
      return formatPercent(cell.value, locale);
    case 'count':
      return numberFormat(locale, 0).format(cell.value);
    case 'days':
    case 'hours':
    case 'number':
      return numberFormat(locale, 1).format(cell.value);
  }
}

/** A count cell as "< 5" / "–" / "12". */
export const formatCount = (cell: Cell, locale: Locale, k: number): string => formatCell(cell, 'count', locale, k);

/** "søndag 6. april 2025" / "Sunday 6 April 2025" for a business date. */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** "U14" / "W14" for an ISO week "2025-W14". */
export const weekLabel = (isoWeek: string, locale: Locale): string =>
  `${locale === 'da' ? 'U' : 'W'}${Number(isoWeek.slice(6))}`;
