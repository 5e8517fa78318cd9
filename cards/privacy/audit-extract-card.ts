import type { Locale } from '../../bot/i18n/locale';
import { privacyText as t } from '../../bot/i18n/privacy';
import { summariseRows, type DaySummary, type ExtractRow } from '../../bot/features/privacy/rules';
import { formatLongDate } from '../../bot/domain/calendar';
import { adaptiveCard, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { auditCsvPath } from './paths';

/** "3 opslag · 1 registrering": how many look-ups and changes of one day and purpose. */
function whatHappened(locale: Locale, r: DaySummary): string {
  const parts = [
    ...(r.reads > 0 ? [t(locale, r.reads === 1 ? 'audit.reads.one' : 'audit.reads.many', { count: r.reads })] : []),
    ...(r.writes > 0
      ? [t(locale, r.writes === 1 ? 'audit.writes.one' : 'audit.writes.many', { count: r.writes })]
      : []),
  ];
  return parts.join(' · ');
}

/** At most this many summary rows and CSV characters, so the card stays well under Teams' 28 KB. */
export const AUDIT_CARD_MAX_ROWS = 40;
export const AUDIT_CARD_MAX_CSV_CHARS = 12_000;

const cell = (value: string, options: JsonObject = {}): JsonObject => ({
  type: 'TableCell',
  items: [text(value, options)],
});

/** A citizen's log extract: dates and purposes in a table, and the CSV to copy into the reply. */
export function auditExtractCard(input: {
  locale: Locale;
  tenantId: string;
  caseRef: string;
  rows: readonly ExtractRow[];
  retentionDays: number;
  csv: string;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  const path = auditCsvPath(input.tenantId, caseRef);
  if (input.rows.length === 0) {
    return adaptiveCard([
      heading(t(locale, 'audit.title', { caseRef })),
      text(t(locale, 'audit.empty', { caseRef, days: input.retentionDays })),
    ]);
  }
  const summary = summariseRows(input.rows);
  const shown = summary.slice(0, AUDIT_CARD_MAX_ROWS);
  const first = input.rows[0];
  const last = input.rows[input.rows.length - 1];
  const table: JsonObject = {
    type: 'Table',
    firstRowAsHeaders: true,
    columns: [{ width: 3 }, { width: 4 }, { width: 3 }],
    rows: [
      {
        type: 'TableRow',
        cells: [
          cell(t(locale, 'audit.col.date'), { weight: 'Bolder' }),
          cell(t(locale, 'audit.col.purpose'), { weight: 'Bolder' }),
          cell(t(locale, 'audit.col.what'), { weight: 'Bolder' }),
        ],
      },
      ...shown.map((r) => ({
        type: 'TableRow',
        cells: [
          cell(formatLongDate(r.date, locale)),
          cell(t(locale, `purpose.${r.purpose}`)),
          cell(whatHappened(locale, r)),
        ],
      })),
    ],
  };
  const csvFits = input.csv.length <= AUDIT_CARD_MAX_CSV_CHARS;
  return adaptiveCard(
    [
      heading(t(locale, 'audit.title', { caseRef })),
      note(t(locale, 'audit.intro')),
      text(
        t(locale, 'audit.count', {
          count: input.rows.length,
          from: first ? formatLongDate(first.date, locale) : '',
          to: last ? formatLongDate(last.date, locale) : '',
          days: input.retentionDays,
        }),
      ),
      table,
      ...(summary.length > shown.length
        ? [note(t(locale, 'audit.more', { shown: shown.length, total: summary.length, path }))]
        : []),
      csvFits
        ? {
            type: 'Container',
            id: 'auditCsv',
            isVisible: false,
            items: [
              {
                type: 'Input.Text',
                id: 'csv',
                label: t(locale, 'audit.csv.label'),
                isMultiline: true,
                value: input.csv,
              },
            ],
          }
        : note(t(locale, 'audit.csv.too_long', { path })),
    ],
    csvFits
      ? [{ type: 'Action.ToggleVisibility', title: t(locale, 'audit.csv.show'), targetElements: ['auditCsv'] }]
      : [],
  );
}
