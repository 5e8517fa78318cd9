import { cellValue, shareCells, statCell, suppressPartition, type Cell } from '../../domain/suppression';
import type { M17Result, Share, Stat } from '../../domain/digest-aggregates';

/**
 * The figures of the digest view: their ids and shape, and the builders present.ts uses, each turning
 * a raw share, distribution or count into a figure whose cells passed the suppression rules, with its
 * status against a target.
 */
export type Status = 'good' | 'warning' | 'attention';
export type Format = 'percent' | 'count' | 'days' | 'hours' | 'number';

export const BLOCK_IDS = [
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
  'M9',
  'M10',
  'M11',
  'M12',
  'M14',
  'M15',
  'M16',
  'M18',
  'M19',
  'M22',
  'M7',
  'M8',
  'M13',
  'M17',
  'M20',
  'M23',
] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

export const FIGURE_IDS = [
  'M1',
  'M1_POINT',
  'M1_MATURE',
  'M2',
  'M2_HOURS',
  'M3',
  'M3_MISSING',
  'M4',
  'M5',
  'M5_DELTA',
  'M5_WEEK_HOURS',
  'M6',
  'M6_EVER',
  'M9',
  'M9_WITHIN',
  'M9_WAITING',
  'M10',
  'M10_SOON',
  'M11',
  'M11_ABOVE',
  'M11_BELOW',
  'M12',
  'M12_4W',
  'M14_VISITS',
  'M14_OPENINGS',
  'M14_STARTED',
  'M14_JOBS',
  'M14_AFTERCARE',
  'M14_MATCHES',
  'M14_MATCHES_TAKEN',
  'M14_MATCHES_PLACED',
  'M15',
  'M16',
  'M16_IMPACT',
  'M16_VISITED',
  'M16_STARTED',
  'M18',
  'M18_WITHIN',
  'M18_DELIVERY',
  'M18_OPEN',
  'M19',
  'M19_GOAL',
  'M19_UPDATED',
  'M22',
  'M22_IMPROVED',
  'M7',
  'M8',
  'M13',
  'M13_4W',
  'M17',
  'M17_G1',
  'M17_G2',
  'M17_G3',
  'M20',
  'M23',
  'M23_GRANTED',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface Figure {
  readonly id: FigureId;
  readonly value: Cell;
  readonly format: Format;
  /** For shares: the count and the denominator ("12 af 28"), each suppressed on its own. */
  readonly count?: Cell;
  readonly of?: Cell;
  readonly status?: Status;
  /** A code shown with the figure (M3: the checklist item most often missing). */
  readonly item?: string;
  /** The same figure for the period before (M14: the four weeks before), suppressed on its own. */
  readonly previous?: Cell;
}

export interface MetricBlock {
  readonly id: BlockId;
  readonly figures: readonly Figure[];
}

/** The digest's figures by section, as the card lays them out. */
export interface DigestSections {
  readonly results: readonly MetricBlock[];
  readonly flow: readonly MetricBlock[];
  readonly quality: readonly MetricBlock[];
}

export const pct = (c: Cell): number | undefined => {
  const v = cellValue(c);
  return v === undefined ? undefined : Math.round(v * 100);
};

export type StatusRule = (value: number) => Status | undefined;

export function shareFigure(id: FigureId, s: Share, k: number, status?: StatusRule, denominatorHidden = false): Figure {
  const cells = shareCells(s, k, { denominatorHidden });
  return {
    id,
    value: cells.share,
    format: 'percent',
    count: cells.numerator,
    of: cells.denominator,
    ...statusOf(cells.share, status),
  };
}

export function statusOf(cell: Cell, rule: StatusRule | undefined): { status?: Status } {
  const v = cellValue(cell);
  const status = v !== undefined && rule ? rule(v) : undefined;
  return status ? { status } : {};
}

export const statFigure = (
  id: FigureId,
  s: Stat,
  k: number,
  format: Format,
  status?: StatusRule,
  which: 'median' | 'mean' = 'median',
): Figure => {
  const value = statCell(s.n, s[which], k);
  return { id, value, format, ...statusOf(value, status) };
};

export const countFigure = (id: FigureId, value: Cell): Figure => ({ id, value, format: 'count' });

export const atLeast =
  (good: number): StatusRule =>
  (v) =>
    v >= good ? 'good' : 'warning';
export const atMost =
  (good: number, attention = Infinity): StatusRule =>
  (v) =>
    v <= good ? 'good' : v > attention ? 'attention' : 'warning';

/**
 * M17: visitations this year against the plan to date. The group counts partition their total, so
 * they are suppressed together; the plan is the municipality's own figure (no person in it) and is
 * shown rounded beside each group (as `item`). The share of the plan needs the total to be shown.
 */
export function m17Figures(m: M17Result, k: number): Figure[] {
  const groups = ['G1_INTERVENTION', 'G2_REHABILITATION', 'G3_NOT_EMPLOYMENT_READY'] as const;
  const counts = groups.map((g) => m.actual[g]);
  const total = counts.reduce((x, y) => x + y, 0);
  const cells = suppressPartition(total, counts, k);
  const plan = m.plannedToDate;
  const planTotal = plan === undefined ? 0 : groups.reduce((sum, g) => sum + plan[g], 0);
  const ofPlan: Cell =
    cells.total.shown && planTotal > 0
      ? { shown: true, value: total / planTotal }
      : { shown: false, reason: 'too_few' };
  const ids = ['M17_G1', 'M17_G2', 'M17_G3'] as const;
  return [
    {
      id: 'M17',
      value: ofPlan,
      format: 'percent',
      count: cells.total,
      of: planTotal > 0 ? { shown: true, value: Math.round(planTotal) } : { shown: false, reason: 'too_few' },
      ...statusOf(ofPlan, atLeast(1)),
    },
    ...ids.map((id, i): Figure => ({
      id,
      value: cells.parts[i] ?? { shown: false, reason: 'small' },
      format: 'count',
      ...(plan !== undefined ? { item: String(Math.round(plan[groups[i]!])) } : {}),
    })),
  ];
}
