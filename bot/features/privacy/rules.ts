import { z } from 'zod';
import { DateTime } from 'luxon';
import type { AuditEntry, AuditPurpose } from '../../store/audit-log';

/** Pure rules of the privacy feature: what a citizen's log extract shows, and its CSV. */

/** A case reference as typed in a command: 1–64 visible characters, no spaces. */
export const CASE_REF_PATTERN = /^[^\s<>"'`]{1,64}$/;

/**
 * Commands arrive lower-cased (router.normaliseCommandText); stored refs are usually upper-case
 * (generated refs such as FR-7KQ2-M9XA). Both spellings are tried, the typed one first.
 */
export const caseRefCandidates = (typed: string): string[] => [...new Set([typed, typed.toUpperCase()])];

/** One line of a log extract (art. 15 after CJEU C-579/21): when, and why. No staff identity. */
export interface ExtractRow {
  readonly date: string;
  readonly time: string;
  readonly purpose: AuditPurpose;
  readonly kind: 'read' | 'write';
}

/**
 * The look-ups and changes of a case's data that actually happened (outcome ok), oldest first, in
 * local time. Refused attempts touched no data and are not part of the citizen's extract.
 */
export function extractRows(entries: readonly AuditEntry[], timeZone: string): ExtractRow[] {
  return entries
    .filter((e) => e.outcome === 'ok' && (e.kind === 'read' || e.kind === 'write'))
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => {
      const local = DateTime.fromISO(e.at, { zone: 'utc' }).setZone(timeZone);
      return {
        date: local.toISODate() ?? e.at.slice(0, 10),
        time: local.toFormat('HH:mm'),
        purpose: e.purpose,
        kind: e.kind as 'read' | 'write',
      };
    });
}

/** What the card shows per day and purpose: how many look-ups and how many changes. */
export interface DaySummary {
  readonly date: string;
  readonly purpose: AuditPurpose;
  readonly reads: number;
  readonly writes: number;
}

/**
 * The log grouped by day and purpose (a busy day is a handful of lines, not one per look-up), days
 * oldest first and purposes in the order they first occur that day.
 */
export function summariseRows(rows: readonly ExtractRow[]): DaySummary[] {
  const groups = new Map<string, { date: string; purpose: AuditPurpose; reads: number; writes: number }>();
  for (const row of [...rows].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = `${row.date} ${row.purpose}`;
    const group = groups.get(key) ?? { date: row.date, purpose: row.purpose, reads: 0, writes: 0 };
    if (row.kind === 'read') group.reads++;
    else group.writes++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** RFC 4180 field: quoted when it holds a separator, quote or line break; formula starts neutralised. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const ERASURE_REASONS = ['art17_request', 'unlawful', 'registered_in_error'] as const;
export const ErasureReasonSchema = z.enum(ERASURE_REASONS);
export type ErasureReason = z.infer<typeof ErasureReasonSchema>;
