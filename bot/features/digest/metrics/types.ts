import { z } from 'zod';
import type { TenantSettings } from '../../../domain/tenant-settings';

/**
 * Raw (unsuppressed) aggregate shapes of the metrics. They are stored as the week's snapshot in
 * `runs`, so they are zod schemas: a snapshot read back is validated like any other document.
 * Suppression (../suppression.ts) decides what of this may be shown where.
 */
export const ShareSchema = z.object({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(0),
});
export type Share = z.infer<typeof ShareSchema>;

/** A distribution summarised: n values, their median and mean (undefined when n = 0). */
export const StatSchema = z.object({
  n: z.number().int().min(0),
  median: z.number().optional(),
  mean: z.number().optional(),
});
export type Stat = z.infer<typeof StatSchema>;

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
