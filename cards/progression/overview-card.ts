import type { Locale } from '../../bot/i18n/locale';
import { progressionText as t } from '../../bot/i18n/progression';
import { scaleMax, shortNameOf, type IndicatorSet } from '../../bot/domain/indicator-set';
import type { MeasurementContext, Participant } from '../../bot/domain/progression';
import {
  adaptiveCard,
  container,
  executeAction,
  facts,
  goodText,
  heading,
  note,
  subheading,
  text,
} from '../common/elements';
import { ordinaryHoursChart } from '../common/hours-chart';
import { table } from '../common/table';
import type { AdaptiveCard, JsonObject } from '../types';
import { comparisonChart } from './comparison-chart';
import { contextLabel, formatDate, participantsLabel, setLabel } from './format';

/**
 * The jobformidler's overview of a case's progression: what was measured when, the comparison of
 * baseline and latest on the same set version (native chart + PNG fallback + table), internal
 * notes, the cadence, and the ordinary-hours curve with the target line.
 */
export interface MeasurementView {
  readonly measuredAt: string;
  readonly context: MeasurementContext;
  readonly participants: readonly Participant[];
  readonly agreedWithCitizen: boolean;
  readonly scores: readonly {
    readonly indicatorId: string;
    readonly value?: number | undefined;
    readonly citizenValue?: number | undefined;
    readonly note?: string | undefined;
  }[];
  readonly meanScore?: number | undefined;
  readonly cursor: number;
}

export interface ComparisonView {
  readonly rows: readonly {
    readonly indicatorId: string;
    readonly before?: number | undefined;
    readonly after?: number | undefined;
    readonly improvement?: number | undefined;
  }[];
  readonly meanBefore?: number | undefined;
  readonly meanAfter?: number | undefined;
}

export type DueView = { readonly state: 'none' } | { readonly state: 'upcoming' | 'due'; readonly daysLate: number };

export interface ProgressionCardInput {
  readonly locale: Locale;
  readonly caseRef: string;
  readonly latest?: MeasurementView | undefined;
  readonly latestSet?: IndicatorSet | undefined;
  readonly baseline?: MeasurementView | undefined;
  readonly comparison?: ComparisonView | undefined;
  readonly otherVersions: boolean;
  readonly draft?: { readonly doc: MeasurementView; readonly set: IndicatorSet } | undefined;
  readonly due: DueView;
  readonly nextDue?: string | undefined;
  readonly weeks: readonly { readonly isoWeek: string; readonly ordinaryHours: number }[];
  readonly hoursTarget: number;
  readonly notice?: string | undefined;
}

/** Notes are shown in full on the summary; here a preview keeps the card under Teams' size limit. */
const NOTE_PREVIEW = 200;
const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
const decimal = (n: number | undefined, locale: Locale): string =>
  n === undefined ? '–' : n.toLocaleString(locale === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 });

function dueText(input: ProgressionCardInput): string {
  const { locale, due, nextDue } = input;
  if (due.state === 'none' || nextDue === undefined) return t(locale, 'overview.not_g1');
  const date = formatDate(nextDue, locale);
  if (due.state === 'upcoming') return date;
  return due.daysLate > 0
    ? t(locale, 'overview.due_late', { date, days: due.daysLate })
    : t(locale, 'overview.due_now', { date });
}

/** The comparison (or the single latest measurement) as chart and table; shared with nothing internal. */
export function scoresSection(input: ProgressionCardInput, options: { citizen: boolean }): JsonObject[] {
  const { locale, latest, latestSet: set, baseline, comparison } = input;
  if (latest === undefined || set === undefined) return [];
  const labels = set.indicators.map((i) => shortNameOf(i, locale));
  const valueOf = (m: MeasurementView, id: string) => m.scores.find((s) => s.indicatorId === id)?.value;
  const after = set.indicators.map((i) => valueOf(latest, i.indicatorId) ?? 0);
  const series = [
    ...(comparison && baseline
      ? [
          {
            legend: t(locale, 'chart.series.before', { date: formatDate(baseline.measuredAt, locale) }),
            values: set.indicators.map((i) => valueOf(baseline, i.indicatorId) ?? 0),
          },
        ]
      : []),
    { legend: t(locale, 'chart.series.after', { date: formatDate(latest.measuredAt, locale) }), values: after },
  ];
  const chart = comparisonChart({
    title: t(locale, options.citizen ? 'citizen.chart.title' : 'chart.comparison.title'),
    labels,
    series,
    max: scaleMax(set.scale),
    yAxisTitle: t(locale, 'chart.score_axis'),
    altText: t(locale, 'chart.comparison.alt'),
  });
  if (options.citizen) return [chart];
  const header = comparison
    ? [
        '#',
        t(locale, 'overview.table.indicator'),
        t(locale, 'overview.table.before'),
        t(locale, 'overview.table.after'),
        t(locale, 'overview.table.change'),
      ]
    : ['#', t(locale, 'overview.table.indicator'), t(locale, 'overview.table.after')];
  const rows = set.indicators.map((indicator, i) => {
    const row = comparison?.rows.find((r) => r.indicatorId === indicator.indicatorId);
    const name = indicator.name[locale];
    return comparison
      ? [
          String(i + 1),
          name,
          String(row?.before ?? '–'),
          String(row?.after ?? '–'),
          row?.improvement === undefined ? '–' : signed(row.improvement),
        ]
      : [String(i + 1), name, String(after[i] ?? '–')];
  });
  const meanRow = comparison
    ? [
        '',
        t(locale, 'overview.mean'),
        decimal(comparison.meanBefore, locale),
        decimal(comparison.meanAfter, locale),
        '',
      ]
    : ['', t(locale, 'overview.mean'), decimal(latest.meanScore, locale)];
  return [chart, table(header, [...rows, meanRow], comparison ? [1, 6, 2, 2, 2] : [1, 8, 2])];
}

