import type { Locale } from '../../bot/i18n/locale';
import { teamText as t } from '../../bot/i18n/team';
import type { Share, Stat } from '../../bot/domain/digest-aggregates';
import { adaptiveCard, executeAction, facts, heading, note } from '../common/elements';
import { caseloadText } from '../../bot/i18n/caseload';
import type { AdaptiveCard } from '../types';

const pct = (s: Share, locale: Locale): string =>
  s.denominator === 0
    ? t(locale, 'figures.none')
    : `${Math.round((s.numerator / s.denominator) * 100)}${locale === 'da' ? ' %' : '%'} (${t(locale, 'figures.of', { count: s.numerator, of: s.denominator })})`;

const num = (n: number | undefined, locale: Locale): string =>
  n === undefined
    ? t(locale, 'figures.none')
    : new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(n);

/** A jobformidler's own figures, 1:1 (their own citizens: nothing to suppress). */
export function myFiguresCard(input: {
  locale: Locale;
  isoWeek: string;
  m1: Share;
  m5: Share;
  m5Delta: Stat;
  m6: Share;
  overdue: Share;
  caseload: number;
  band: readonly [number, number];
  hoursTarget: number;
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'figures.title', { week: Number(input.isoWeek.slice(6)) })),
      note(t(locale, 'figures.intro')),
      facts([
        [
          t(locale, 'figures.caseload'),
          t(locale, 'figures.caseload_value', { count: input.caseload, low: input.band[0], high: input.band[1] }),
        ],
        [t(locale, 'figures.m1'), pct(input.m1, locale)],
        [t(locale, 'figures.m5'), pct(input.m5, locale)],
        [t(locale, 'figures.m5_delta'), num(input.m5Delta.median, locale)],
        [t(locale, 'figures.m6', { hours: input.hoursTarget }), pct(input.m6, locale)],
        [t(locale, 'figures.m10'), pct(input.overdue, locale)],
      ]),
    ],
    [executeAction(caseloadText(locale, 'title'), 'caseload.open')],
  );
}
