import type { JsonObject } from '../types';
import { text } from './elements';

/** An Adaptive Card 1.5 Table of plain text cells; the first row is the header. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly number[],
): JsonObject {
  const row = (cells: readonly string[], bold: boolean): JsonObject => ({
    type: 'TableRow',
    cells: cells.map((cell) => ({
      type: 'TableCell',
      items: [text(cell, bold ? { weight: 'Bolder', size: 'Small' } : { size: 'Small' })],
    })),
  });
  return {
    type: 'Table',
    firstRowAsHeader: true,
    showGridLines: false,
    columns: header.map((_, i) => ({ type: 'TableColumnDefinition', width: widths?.[i] ?? 1 })),
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  };
}