/** A note under the picture when measurements on other set versions exist (they are never compared). */
export function versionNote(input: ProgressionCardInput): string | undefined {
  if (input.latest === undefined || input.latestSet === undefined) return undefined;
  if (input.otherVersions && input.baseline === undefined)
    return t(input.locale, 'overview.version_mismatch', { latest: setLabel(input.latestSet, input.locale) });
  if (input.otherVersions) return t(input.locale, 'overview.other_versions');
  if (input.baseline === undefined) return t(input.locale, 'overview.only_one');
  return undefined;
}

export function hoursSection(
  input: ProgressionCardInput,
  titleKey: 'hours.title' | 'citizen.hours.title',
): JsonObject[] {
  const { locale } = input;
  const target = input.hoursTarget;
  const chart = ordinaryHoursChart({
    weeks: input.weeks,
    target,
    title: t(locale, titleKey),
    seriesLegend: t(locale, 'hours.series'),
    targetLegend: t(locale, 'hours.target', { target }),
    altText: t(locale, 'hours.alt', { target }),
    xAxisTitle: t(locale, 'hours.week_axis'),
  });
  const last = input.weeks.at(-1);
  return [
    subheading(t(locale, titleKey)),
    ...(chart ? [chart] : [note(t(locale, 'hours.none'))]),
    ...(last
      ? [
          text(
            titleKey === 'citizen.hours.title'
              ? t(locale, 'citizen.hours.latest', { hours: decimal(last.ordinaryHours, locale), target })
              : t(locale, 'hours.latest', { week: last.isoWeek, hours: decimal(last.ordinaryHours, locale), target }),
            titleKey === 'citizen.hours.title' ? { size: 'Large' } : {},
          ),
        ]
      : []),
  ];
}

export function progressionOverviewCard(input: ProgressionCardInput): AdaptiveCard {
  const { locale, latest, latestSet, baseline, draft } = input;
  const yesNo = (b: boolean) => t(locale, b ? 'overview.yes' : 'overview.no');
  const body: JsonObject[] = [heading(t(locale, 'overview.title', { caseRef: input.caseRef }))];
  if (input.notice) body.push(goodText(input.notice));
  if (latest === undefined || latestSet === undefined) body.push(text(t(locale, 'overview.none')));
  const rows: [string, string][] = [];
  if (latest && latestSet) {
    rows.push([t(locale, 'overview.set'), setLabel(latestSet, locale)]);
    rows.push([
      t(locale, 'overview.latest'),
      `${formatDate(latest.measuredAt, locale)} · ${contextLabel(latest.context, locale)}`,
    ]);
    if (baseline)
      rows.push([
        t(locale, 'overview.baseline'),
        `${formatDate(baseline.measuredAt, locale)} · ${contextLabel(baseline.context, locale)}`,
      ]);
    rows.push([t(locale, 'overview.participants'), participantsLabel(latest.participants, locale)]);
    rows.push([t(locale, 'overview.agreed'), yesNo(latest.agreedWithCitizen)]);
  }
  rows.push([t(locale, 'overview.next_due'), dueText(input)]);
  body.push(facts(rows));
  const version = versionNote(input);
  if (version) body.push(text(version, { color: input.otherVersions ? 'Warning' : 'Default', size: 'Small' }));
  body.push(...scoresSection(input, { citizen: false }));

  const notes =
    latest && latestSet
      ? latestSet.indicators.flatMap((i) => {
          const n = latest.scores.find((s) => s.indicatorId === i.indicatorId)?.note;
          return n ? [[i.name[locale], clip(n, NOTE_PREVIEW)] as [string, string]] : [];
        })
      : [];
  if (notes.length > 0)
    body.push(container([subheading(t(locale, 'overview.notes')), facts(notes)], { separator: true }));
  body.push(container(hoursSection(input, 'hours.title'), { separator: true, spacing: 'Large' }));
  if (draft)
    body.push(
      note(
        t(locale, 'overview.draft', {
          date: formatDate(draft.doc.measuredAt, locale),
          done: draft.doc.scores.length,
          total: draft.set.indicators.length,
        }),
      ),
    );

  const actions = [
    draft
      ? executeAction(
          t(locale, 'overview.resume'),
          'progression.resume',
          { caseRef: input.caseRef },
          { style: 'positive' },
        )
      : executeAction(t(locale, 'overview.new'), 'progression.new', { caseRef: input.caseRef }),
    ...(latest
      ? [executeAction(t(locale, 'overview.citizen'), 'progression.citizen', { caseRef: input.caseRef })]
      : []),
  ];
  return adaptiveCard(body, actions);
}
