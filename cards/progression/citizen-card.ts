import { progressionText as t } from '../../bot/i18n/progression';
import { localized, orientedScore, scaleMax, shortNameOf } from '../../bot/domain/indicator-set';
import { adaptiveCard, columns, container, executeAction, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { comparisonChart } from './comparison-chart';
import { dots, formatDate } from './format';
import { hoursSection, type ProgressionCardInput } from './overview-card';

/**
 * The citizen's version ("borgerudgave") the jobformidler shows on screen: plain words, large
 * dots, no internal notes, no case number, no set versions. Every indicator is turned so that more
 * filled dots always means better (seed 003: "let for borgerne at se udviklingen").
 */
export function citizenCard(input: ProgressionCardInput): AdaptiveCard {
  const { locale, latest, latestSet: set, baseline, comparison } = input;
  const body: JsonObject[] = [
    text(t(locale, 'citizen.title'), { size: 'ExtraLarge', weight: 'Bolder', style: 'heading' }),
  ];
  const back = executeAction(t(locale, 'citizen.back'), 'progression.open', { caseRef: input.caseRef });
  if (latest === undefined || set === undefined) {
    body.push(text(t(locale, 'citizen.none'), { size: 'Large' }));
    return adaptiveCard(body, [back]);
  }
  body.push(text(t(locale, 'citizen.intro'), { size: 'Medium' }));
  if (latest.scores.some((s) => s.citizenValue !== undefined)) body.push(text(t(locale, 'citizen.own')));
  const max = scaleMax(set.scale);
  const compared = comparison !== undefined && baseline !== undefined;
  // The citizen's picture is the citizen's own answers where they gave them (issue 16 B.4, seed 003:
  // "større borgerinddragelse og ansvar for egen udvikling"); a measurement without them shows the agreed score.
  const own = latest.scores.some((s) => s.citizenValue !== undefined);
  const valueOf = (scores: typeof latest.scores, id: string): number | undefined => {
    const s = scores.find((x) => x.indicatorId === id);
    return own ? s?.citizenValue : (s?.value ?? s?.citizenValue);
  };

  const oriented = set.indicators.map((indicator) => {
    const now = valueOf(latest.scores, indicator.indicatorId);
    const before = compared ? valueOf(baseline.scores, indicator.indicatorId) : undefined;
    return {
      indicator,
      now: now === undefined ? undefined : orientedScore(indicator, now, set.scale),
      before: before === undefined ? undefined : orientedScore(indicator, before, set.scale),
    };
  });

  for (const { indicator, now, before } of oriented) {
    const title = indicator.citizenText ? localized(indicator.citizenText, locale) : indicator.name[locale];
    const line = (label: string, value: number | undefined, color: string): JsonObject =>
      columns([
        { width: 'auto', items: [text(label, { size: 'Medium', spacing: 'None' })] },
        { items: [text(value === undefined ? '–' : dots(value, max), { size: 'ExtraLarge', color, spacing: 'None' })] },
      ]);
    const items: JsonObject[] = [text(title, { size: 'Large', weight: 'Bolder' })];
    if (before !== undefined) items.push(line(t(locale, 'citizen.before'), before, 'Default'));
    items.push(line(t(locale, 'citizen.now'), now, 'Accent'));
    if (before !== undefined && now !== undefined) {
      const word = now > before ? 'citizen.up' : now === before ? 'citizen.same' : 'citizen.down';
      items.push(text(t(locale, word), { color: now > before ? 'Good' : 'Default', weight: 'Bolder' }));
    }
    body.push(container(items, { separator: true, spacing: 'Medium' }));
  }

  if (!compared) body.push(text(t(locale, 'citizen.first'), { size: 'Medium', spacing: 'Large' }));
  if (input.otherVersions) body.push(text(t(locale, 'citizen.changed_questions'), { spacing: 'Medium' }));

  body.push(
    comparisonChart({
      title: t(locale, 'citizen.chart.title'),
      labels: set.indicators.map((i) => shortNameOf(i, locale)),
      series: [
        ...(compared
          ? [
              {
                legend: t(locale, 'chart.series.before', { date: formatDate(baseline.measuredAt, locale) }),
                values: oriented.map((o) => o.before ?? 0),
              },
            ]
          : []),
        {
          legend: t(locale, 'chart.series.after', { date: formatDate(latest.measuredAt, locale) }),
          values: oriented.map((o) => o.now ?? 0),
        },
      ],
      max,
      yAxisTitle: t(locale, 'chart.score_axis'),
      altText: t(locale, 'chart.comparison.alt'),
    }),
  );
  body.push(container(hoursSection(input, 'citizen.hours.title'), { separator: true, spacing: 'Large' }));
  return adaptiveCard(body, [back]);
}
