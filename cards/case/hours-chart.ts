import type { Locale } from '../../bot/i18n/locale';
import { caseCardText as t } from '../../bot/i18n/case';
import { isoWeekNumber } from '../../bot/domain/calendar';
import { text } from '../common/elements';
import { ordinaryHoursChart } from '../common/hours-chart';
import type { JsonObject } from '../types';

export interface HoursPoint {
  readonly isoWeek: string;
  readonly ordinaryHours: number;
  readonly practiceHours: number;
}

const formatHours = (h: number): string => String(Math.round(h * 10) / 10).replace('.', ',');

function cell(value: string, options: JsonObject = {}): JsonObject {
  return { type: 'TableCell', items: [text(value, { spacing: 'None', ...options })] };
}

/** The same weeks as a table: what clients without native charts (Playground, mobile) show instead. */
export function hoursTable(locale: Locale, weeks: readonly HoursPoint[]): JsonObject {
  return {
    type: 'Table',
    firstRowAsHeader: true,
    showGridLines: false,
    columns: [{ width: 1 }, { width: 1 }, { width: 1 }],
    rows: [
      {
        type: 'TableRow',
        cells: [
          cell(t(locale, 'hours.week'), { weight: 'Bolder' }),
          cell(t(locale, 'hours.ordinary'), { weight: 'Bolder' }),
          cell(t(locale, 'hours.practice'), { weight: 'Bolder' }),
        ],
      },
      ...weeks.map((w) => ({
        type: 'TableRow',
        cells: [
          cell(t(locale, 'hours.week_label', { week: isoWeekNumber(w.isoWeek) })),
          cell(formatHours(w.ordinaryHours)),
          cell(formatHours(w.practiceHours)),
        ],
      })),
    ],
  };
}

/**
 * Ordinary hours per ISO week as a native Teams line chart, with the municipality's goal (30 hours
 * by default) as a second, flat series; the table above is its fallback.
 *
 * The x labels are the bare week numbers under the axis title "Uge": the renderer gives each label
 * the chart's width divided by the number of weeks and cuts what does not fit to "…". Measured in
 * the Agents Playground (Chromium, 12 weeks on a card): about 18 px per label, where "45" takes 14 px
 * and "u.45" or "W45" 22–25 px. They stay strings, so the order survives the turn of the year.
 */
export function hoursChart(locale: Locale, weeks: readonly HoursPoint[], target: number): JsonObject {
  const chart = ordinaryHoursChart({
    weeks,
    target,
    title: t(locale, 'hours.title'),
    seriesLegend: t(locale, 'hours.series'),
    targetLegend: t(locale, 'hours.goal', { target }),
    altText: t(locale, 'hours.title'),
    xAxisTitle: t(locale, 'hours.week'),
    yAxisTitle: t(locale, 'hours.hours'),
    lastWeeks: weeks.length,
    fallback: hoursTable(locale, weeks),
  });
  // The case card draws the chart only for weeks it has; an empty chart is the caller's mistake.
  if (chart === undefined) throw new Error('hoursChart needs at least one week');
  return chart;
}
