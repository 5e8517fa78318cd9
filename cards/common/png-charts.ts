import type { Rgb } from './png';
import { Raster } from './raster';

/**
 * The fallback pictures behind Teams' native charts (for clients that do not draw `Chart.*`):
 * grouped bars numbered 1..n (the card's table names the numbers) and a weekly line with a dashed
 * target line. Colours follow the native charts' first series colours closely enough to read alike.
 */
const PALETTE: readonly Rgb[] = [
  [255, 255, 255], // 0 background
  [226, 228, 233], // 1 grid
  [96, 98, 108], // 2 axis and digits
  [160, 174, 224], // 3 first series (before)
  [70, 71, 117], // 4 second series (now)
  [196, 49, 75], // 5 target line
];
const GRID = 1;
const INK = 2;
const SERIES = [3, 4] as const;
const TARGET = 5;

export interface BarGroup {
  /** Digits only (the picture has no letters): the indicator's number in the card's table. */
  readonly label: string;
  readonly values: readonly (number | undefined)[];
}

export function groupedBarsPng(groups: readonly BarGroup[], max: number, width = 460, height = 200): string {
  const r = new Raster(width, height, PALETTE);
  const left = 26;
  const bottom = 20;
  const top = 8;
  const plotH = height - bottom - top;
  const plotW = width - left - 6;
  const step = max <= 5 ? 1 : 2;
  for (let level = 0; level <= max; level += step) {
    const y = top + plotH - (plotH * level) / max;
    r.line(left, y, width - 6, y, GRID);
    r.digits(String(level), 2, y - 5, INK);
  }
  r.line(left, top, left, top + plotH, INK);
  const groupW = plotW / Math.max(groups.length, 1);
  const series = Math.max(1, ...groups.map((g) => g.values.length));
  const barW = Math.max(4, Math.floor((groupW * 0.7) / series));
  groups.forEach((group, g) => {
    const x0 = left + g * groupW + (groupW - barW * series) / 2;
    group.values.forEach((value, s) => {
      if (value === undefined) return;
      const h = (plotH * Math.min(value, max)) / max;
      r.rect(x0 + s * barW, top + plotH - h, barW - 2, h, SERIES[s % SERIES.length] ?? INK);
    });
    const labelW = group.label.length * 8 - 2;
    r.digits(group.label, left + g * groupW + (groupW - labelW) / 2, height - bottom + 5, INK);
  });
  return r.toDataUri();
}

/** One value per week, oldest first, with a dashed horizontal line at `target`. */
export function weeklyLinePng(values: readonly number[], target: number, width = 460, height = 180): string {
  const r = new Raster(width, height, PALETTE);
  const left = 26;
  const top = 8;
  const bottom = 10;
  const plotH = height - top - bottom;
  const plotW = width - left - 10;
  const max = Math.max(40, Math.ceil(Math.max(...values, target) / 10) * 10);
  for (let level = 0; level <= max; level += 10) {
    const y = top + plotH - (plotH * level) / max;
    r.line(left, y, width - 10, y, GRID);
    r.digits(String(level), 2, y - 5, INK);
  }
  r.line(left, top, left, top + plotH, INK);
  const yOf = (v: number) => top + plotH - (plotH * Math.min(v, max)) / max;
  r.line(left, yOf(target), width - 10, yOf(target), TARGET, 2, 6);
  const xOf = (i: number) => left + 4 + (values.length <= 1 ? plotW / 2 : ((plotW - 8) * i) / (values.length - 1));
  values.forEach((v, i) => {
    const next = values[i + 1];
    if (next !== undefined) r.line(xOf(i), yOf(v), xOf(i + 1), yOf(next), SERIES[1], 3);
    r.rect(xOf(i) - 3, yOf(v) - 3, 7, 7, SERIES[1]);
  });
  return r.toDataUri();
}
