import type { Locale } from '../../bot/i18n/locale';
import { digestText as t } from '../../bot/i18n/digest';
import { digestMetricsText as m, type DigestMetricsKey } from '../../bot/i18n/digest-metrics';
import type { Params } from '../../bot/i18n/catalogue';
import type { DigestView } from '../../bot/features/digest/view-rules';
import type { Figure, MetricBlock, Status } from '../../bot/features/digest/figure-rules';
import type { DigestScope } from '../../bot/domain/digest-aggregates';
import { adaptiveCard, container, facts, heading, note, subheading, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { formatCell, formatCount, formatDate, formatPercent } from './format';
import { trendChart } from './trend-chart';
import { workloadSection, type WorkloadRow } from './workload-section';
import { fidelityDigestBlock, M21_DEFINITION_ID } from '../fidelity/digest-block';

/**
 * The weekly steering digest (domain-research §6.5): the headline M1 against the target with its
 * change and a 12-week trend, a line of good news, then results, flow and quality. Every figure can
 * be tapped for "Hvad betyder tallet?" (Action.ToggleVisibility). It receives a suppressed view only;
 * the workload section exists only when the card goes 1:1 to a leader.
 */
export interface DigestCardInput {
  readonly locale: Locale;
  readonly view: DigestView;
  readonly scope: DigestScope;
  readonly settings: {
    readonly ordinaryHoursTarget: number;
    readonly caseloadBand: readonly [number, number];
    readonly hkoFastTrackDays: number;
    readonly cadenceDaysDefault: number;
    readonly cadenceDaysInPlacement: number;
    readonly cadenceDaysWarn: number;
    readonly cadenceDaysWarnInPlacement: number;
    /** M15's band (default 0.3–0.5). */
    readonly companyContactShareBand?: readonly [number, number];
  };
  /** Only for the leader's private preview. */
  readonly workload?: readonly WorkloadRow[];
  /** Only in a channel: when it comes, and how to change its language. */
  readonly subscription?: { readonly weekday: number; readonly time: string };
}

const COLOR: Record<Status, string> = { good: 'Good', warning: 'Warning', attention: 'Attention' };
/** Marks a line that opens its definition; plain characters, since not every client has a font for ⓘ. */
const MORE = '(?)';

/**
 * The card with every definition behind its "(?)" when that fits Teams' message size with room to
 * spare; otherwise (many metrics, a fidelity round, a long workload list) the same card without the
 * inline definitions, pointing to "forklar ugerapport", which sends them as a card of their own.
 */
export const DIGEST_INLINE_BUDGET_BYTES = 26 * 1024;

export function digestCard(input: DigestCardInput): AdaptiveCard {
  const full = renderDigest(input, true);
  if (Buffer.byteLength(JSON.stringify(full), 'utf8') <= DIGEST_INLINE_BUDGET_BYTES) return full;
  return renderDigest(input, false);
}

/** The parameters the metric texts and definitions are written with (targets, bands, days). */
export function digestParams(locale: Locale, target: number, s: DigestCardInput['settings']): Params {
  return {
    target: formatPercent(target, locale),
    hours: s.ordinaryHoursTarget,
    low: s.caseloadBand[0],
    high: s.caseloadBand[1],
    days: s.hkoFastTrackDays,
    cadenceDays: s.cadenceDaysDefault,
    placementDays: s.cadenceDaysInPlacement,
    warnDays: s.cadenceDaysWarn,
    placementWarnDays: s.cadenceDaysWarnInPlacement,
    bandLow: formatPercent(s.companyContactShareBand?.[0] ?? 0.3, locale),
    bandHigh: formatPercent(s.companyContactShareBand?.[1] ?? 0.5, locale),
  };
}

function renderDigest(input: DigestCardInput, inline: boolean): AdaptiveCard {
  const { locale, view } = input;
  const s = input.settings;
  const params = digestParams(locale, view.target, s);
  const label = (f: Figure): string => m(locale, f.id, { ...params, item: f.item ? itemLabel(locale, f.item) : '' });
  const value = (f: Figure): string => formatCell(f.value, f.format, locale, view.k);
  const detail = (f: Figure): string | undefined => {
    const parts = [
      f.count !== undefined && f.of?.shown
        ? t(locale, 'card.of', { count: formatCount(f.count, locale, view.k), of: formatCount(f.of, locale, view.k) })
        : undefined,
      f.previous !== undefined
        ? t(locale, 'card.previous', { value: formatCell(f.previous, f.format, locale, view.k) })
        : undefined,
    ].filter((p): p is string => p !== undefined);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  };
  const withDetail = (f: Figure): string => (detail(f) ? `${value(f)} (${detail(f)})` : value(f));
  // Compact: only the headline keeps its definition inline; the rest come with "forklar ugerapport".
  const inlineFor = (id: string): boolean => inline || id === 'M1';
  const definitions = (id: string): JsonObject[] =>
    inlineFor(id)
      ? [{ ...note(m(locale, `${id}.what` as DigestMetricsKey, params)), id: `what-${id}`, isVisible: false }]
      : [];
  const toggle = (id: string): { selectAction?: JsonObject } =>
    inlineFor(id) ? { selectAction: { type: 'Action.ToggleVisibility', targetElements: [`what-${id}`] } } : {};
  const more = (id: string): string => (inlineFor(id) ? ` ${MORE}` : '');

  const block = (b: MetricBlock, notInUse?: string): JsonObject => {
    const [main, ...rest] = b.figures;
    const title = m(locale, `${b.id}.title` as DigestMetricsKey, params);
    if (main === undefined || notInUse !== undefined) {
      return container(
        [text(`**${title}**${more(b.id)}`, { spacing: 'Small' }), note(notInUse ?? ''), ...definitions(b.id)],
        {
          ...toggle(b.id),
          spacing: 'Medium',
        },
      );
    }
    const mainDetail = detail(main);
    return container(
      [
        {
          type: 'ColumnSet',
          ...toggle(b.id),
          columns: [
            {
              type: 'Column',
              width: 'stretch',
              items: [text(`**${title}**${more(b.id)}`), note(label(main))],
            },
            {
              type: 'Column',
              width: 'auto',
              items: [
                text(value(main), {
                  weight: 'Bolder',
                  horizontalAlignment: 'Right',
                  ...(main.status ? { color: COLOR[main.status] } : {}),
                }),
                ...(mainDetail ? [note(mainDetail)] : []),
              ],
            },
          ],
        },
        ...(rest.length > 0 ? [facts(rest.map((f) => [label(f), withDetail(f)] as const))] : []),
        ...definitions(b.id),
      ],
      { spacing: 'Medium' },
    );
  };

  const section = (
    key: 'results' | 'flow' | 'quality',
    blocks: readonly MetricBlock[],
    notInUse?: (b: MetricBlock) => string | undefined,
    more: readonly JsonObject[] = [],
  ): JsonObject =>
    container(
      [
        subheading(t(locale, `card.section.${key}`)),
        note(t(locale, `card.section.${key}.q`)),
        ...blocks.map((b) => block(b, notInUse?.(b))),
        ...more,
      ],
      { separator: true, spacing: 'Large' },
    );

  const m1 = view.headline.m1;
  const change = view.headline.changePoints;
  const changeText = !change.shown
    ? t(locale, 'card.change.none')
    : change.value === 0
      ? t(locale, 'card.change.same')
      : t(locale, change.value > 0 ? 'card.change.up' : 'card.change.down', { points: Math.abs(change.value) });
  const lastDay = new Date(`${view.asOf}T12:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);

  const body: JsonObject[] = [
    heading(t(locale, 'card.title', { week: Number(view.isoWeek.slice(6)) })),
    note(
      t(locale, 'card.subtitle', {
        scope: capitalise(t(locale, `scope.${input.scope}`)),
        date: formatDate(lastDay.toISOString().slice(0, 10), locale),
      }),
    ),
    ...(input.workload !== undefined ? [note(t(locale, 'card.preview'))] : []),
    {
      type: 'ColumnSet',
      spacing: 'Medium',
      ...toggle('M1'),
      columns: [
        {
          type: 'Column',
          width: 'auto',
          verticalContentAlignment: 'Center',
          items: [
            text(value(m1), {
              size: 'ExtraLarge',
              weight: 'Bolder',
              ...(m1.status ? { color: COLOR[m1.status] } : {}),
            }),
          ],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(`${label(m1)} ${MORE}`, { weight: 'Bolder' }),
            note(
              [t(locale, 'card.target', { target: params.target ?? '' }), detail(m1), changeText]
                .filter(Boolean)
                .join(' · '),
            ),
          ],
        },
      ],
    },
    facts(view.headline.more.map((f) => [label(f), withDetail(f)] as const)),
    ...definitions('M1'),
    ...trendChart(locale, view),
    text(goodNewsText(locale, view, params), {
      color: view.goodNews.key === 'thanks' ? 'Default' : 'Good',
      weight: 'Bolder',
      spacing: 'Medium',
    }),
    note(t(locale, inline ? 'card.what' : 'card.what_command')),
    section('results', view.sections.results),
    section('flow', view.sections.flow, (b) =>
      b.id === 'M17' && view.visitationPlanMissing !== undefined
        ? t(locale, 'card.plan_missing', { year: view.visitationPlanMissing })
        : undefined,
    ),
    section(
      'quality',
      view.sections.quality,
      (b) => (b.id === 'M22' && view.progressionNotInUse ? t(locale, 'card.progression_not_in_use') : undefined),
      [
        fidelityDigestBlock({
          locale,
          fidelity: view.fidelity,
          describe: (f) => `${label(f)} ${value(f)}`,
          ...(inline ? { toggle: { type: 'Action.ToggleVisibility', targetElements: [M21_DEFINITION_ID] } } : {}),
          more: inline ? MORE : '',
        }),
      ],
    ),
    ...(input.workload !== undefined ? [workloadSection(locale, input.workload)] : []),
    container(
      [
        note(t(locale, 'card.suppressed', { k: view.k })),
        ...(input.subscription !== undefined
          ? [
              note(
                t(locale, 'card.subscription', {
                  weekday: t(locale, `weekday.${input.subscription.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
                  time: input.subscription.time,
                }),
              ),
            ]
          : []),
      ],
      { separator: true, spacing: 'Large' },
    ),
  ];
  return adaptiveCard(body);
}

function goodNewsText(locale: Locale, view: DigestView, params: Params): string {
  const g = view.goodNews;
  return t(locale, `good.${g.key}`, { ...params, count: g.count ?? 0 });
}

function itemLabel(locale: Locale, item: string): string {
  const key = `item.${item}`;
  return (m.keys as readonly string[]).includes(key) ? m(locale, key as DigestMetricsKey) : item;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
