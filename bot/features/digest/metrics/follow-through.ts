import type { SensitiveFacts } from '../../../domain/case-facts';
import type { ClosureReason, VisitationGroup } from '../../../domain/case';
import { dayNumber, isoDateOf } from '../calendar';
import { g1DaysIn, isG1On, placementsOn, type CaseView } from './case-view';
import { share, type Accumulator, type MetricContext } from './types';
import { WINDOW_DAYS } from './results';
import {
  type M7Result,
  type M8Result,
  type M13Result,
  type M17Result,
  type M20Result,
  type M23Result,
} from '../../../domain/digest-aggregates';

/**
 * The metrics of every citizen's follow-through (issue 15 item 7; domain-research §6): M7 exit to
 * self-support, M8 group 2 clarified, M13 ad hoc enquiries, M17 visitation against the plan, M20
 * continuity with one jobformidler, M23 compensation schemes considered. Raw counts here; the
 * definitions users read are in bot/i18n/digest-metrics.ts under the same ids, and suppression
 * happens when the digest is shown.
 */

const FOUR_WEEKS = 28;
const YEAR_DAYS = 365;

// ---- M7 EXIT_SELF_SUPPORTING_3M ----

/**
 * D = cases active in group 1 on at least one day of W = [T − 91 d, T); N = those of D closed in W
 * with the reason "in a job and self-supporting".
 */
export function m7Accumulator(ctx: MetricContext): Accumulator<CaseView, M7Result> {
  const t = dayNumber(ctx.asOf);
  let d = 0;
  let n = 0;
  return {
    add(c) {
      if (g1DaysIn(c, t - WINDOW_DAYS, t) === 0) return;
      d++;
      const closure = c.facts.closure;
      if (closure?.reason !== 'EMPLOYED_SELF_SUPPORTING') return;
      const day = dayNumber(closure.date);
      if (day >= t - WINDOW_DAYS && day < t) n++;
    },
    result: () => ({ share: share(n, d) }),
  };
}

// ---- M8 G2_CLARIFIED ----

/** Closure reasons that are a clarification onward from group 2 (the rehabilitation team's recommendations). */
export const CLARIFIED_REASONS: readonly ClosureReason[] = [
  'RESOURCE_COURSE',
  'FLEXJOB',
  'DISABILITY_PENSION',
  'JOB_CLARIFICATION_COURSE',
];

/**
 * D = cases with a group 2 visitation that took effect in the last 12 months [T − 365 d, T);
 * N = those with a recommendation dated before T, or closed before T for a clarifying reason.
 */
export function m8Accumulator(ctx: MetricContext): Accumulator<CaseView, M8Result> {
  const t = dayNumber(ctx.asOf);
  let d = 0;
  let n = 0;
  return {
    add(c) {
      const f = c.facts;
      const inYear = f.visitations.some((v) => {
        if (v.group !== 'G2_REHABILITATION') return false;
        const day = dayNumber(v.effectiveFrom);
        return day >= t - YEAR_DAYS && day < t;
      });
      if (!inYear) return;
      d++;
      const recommended = f.rehab?.recommendedAt !== undefined && dayNumber(f.rehab.recommendedAt) < t;
      const closedOnward =
        f.closure !== undefined && CLARIFIED_REASONS.includes(f.closure.reason) && dayNumber(f.closure.date) < t;
      if (recommended || closedOnward) n++;
    },
    result: () => ({ share: share(n, d) }),
  };
}

// ---- M13 AD_HOC_CONTACTS ----

/** Ad hoc enquiries from citizens (contact type AD_HOC_INBOUND) in the last ISO week and the last 4 weeks. */
export function m13Accumulator(ctx: MetricContext): Accumulator<CaseView, M13Result> {
  const t = dayNumber(ctx.asOf);
  const r = { lastWeek: 0, last4Weeks: 0 };
  return {
    add(c) {
      for (const k of c.facts.contacts) {
        if (k.type !== 'AD_HOC_INBOUND' || !k.completed) continue;
        const day = dayNumber(k.date);
        if (day >= t - FOUR_WEEKS && day < t) r.last4Weeks++;
        if (day >= t - 7 && day < t) r.lastWeek++;
      }
    },
    result: () => ({ ...r }),
  };
}

