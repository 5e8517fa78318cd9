import { elementLabel } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';
import { fidelityText as t } from '../../bot/i18n/fidelity';
import type { FidelityDigestView } from '../../bot/features/fidelity/rules';
import type { Figure } from '../../bot/features/digest/figure-rules';
import { FIDELITY_GOOD_FROM, MIN_RESPONDENTS } from '../../bot/features/fidelity/rules';
import { container, note, text } from '../common/elements';
import type { JsonObject } from '../types';
import { formatChange, formatDay, formatLevel } from './format';
import { elementValue } from './report-card';

/**
 * M21 in the digest's quality section: per programme the team's level (median of the core elements),
 * then every core element with its level, its change since the last round, and beside it the figures
 * from daily work that speak to the same element (already suppressed by the digest). A native bar
 * chart of the levels is dropped by clients without charts: the list below carries the same numbers.
 */
export interface FidelityBlockInput {
  readonly locale: Locale;
  readonly fidelity: FidelityDigestView | undefined;
  /** "Borgere med CV 63 %": a practice figure as the digest card words it. */
  readonly describe: (figure: Figure) => string;
  /** The digest's "(?)" toggle that opens a definition; none in the compact digest (no inline definition). */
  readonly toggle?: JsonObject;
  readonly more: string;
}

export const M21_DEFINITION_ID = 'what-M21';

export function fidelityDigestBlock(input: FidelityBlockInput): JsonObject {
  const { locale, fidelity } = input;
  const title = text(`**${t(locale, 'digest.title')}**${input.more ? ` ${input.more}` : ''}`);
  const toggle = input.toggle !== undefined ? { selectAction: input.toggle } : {};
  const definition: JsonObject[] =
    input.toggle !== undefined
      ? [{ ...note(t(locale, 'digest.what', { min: MIN_RESPONDENTS })), id: M21_DEFINITION_ID, isVisible: false }]
      : [];
  if (fidelity === undefined || fidelity.entries.length === 0)
    return container([title, note(t(locale, 'digest.none', { min: MIN_RESPONDENTS })), ...definition], {
      ...toggle,
      spacing: 'Medium',
    });
  const entries = fidelity.entries.flatMap((entry): JsonObject[] => {
    const { result } = entry;
    const shown = result.elements.filter((e) => e.level !== undefined);
    const median = result.median;
    return [
      {
        type: 'ColumnSet',
        ...toggle,
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              note(t(locale, 'digest.label')),
              note(
                entry.teams > 1
                  ? t(locale, 'digest.programme.pooled', {
                      programme: entry.set.programme[locale],
                      teams: entry.teams,
                      answered: entry.answered,
                    })
                  : t(locale, 'digest.programme', {
                      programme: entry.set.programme[locale],
                      date: formatDay(entry.closedOn, locale),
                      answered: entry.answered,
                    }),
              ),
            ],
          },
          {
            type: 'Column',
            width: 'auto',
            items: [
              text(median === undefined ? '–' : formatLevel(median, locale), {
                weight: 'Bolder',
                horizontalAlignment: 'Right',
                ...(median !== undefined ? { color: median >= FIDELITY_GOOD_FROM ? 'Good' : 'Warning' } : {}),
              }),
              ...(result.medianChange !== undefined ? [note(formatChange(result.medianChange, locale))] : []),
            ],
          },
        ],
      },
      ...(shown.length > 0
        ? [
            {
              type: 'Chart.VerticalBar',
              title: t(locale, 'report.chart.title'),
              yAxisTitle: t(locale, 'report.chart.axis'),
              data: shown.map((e) => ({ x: elementLabel(e.element, locale), y: e.level ?? 0 })),
              fallback: 'drop',
            },
          ]
        : []),
      ...result.elements.map((e) => {
        const practice = entry.practice[e.element.elementId] ?? [];
        return container(
          [
            text(`${elementLabel(e.element, locale)}: **${elementValue(locale, e)}**`, { spacing: 'None' }),
            ...(practice.length > 0
              ? [note(t(locale, 'digest.practice', { figures: practice.map(input.describe).join(' · ') }))]
              : []),
          ],
          { spacing: 'Small' },
        );
      }),
    ];
  });
  return container([title, ...entries, ...definition], { spacing: 'Medium' });
}
