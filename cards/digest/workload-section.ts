import type { Locale } from '../../bot/i18n/locale';
import { digestText as t } from '../../bot/i18n/digest';
import { container, facts, note, subheading } from '../common/elements';
import { formatPercent } from './format';
import type { JsonObject } from '../types';

/**
 * Per-jobformidler workload (caseload, overdue follow-ups, job conversations last week): staff data,
 * so it is only ever part of the leader's private preview, never of a channel post (PRODUCT.md §4).
 * A FactSet keeps 20 colleagues within the card's size budget beside every metric block (a Table
 * costs four times as much); the whole team is on the leader's caseload overview.
 */
export interface WorkloadRow {
  readonly name: string;
  readonly caseload: number;
  readonly overdue: number;
  readonly jobConversationsLastWeek: number;
  /** Contacts of the last 4 weeks: with companies, and with citizens (M15 per staff member). */
  readonly companyContacts?: number;
  readonly citizenContacts?: number;
}

/** "8 virksomhedskontakter (40 % af kontakterne)", or nothing for someone without contacts. */
function companyPart(locale: Locale, r: WorkloadRow): string {
  const company = r.companyContacts ?? 0;
  const all = company + (r.citizenContacts ?? 0);
  if (all === 0) return '';
  return ` · ${t(locale, 'card.workload.company', { company, share: formatPercent(company / all, locale) })}`;
}

export const WORKLOAD_MAX_ROWS = 20;

export function workloadSection(locale: Locale, rows: readonly WorkloadRow[]): JsonObject {
  const shown = rows.slice(0, WORKLOAD_MAX_ROWS);
  return container(
    [
      subheading(t(locale, 'card.workload.title')),
      note(t(locale, 'card.workload.note')),
      ...(shown.length === 0
        ? [note(t(locale, 'card.workload.none'))]
        : [
            facts(
              shown.map(
                (r) =>
                  [
                    r.name,
                    t(locale, 'card.workload.row', {
                      cases: r.caseload,
                      overdue: r.overdue,
                      talks: r.jobConversationsLastWeek,
                    }) + companyPart(locale, r),
                  ] as const,
              ),
            ),
          ]),
      ...(rows.length > shown.length
        ? [note(t(locale, 'card.workload.more', { count: rows.length - shown.length }))]
        : []),
    ],
    { separator: true, spacing: 'Large' },
  );
}
