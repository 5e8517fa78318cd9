import { z } from 'zod';
import type { CaseFacts } from '../../../domain/case-facts';
import { dayNumber } from '../calendar';
import { g1DaysIn, isG1On, type CaseView } from './case-view';
import { ShareSchema, share, type Accumulator, type MetricContext } from './types';

/** Quality / fidelity (kvalitet), domain-research §6.4. */

// ---- M19 CV_AND_JOB_GOAL_SHARE ----

export const M19Schema = z.object({ cv: ShareSchema, goal: ShareSchema, goalUpdated: ShareSchema });
export type M19Result = z.infer<typeof M19Schema>;

/** A job goal counts as up to date when reviewed within this many days before T. */
export const GOAL_REVIEW_DAYS = 180;

export function m19Accumulator(ctx: MetricContext): Accumulator<CaseView, M19Result> {
  const t = dayNumber(ctx.asOf);
  let d = 0;
  let cv = 0;
  let goal = 0;
  let updated = 0;
  return {
    add(c) {
      if (!isG1On(c, t - 1)) return;
      d++;
      if (c.facts.cvStatus !== 'NONE') cv++;
      if (c.facts.hasConcreteOwnJobGoal) goal++;
      const reviewed = c.facts.jobGoalLastReviewedAt;
      if (reviewed !== undefined && dayNumber(reviewed) >= t - GOAL_REVIEW_DAYS && dayNumber(reviewed) < t) updated++;
    },
    result: () => ({ cv: share(cv, d), goal: share(goal, d), goalUpdated: share(updated, d) }),
  };
}

// ---- M22 PROGRESSION_COVERAGE ----

export const M22Schema = z.object({
  /** Cases active in G1 for ≥ 30 days with a measurement in the last 92 days. */
  coverage: ShareSchema,
  /** Cases with a baseline and a later measurement on the same set version whose mean score rose. */
  improved: ShareSchema,
});
export type M22Result = z.infer<typeof M22Schema>;

export type ProgressionEntry = CaseFacts['progression'][number];
export const M22_MIN_G1_DAYS = 30;
export const M22_COVERAGE_DAYS = 92;

/**
 * Development of one case's progression, on the set version measured most recently: the baseline
 * (context BASELINE, else the first measurement) against the latest later measurement of the same
 * set and version. Measurements of another version are never compared (domain §5.3). Undefined when
 * there is nothing to compare yet.
 */
export function progressionDevelopment(
  entries: readonly ProgressionEntry[],
  asOf: string,
): 'improved' | 'not_improved' | undefined {
  const t = dayNumber(asOf);
  const before = entries.filter((e) => dayNumber(e.measuredAt) < t);
  const latest = [...before].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt)).pop();
  if (latest === undefined) return undefined;
  const sameSet = before
    .filter((e) => e.setId === latest.setId && e.setVersion === latest.setVersion)
    .sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  const baseline = sameSet.find((e) => e.context === 'BASELINE') ?? sameSet[0];
  if (baseline === undefined) return undefined;
  const later = sameSet.filter((e) => e.measuredAt > baseline.measuredAt).pop();
  if (later === undefined) return undefined;
  return later.meanScore > baseline.meanScore ? 'improved' : 'not_improved';
}

export function m22Accumulator(ctx: MetricContext): Accumulator<CaseView, M22Result> {
  const t = dayNumber(ctx.asOf);
  let eligible = 0;
  let covered = 0;
  let compared = 0;
  let improved = 0;
  return {
    add(c) {
      if (!isG1On(c, t - 1) || g1DaysIn(c, -Infinity, t) < M22_MIN_G1_DAYS) return;
      eligible++;
      const entries = c.facts.progression;
      if (entries.some((e) => dayNumber(e.measuredAt) >= t - M22_COVERAGE_DAYS && dayNumber(e.measuredAt) < t))
        covered++;
      const development = progressionDevelopment(entries, ctx.asOf);
      if (development !== undefined) {
        compared++;
        if (development === 'improved') improved++;
      }
    },
    result: () => ({ coverage: share(covered, eligible), improved: share(improved, compared) }),
  };
}
