import type { CaseFacts } from '../../domain/case-facts';
import { addDays, daysBetween } from '../../domain/calendar';
import { comparablePair } from './rules';

/**
 * M22 PROGRESSION_COVERAGE (domain-research §6.4), pure over the case-facts projection. It returns
 * numerators and denominators, never a rounded share, so the digest applies its own small-number
 * suppression (k = 5) and complementary suppression.
 *
 * - Coverage: cases active in group 1 on T−1 for at least 30 days, with ≥ 1 measurement in [T−92, T).
 * - Development: cases active in group 1 on T−1 with a baseline and a later measurement on the SAME
 *   set version; numerator those whose mean score (turned so higher is better) went up. Reported
 *   only when n ≥ 5 (`reportable`).
 */
export type M22CaseFacts = Pick<
  CaseFacts,
  'caseRef' | 'status' | 'assignedJobformidlerId' | 'g1Intervals' | 'progression' | 'closure'
>;

export interface Share {
  readonly numerator: number;
  readonly denominator: number;
}

export interface M22Result {
  readonly metricId: 'PROGRESSION_COVERAGE';
  /** T: the digest's as-of date (windows are half-open [start, T)). */
  readonly asOf: string;
  readonly coverage: Share;
  readonly development: Share & { readonly minN: number; readonly reportable: boolean };
  /** Coverage per jobformidler: staff data, for 1:1 messages only — never for a channel. */
  readonly coverageByJobformidler: Readonly<Record<string, Share>>;
}

export interface M22Options {
  readonly windowDays?: number;
  readonly minActiveDays?: number;
  readonly minN?: number;
}

/** The start of the group-1 interval that contains day `d`, if the case is active in group 1 on `d`. */
export function activeG1Since(facts: M22CaseFacts, d: string): string | undefined {
  if (facts.status === 'PAUSED') return undefined;
  if (facts.status === 'CLOSED' && (facts.closure === undefined || facts.closure.date <= d)) return undefined;
  return facts.g1Intervals.find((i) => i.from <= d && (i.to === undefined || i.to > d))?.from;
}

export function progressionM22(cases: Iterable<M22CaseFacts>, asOf: string, options: M22Options = {}): M22Result {
  const windowDays = options.windowDays ?? 92;
  const minActiveDays = options.minActiveDays ?? 30;
  const minN = options.minN ?? 5;
  const day = addDays(asOf, -1);
  const windowStart = addDays(asOf, -windowDays);
  let covered = 0;
  let eligible = 0;
  let improved = 0;
  let compared = 0;
  const byJobformidler: Record<string, { numerator: number; denominator: number }> = {};

  for (const facts of cases) {
    const since = activeG1Since(facts, day);
    if (since === undefined) continue;
    const before = facts.progression.filter((m) => m.measuredAt < asOf);

    if (daysBetween(since, asOf) >= minActiveDays) {
      const measured = before.some((m) => m.measuredAt >= windowStart);
      eligible++;
      if (measured) covered++;
      if (facts.assignedJobformidlerId !== undefined) {
        const own = (byJobformidler[facts.assignedJobformidlerId] ??= { numerator: 0, denominator: 0 });
        own.denominator++;
        if (measured) own.numerator++;
      }
    }

    const pair = comparablePair(before);
    if (pair?.baseline !== undefined) {
      compared++;
      if (pair.latest.meanScore - pair.baseline.meanScore > 0) improved++;
    }
  }

  return {
    metricId: 'PROGRESSION_COVERAGE',
    asOf,
    coverage: { numerator: covered, denominator: eligible },
    development: { numerator: improved, denominator: compared, minN, reportable: compared >= minN },
    coverageByJobformidler: byJobformidler,
  };
}
