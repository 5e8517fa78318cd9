import { cellValue, shareCells, statCell, suppressPartition, type Cell } from '../../domain/suppression';
import type { M17Result, Share, Stat } from '../../domain/digest-aggregates';
import type { Figure, FigureId, Format, Status } from './view-rules';

/**
 * The figure builders of the digest view (present.ts): each turns a raw share, distribution or count
 * into a figure whose cells passed the suppression rules, with its status against a target.
 */
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