// ---- M17 VISITATION_VS_PLAN ----

export const PLANNED_GROUPS = ['G1_INTERVENTION', 'G2_REHABILITATION', 'G3_NOT_EMPLOYMENT_READY'] as const;
type PlannedGroup = (typeof PLANNED_GROUPS)[number];

/**
 * FSM success criterion 1 ("at kommunen fik visiteret borgerne som planlagt"): each citizen counts
 * once, in the group of their first visitation decision, when its visitation conversation was on
 * 1 January of T − 1's year or later and before T. Re-visitations are not new visitations.
 */
export function m17Accumulator(ctx: MetricContext): Accumulator<CaseView, M17Result> {
  const t = dayNumber(ctx.asOf);
  const year = Number(isoDateOf(t - 1).slice(0, 4));
  const from = dayNumber(`${year}-01-01`);
  const daysInYear = dayNumber(`${year + 1}-01-01`) - from;
  const actual: Record<PlannedGroup, number> = { G1_INTERVENTION: 0, G2_REHABILITATION: 0, G3_NOT_EMPLOYMENT_READY: 0 };
  let outOfScope = 0;
  return {
    add(c) {
      const first = c.facts.visitations[0];
      if (first === undefined) return;
      const day = dayNumber(first.conversationAt);
      if (day < from || day >= t) return;
      const group: VisitationGroup = first.group;
      if (group === 'OUT_OF_SCOPE') outOfScope++;
      else actual[group]++;
    },
    result: () => {
      const plan = ctx.settings.visitationPlan;
      const fraction = (t - from) / daysInYear;
      return {
        year,
        actual: { ...actual },
        outOfScope,
        ...(plan !== undefined && plan.year === year
          ? {
              plannedToDate: {
                G1_INTERVENTION: plan.G1_INTERVENTION * fraction,
                G2_REHABILITATION: plan.G2_REHABILITATION * fraction,
                G3_NOT_EMPLOYMENT_READY: plan.G3_NOT_EMPLOYMENT_READY * fraction,
              },
            }
          : {}),
      };
    },
  };
}

// ---- M20 JOB_BROKER_CONTINUITY ----

/** D = cases active in group 1 on T − 1; N = those with exactly one jobformidler since their first group 1 visitation. */
export function m20Accumulator(ctx: MetricContext): Accumulator<CaseView, M20Result> {
  const t = dayNumber(ctx.asOf);
  let d = 0;
  let n = 0;
  return {
    add(c) {
      if (!isG1On(c, t - 1)) return;
      d++;
      if (c.facts.jobformidlerCount === 1) n++;
    },
    result: () => ({ share: share(n, d) }),
  };
}

// ---- M23 HKO_CONSIDERED (case facts joined with the sensitive facts) ----

/**
 * D = cases with the screening outcome "impairment that matters for work" and a placement running on
 * T − 1; N = those whose work agreement has the compensation-scheme item discussed, or that have any
 * compensation-scheme application. Cases come first (the digest streams them), so only cases with a
 * running placement are remembered: memory in proportion to the placements, not to the municipality.
 */
export function m23Accumulator(ctx: MetricContext): {
  addCase(c: CaseView): void;
  addSensitive(s: SensitiveFacts): void;
  result(): M23Result;
} {
  const t = dayNumber(ctx.asOf);
  const placed = new Map<string, boolean>();
  let d = 0;
  let n = 0;
  let granted = 0;
  return {
    addCase(c) {
      if (placementsOn(c, t - 1).length === 0) return;
      placed.set(
        c.facts.caseRef,
        c.facts.agreements.some((a) => a.hkoNeedsDiscussed),
      );
    },
    addSensitive(s) {
      for (const h of s.hko) {
        if (h.decision !== 'GRANTED' || h.decidedAt === undefined) continue;
        const day = dayNumber(h.decidedAt);
        if (day >= t - YEAR_DAYS && day < t) granted++;
      }
      if (s.screening?.outcome !== 'INDICATION_WITH_JOB_IMPACT') return;
      const discussed = placed.get(s.caseRef);
      if (discussed === undefined) return;
      d++;
      if (discussed || s.hko.length > 0) n++;
    },
    result: () => ({ share: share(n, d), grantedLast12m: granted }),
  };
}
