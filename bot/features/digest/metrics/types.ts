import type { Share, Stat } from '../../../domain/digest-aggregates';
import type { TenantSettings } from '../../../domain/tenant-settings';

/** What every metric needs to know about the digest: the as-of date and the municipality's thresholds. */
export interface MetricContext {
  /** As-of T, Monday 00:00 Europe/Copenhagen as a business date; windows are half-open [start, T). */
  readonly asOf: string;
  readonly settings: Pick<
    TenantSettings,
    | 'g1CompanyShareTarget'
    | 'ordinaryHoursTarget'
    | 'cadenceDaysDefault'
    | 'cadenceDaysWarn'
    | 'cadenceDaysInPlacement'
    | 'cadenceDaysWarnInPlacement'
    | 'caseloadBand'
    | 'hkoFastTrackDays'
    | 'progressionCadenceDays'
  > &
    Partial<Pick<TenantSettings, 'visitationPlan'>>;
}

export const share = (numerator: number, denominator: number): Share => ({ numerator, denominator });

export const ratio = (s: Share): number | undefined => (s.denominator > 0 ? s.numerator / s.denominator : undefined);

/** Median and mean of a list of numbers (the list is sorted in place). */
export function stat(values: number[]): Stat {
  const n = values.length;
  if (n === 0) return { n: 0 };
  values.sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  return { n, median, mean };
}

/** A metric computed in one pass over the cases: `add` each case, then `result`. */
export interface Accumulator<TCase, TResult> {
  add(item: TCase): void;
  result(): TResult;
}
