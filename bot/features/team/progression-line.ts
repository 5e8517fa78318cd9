import { formatLongDate } from '../../domain/calendar';
import type { Locale } from '../../i18n/locale';
import { teamText } from '../../i18n/team';
import type { CompletedMeasurement } from '../progression/rules';
import { comparablePair } from '../progression/rules';

const one = (n: number, locale: Locale): string =>
  new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(n);

/** One line on progression for the sparring overview: the latest mean score, and the first on the same set. */
export function progressionLine(locale: Locale, measurements: readonly CompletedMeasurement[]): string {
  const measured = measurements.flatMap((m) =>
    m.status === 'COMPLETED' && m.meanScore !== undefined
      ? [
          {
            measuredAt: m.measuredAt,
            setId: m.indicatorSetId,
            setVersion: m.indicatorSetVersion,
            context: m.context,
            meanScore: m.meanScore,
          },
        ]
      : [],
  );
  const pair = comparablePair(measured);
  if (pair === undefined) return teamText(locale, 'sparring.progression_none');
  return teamText(locale, 'sparring.progression', {
    date: formatLongDate(pair.latest.measuredAt, locale),
    latest: one(pair.latest.meanScore, locale),
    baseline:
      pair.baseline !== undefined
        ? teamText(locale, 'sparring.progression_baseline', { baseline: one(pair.baseline.meanScore, locale) })
        : '',
  });
}
