import type { JsonObject } from '../types';
import { weeklyLinePng } from './png-charts';

/**
 * The ordinary-hours curve with the target line (30 hours by default): Teams' native Chart.Line
 * with a server-rendered PNG as fallback for clients without native charts. Shared by every card
 * that shows a citizen's hours (progression, case card): one chart, one look.
 */
export interface HoursChartInput {
  readonly weeks: readonly { readonly isoWeek: string; readonly ordinaryHours: number }[];
  readonly target: number;
  readonly title: string;
  readonly seriesLegend: string;
  readonly targetLegend: string;
  readonly altText: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle?: string;
  /** How many of the latest weeks to draw. */
  readonly lastWeeks?: number;
  /** What clients without native charts show instead (default: the same curve as a PNG). */
  readonly fallback?: JsonObject;
}

/** "2025-W07" → "7" (the axis title says "week"). */
export const weekLabel = (isoWeek: string): string => String(Number(isoWeek.slice(-2)));

export function ordinaryHoursChart(input: HoursChartInput): JsonObject | undefined {
  const weeks = input.weeks.slice(-(input.lastWeeks ?? 26));
  if (weeks.length === 0) return undefined;
  const x = weeks.map((w) => `${weekLabel(w.isoWeek)}`);
  return {
    type: 'Chart.Line',
    title: input.title,
    xAxisTitle: input.xAxisTitle,
    ...(input.yAxisTitle ? { yAxisTitle: input.yAxisTitle } : {}),
    data: [
      { legend: input.seriesLegend, values: weeks.map((w, i) => ({ x: x[i] ?? '', y: w.ordinaryHours })) },
      { legend: input.targetLegend, values: weeks.map((_, i) => ({ x: x[i] ?? '', y: input.target })) },
    ],
    fallback: input.fallback ?? {
      type: 'Image',
      url: weeklyLinePng(
        weeks.map((w) => w.ordinaryHours),
        input.target,
      ),
      altText: input.altText,
      size: 'Stretch',
    },
  };
}
