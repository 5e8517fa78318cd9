import { DateTime } from 'luxon';
import type { RetentionStamp } from '../../store/case-partition';

/**
 * Pure retention rules (domain-research §4.4). A closed case's documents expire a configured number
 * of days after the closure date; audit entries keep their own period (§4.5). Time comes in as an argument.
 */
const DAY_MS = 86_400_000;

/**
 * The stamp for a case closed on `closureDate` (a Copenhagen business date): `expiresAt` is that
 * date's start plus `days`; `ttl` counts from now, because Cosmos counts TTL from the last write.
 */
export function retentionStamp(closureDate: string, days: number, now: Date, timeZone: string): RetentionStamp {
  const closedAt = DateTime.fromISO(closureDate, { zone: timeZone }).startOf('day');
  if (!closedAt.isValid) throw new Error(`Not a date: ${closureDate}`);
  const expiresAtMs = closedAt.toMillis() + days * DAY_MS;
  const ttl = Math.max(1, Math.ceil((expiresAtMs - now.getTime()) / 1000));
  return { ttl, expiresAt: new Date(expiresAtMs).toISOString() };
}

export const isExpired = (doc: { readonly expiresAt?: string | undefined }, now: Date): boolean =>
  doc.expiresAt !== undefined && Date.parse(doc.expiresAt) <= now.getTime();

/** The business day a purge run belongs to: one claim per tenant per Copenhagen day. */
export const purgeDay = (now: Date, timeZone = 'Europe/Copenhagen'): string =>
  DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);

export const FINDING_REASONS = ['ORPHANED', 'STALE_SCREENING', 'STALE_AWAITING_VISITATION', 'NO_OWNER'] as const;
export type FindingReason = (typeof FINDING_REASONS)[number];

export interface Art9Finding {
  readonly caseRef: string;
  readonly reason: FindingReason;
  /** Art. 9 documents of the case without a retention date. */
  readonly documents: number;
}
