import { activeG1Since } from '../../progression/metrics';
import { comparablePair } from '../../progression/rules';
import { dayNumber, isoDateOf } from '../calendar';
import { isG1On, type CaseView } from './case-view';
import { share, type Accumulator, type MetricContext } from './types';
import { type M19Result, type M22Result } from '../../../domain/digest-aggregates';

/** Quality / fidelity (kvalitet), domain-research §6.4. */

// ---- M19 CV_AND_JOB_GOAL_SHARE ----

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

export const M22_MIN_G1_DAYS = 30;
export const M22_COVERAGE_DAYS = 92;

/**
 * M22 is defined by the progression feature (bot/features/progression/metrics.ts, progressionM22):
 * the same rules case by case — active-in-G1 from `activeG1Since`, the baseline/latest pair on one
 * set version from `comparablePair` — folded into the digest's single pass. A test checks the two
 * agree on a synthetic municipality.
 */
export function m22Accumulator(ctx: MetricContext): Accumulator<CaseView, M22Result> {
  const t = dayNumber(ctx.asOf);
  const lastDay = isoDateOf(t - 1);
  const windowStart = isoDateOf(t - M22_COVERAGE_DAYS);
  let eligible = 0;
  let covered = 0;
  let compared = 0;
  let improved = 0;
  return {
    add(c) {
      const since = activeG1Since(c.facts, lastDay);
      if (since === undefined) return;
      const before = c.facts.progression.filter((m) => m.measuredAt < ctx.asOf);
      if (t - dayNumber(since) >= M22_MIN_G1_DAYS) {
        eligible++;
        if (before.some((m) => m.measuredAt >= windowStart)) covered++;
      }
      const pair = comparablePair(before);
      if (pair?.baseline !== undefined) {
        compared++;
        if (pair.latest.meanScore - pair.baseline.meanScore > 0) improved++;
      }
    },
    result: () => ({ coverage: share(covered, eligible), improved: share(improved, compared) }),
  };
}
