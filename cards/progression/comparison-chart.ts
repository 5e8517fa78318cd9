import type { JsonObject } from '../types';
import { groupedBarsPng } from '../common/png-charts';

/**
 * Scores per indicator, before against now (or one measurement alone): Teams' native grouped bar
 * chart, with a PNG of the same bars as fallback. Indicators are numbered 1..n in the PNG; the
 * card's table next to it names them.
 */
export interface ComparisonSeries {
  readonly legend: string;
  readonly values: readonly number[];
}

export function comparisonChart(input: {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly ComparisonSeries[];
  readonly max: number;
  readonly yAxisTitle: string;
  readonly altText: string;
}): JsonObject {
  return {
    type: 'Chart.VerticalBar.Grouped',
    title: input.title,
    yAxisTitle: input.yAxisTitle,
    data: input.series.map((s) => ({
      legend: s.legend,
      values: input.labels.map((label, i) => ({ x: label, y: s.values[i] ?? 0 })),
    })),
    fallback: {
      type: 'Image',
      url: groupedBarsPng(
        input.labels.map((_, i) => ({ label: String(i + 1), values: input.series.map((s) => s.values[i]) })),
        input.max,
      ),
      altText: input.altText,
      size: 'Stretch',
    },
  };
}
