import type { Locale } from '../../bot/i18n/locale';
import { digestText as t } from '../../bot/i18n/digest';
import type { DigestView } from '../../bot/features/digest/view-rules';
import { note, text } from '../common/elements';
import type { JsonObject } from '../types';
import { formatCell, weekLabel } from './format';

/**
 * The 12-week trend of M1 as Teams' native Chart.Line, with the target as a second line. Clients
 * without native charts (the Agents Playground, older mobile clients) get the same numbers as a
 * Table through `fallback`. Weeks whose share is suppressed are gaps in the line and "–" in the table.
 */
export function trendChart(locale: Locale, view: DigestView): JsonObject[] {
  const points = view.headline.trend;
  // Week numbers alone on the axis (titled "Uge"): "U14" is cut to "U…" on a narrow card.
  const x = (isoWeek: string): string => String(Number(isoWeek.slice(6)));
  const shown = points.flatMap((p) =>
    p.percent.shown ? [{ x: x(p.isoWeek), y: Math.round(p.percent.value * 100) }] : [],
  );
  if (shown.length === 0) return [note(t(locale, 'card.chart.none'))];
  const target = Math.round(view.target * 100);
  const cell = (value: string, bold = false): JsonObject => ({
    type: 'TableCell',
    items: [text(value, bold ? { weight: 'Bolder' } : {})],
  });
  const table: JsonObject = {
    type: 'Table',
    columns: [{ width: 1 }, { width: 1 }],
    firstRowAsHeader: true,
    showGridLines: false,
    rows: [
      {
        type: 'TableRow',
        cells: [cell(t(locale, 'card.chart.week'), true), cell(t(locale, 'card.chart.series'), true)],
      },
      ...points.map((p) => ({
        type: 'TableRow',
        cells: [cell(weekLabel(p.isoWeek, locale)), cell(formatCell(p.percent, 'percent', locale, view.k))],
      })),
    ],
  };
  return [
    {
      type: 'Chart.Line',
      title: t(locale, 'card.chart.title'),
      xAxisTitle: t(locale, 'card.chart.week'),
      yAxisTitle: '%',
      // The target line first: it has every week, so the chart's x axis runs in week order even
      // when early weeks of the share are hidden (a chart takes its categories in order of appearance).
      data: [
        {
          legend: t(locale, 'card.chart.target'),
          values: points.map((p) => ({ x: x(p.isoWeek), y: target })),
        },
        { legend: t(locale, 'card.chart.series'), values: shown },
      ],
      fallback: table,
    },
  ];
}
