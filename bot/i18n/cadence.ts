import { defineCatalogue } from './catalogue';
import type { Locale } from './locale';

/**
 * How often something happens, as a jobcentre worker says it: "hver 6. uge" rather than "hver 42.
 * dag" when the days are whole weeks, "hver uge" and "hver dag" for one.
 */
export const cadenceText = defineCatalogue({
  da: {
    days: '{days, plural, one {hver dag} other {hver #. dag}}',
    weeks: '{weeks, plural, one {hver uge} other {hver #. uge}}',
  },
  en: {
    days: '{days, plural, one {every day} other {every # days}}',
    weeks: '{weeks, plural, one {every week} other {every # weeks}}',
  },
});

/** "hver 6. uge" / "every 6 weeks" for 42 days; "hver 10. dag" / "every 10 days" for 10. */
export function everyNDays(locale: Locale, days: number): string {
  return days % 7 === 0 && days > 0
    ? cadenceText(locale, 'weeks', { weeks: days / 7 })
    : cadenceText(locale, 'days', { days });
}
