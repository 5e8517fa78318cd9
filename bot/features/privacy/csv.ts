import type { Locale } from '../../i18n/locale';
import { privacyText as t } from '../../i18n/privacy';
import { toCsv, type ExtractRow } from './rules';

/** The log extract as CSV: date, local time, purpose (in words) and kind. Nothing about staff. */
export function auditCsv(rows: readonly ExtractRow[], locale: Locale): string {
  return toCsv(
    [t(locale, 'csv.date'), t(locale, 'csv.time'), t(locale, 'csv.purpose'), t(locale, 'csv.kind')],
    rows.map((r) => [r.date, r.time, t(locale, `purpose.${r.purpose}`), t(locale, `kind.${r.kind}`)]),
  );
}
