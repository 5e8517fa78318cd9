import { elementLabel, type CoreElementSet } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';
import { fidelityText as t } from '../../bot/i18n/fidelity';
import { FIDELITY_GOOD_FROM, MIN_RESPONDENTS, type RoundResult } from '../../bot/features/fidelity/rules';
import { comparisonChart } from '../progression/comparison-chart';
import { adaptiveCard, container, executeAction, facts, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { formatChange, formatDay, formatLevel } from './format';

/**
 * A fidelity round for the team: while open only how many have answered; once closed the team's
 * level per core element and its change since the last round, as Teams' bar chart (with a PNG of the
 * same bars for clients without charts) and as a list. Nothing per person, and nothing at all below
 * MIN_RESPONDENTS answers. Safe for the team's channel.
 */
export interface ReportRound {
  readonly roundId: string;
  readonly endDate: string;
  readonly invitedCount: number;
  readonly answeredCount: number;
}

export interface RoundReportInput {
  readonly locale: Locale;
  readonly round: ReportRound;
  readonly set: CoreElementSet;
  /** Undefined while the round is open. */
  readonly result: RoundResult | undefined;
  readonly previousEndDate?: string | undefined;
}

/** The bars of a shown result: this round, and the last round beside it when every element has one. */
export function levelsChart(locale: Locale, result: Extract<RoundResult, { shown: true }>): JsonObject | undefined {
  const shown = result.elements.filter((e) => e.level !== undefined);
  if (shown.length === 0) return undefined;
  const now = shown.map((e) => e.level ?? 0);
  const before = shown.every((e) => e.previous !== undefined) ? shown.map((e) => e.previous ?? 0) : undefined;
  return comparisonChart({
    title: t(locale, 'report.chart.title'),
    labels: shown.map((e) => elementLabel(e.element, locale)),
    series: [
      ...(before ? [{ legend: t(locale, 'report.chart.before'), values: before }] : []),
      { legend: t(locale, 'report.chart.now'), values: now },
    ],
    max: 5,
    yAxisTitle: t(locale, 'report.chart.axis'),
    altText: t(locale, 'report.chart.alt', {
      values: shown
        .map((e, i) => `${i + 1} ${elementLabel(e.element, locale)} ${formatLevel(e.level ?? 0, locale)}`)
        .join(', '),
    }),
  });
}

/** "3,8 (▲ 0,4)" or "– (færre end 3 svar)". */
export function elementValue(locale: Locale, e: Extract<RoundResult, { shown: true }>['elements'][number]): string {
  if (e.level === undefined) return t(locale, 'report.element.hidden', { min: MIN_RESPONDENTS });
  return e.change === undefined
    ? formatLevel(e.level, locale)
    : `${formatLevel(e.level, locale)} (${formatChange(e.change, locale)})`;
}

export function roundReportCard(input: RoundReportInput): AdaptiveCard {
  const { locale, round, set, result } = input;
  const refresh = executeAction(t(locale, 'report.refresh'), 'fidelity.report.open', { roundId: round.roundId });
  const title = heading(t(locale, 'report.title', { programme: set.programme[locale] }));
  const counts = { answered: round.answeredCount, invited: round.invitedCount };
  if (result === undefined)
    return adaptiveCard(
      [
        title,
        text(t(locale, 'report.open', { ...counts, date: formatDay(round.endDate, locale) })),
        note(t(locale, 'report.open.note', { min: MIN_RESPONDENTS })),
      ],
      [refresh],
    );
  const closed = text(t(locale, 'report.closed', { ...counts, date: formatDay(round.endDate, locale) }));
  if (!result.shown) return adaptiveCard([title, closed, text(t(locale, 'report.too_few', { min: MIN_RESPONDENTS }))]);

  const chart = levelsChart(locale, result);
  const change =
    result.medianChange !== undefined && input.previousEndDate !== undefined
      ? t(locale, 'report.change', {
          change: formatChange(result.medianChange, locale),
          date: formatDay(input.previousEndDate, locale),
        })
      : t(locale, 'report.no_previous');
  const body: JsonObject[] = [
    title,
    closed,
    container(
      [
        text(t(locale, 'report.median'), { weight: 'Bolder' }),
        text(result.median === undefined ? '–' : formatLevel(result.median, locale), {
          size: 'ExtraLarge',
          weight: 'Bolder',
          ...(result.median !== undefined ? { color: result.median >= FIDELITY_GOOD_FROM ? 'Good' : 'Warning' } : {}),
        }),
        note(change),
      ],
      { spacing: 'Medium' },
    ),
    ...(chart ? [chart] : []),
    facts(result.elements.map((e) => [elementLabel(e.element, locale), elementValue(locale, e)] as const)),
    note(t(locale, 'report.scale')),
    note(t(locale, 'report.practice')),
  ];
  return adaptiveCard(body);
}

/** A leader's list of rounds in the 1:1 chat, newest first, each opening its report. */
export function roundsListCard(input: {
  locale: Locale;
  rows: readonly { round: ReportRound & { readonly open: boolean }; set: CoreElementSet }[];
}): AdaptiveCard {
  const { locale } = input;
  if (input.rows.length === 0)
    return adaptiveCard([heading(t(locale, 'report.list.title')), text(t(locale, 'report.list.none'))]);
  return adaptiveCard([
    heading(t(locale, 'report.list.title')),
    ...input.rows.map(({ round, set }) => {
      const date = formatDay(round.endDate, locale);
      return container(
        [
          text(
            t(locale, 'report.list.row', {
              programme: set.programme[locale],
              status: t(locale, round.open ? 'report.list.open' : 'report.list.closed', { date }),
              answered: round.answeredCount,
              invited: round.invitedCount,
            }),
          ),
          {
            type: 'ActionSet',
            actions: [
              executeAction(t(locale, 'report.list.show', { date }), 'fidelity.report.open', {
                roundId: round.roundId,
              }),
            ],
          },
        ],
        { separator: true },
      );
    }),
  ]);
}
