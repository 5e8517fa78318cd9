import type { SensitiveFacts } from '../../../domain/case-facts';
import type { ContactType } from '../../../domain/case';
import { dayNumber } from '../calendar';
import { firstJobConversationBetween, isG1On, latestG1VisitationBy, placementsOn, type CaseView } from './case-view';
import { share, stat, type Accumulator, type MetricContext } from './types';
import { WINDOW_DAYS } from './results';
import { isAftercare, isOutreach } from '../../../domain/company';
import type { CompanyActivity } from './company-activity';
import {
  type M9Result,
  type M10Result,
  type M11Result,
  type M12Result,
  type M14Counts,
  type M14Result,
  type M16Result,
  type M18Result,
} from '../../../domain/digest-aggregates';

/** Flow, domain-research §6.3. Counts are raw here; suppression happens when the digest is shown. */

const FOUR_WEEKS = 28;
/** M16 looks at screenings of the last four weeks. */
export const SCREENING_WINDOW_DAYS = FOUR_WEEKS;

// ---- M9 DAYS_TO_FIRST_JOB_CONVERSATION ----

export const M9_TARGET_DAYS = 14;

export function m9Accumulator(ctx: MetricContext): Accumulator<CaseView, M9Result> {
  const t = dayNumber(ctx.asOf);
  const days: number[] = [];
  let within = 0;
  let waiting = 0;
  return {
    add(c) {
      const g1Visits = c.facts.visitations
        .filter((v) => v.group === 'G1_INTERVENTION')
        .map((v) => dayNumber(v.conversationAt))
        .filter((d) => d >= t - WINDOW_DAYS && d < t)
        .sort((a, b) => a - b);
      const visited = g1Visits[0];
      if (visited !== undefined) {
        const first = firstJobConversationBetween(c, visited, t);
        if (first !== undefined) {
          days.push(first - visited);
          if (first - visited <= M9_TARGET_DAYS) within++;
        }
      }
      if (isG1On(c, t - 1)) {
        const latest = latestG1VisitationBy(c, t - 1);
        if (
          latest !== undefined &&
          t - latest > M9_TARGET_DAYS &&
          firstJobConversationBetween(c, latest, t) === undefined
        )
          waiting++;
      }
    },
    result: () => {
      const n = days.length;
      return { days: stat(days), within14: share(within, n), waiting };
    },
  };
}

// ---- M10 FOLLOW_UP_OVERDUE ----

const CITIZEN_FOLLOW_UP: ReadonlySet<ContactType> = new Set([
  'JOB_CONVERSATION',
  'TRIPARTITE',
  'WORKPLACE_FOLLOW_UP',
  'PHONE',
]);

export type FollowUpState = 'overdue' | 'soon' | 'ok';

/** Follow-up state of a case active in G1 on T − 1 (undefined if it is not). */
export function followUpState(c: CaseView, ctx: MetricContext): FollowUpState | undefined {
  const t = dayNumber(ctx.asOf);
  if (!isG1On(c, t - 1)) return undefined;
  let last: number | undefined;
  for (const k of c.facts.contacts) {
    if (!k.completed || k.direction !== 'CITIZEN_FACING' || !CITIZEN_FOLLOW_UP.has(k.type)) continue;
    const day = dayNumber(k.date);
    if (day < t && (last === undefined || day > last)) last = day;
  }
  last ??= latestG1VisitationBy(c, t - 1) ?? c.g1.find((i) => i.from < t)?.from ?? t - 1;
  const inPlacement = placementsOn(c, t - 1).length > 0;
  const s = ctx.settings;
  const limit = inPlacement ? s.cadenceDaysInPlacement : s.cadenceDaysDefault;
  const warn = inPlacement ? s.cadenceDaysWarnInPlacement : s.cadenceDaysWarn;
  const gap = t - last;
  return gap > limit ? 'overdue' : gap > warn ? 'soon' : 'ok';
}

/** `observe` sees each active case's state (the leader's per-jobformidler view reuses it). */
export function m10Accumulator(
  ctx: MetricContext,
  observe?: (c: CaseView, state: FollowUpState) => void,
): Accumulator<CaseView, M10Result> {
  const r = { activeG1: 0, overdue: 0, soon: 0 };
  return {
    add(c) {
      const state = followUpState(c, ctx);
      if (state === undefined) return;
      observe?.(c, state);
      r.activeG1++;
      if (state === 'overdue') r.overdue++;
      else if (state === 'soon') r.soon++;
    },
    result: () => ({ ...r }),
  };
}

// ---- M11 CASELOAD_PER_JOB_BROKER (team level; individual numbers only 1:1) ----

/** Cases active in G1 on T − 1 per assigned jobformidler (staff data: never posted to a channel). */
export function caseloadAccumulator(ctx: MetricContext): Accumulator<CaseView, Map<string, number>> {
  const t = dayNumber(ctx.asOf);
  const perJobformidler = new Map<string, number>();
  return {
    add(c) {
      const j = c.facts.assignedJobformidlerId;
      if (j !== undefined && isG1On(c, t - 1)) perJobformidler.set(j, (perJobformidler.get(j) ?? 0) + 1);
    },
    result: () => perJobformidler,
  };
}

/** The team view of M11: median caseload and how many jobformidlere are above, within and below the band. */
export function m11FromCaseloads(caseloads: ReadonlyMap<string, number>, ctx: MetricContext): M11Result {
  const [low, high] = ctx.settings.caseloadBand;
  const values = [...caseloads.values()];
  return {
    jobformidlere: values.length,
    caseload: stat([...values]),
    above: values.filter((v) => v > high).length,
    within: values.filter((v) => v >= low && v <= high).length,
    below: values.filter((v) => v < low).length,
  };
}

// ---- M12 JOB_CONVERSATIONS_COMPLETED ----

/** `observe` sees each case's count for last week (the leader's per-jobformidler view reuses it). */
export function m12Accumulator(
  ctx: MetricContext,
  observe?: (c: CaseView, lastWeek: number) => void,
): Accumulator<CaseView, M12Result> {
  const t = dayNumber(ctx.asOf);
  const r = { lastWeek: 0, last4Weeks: 0 };
  return {
    add(c) {
      let lastWeek = 0;
      for (const k of c.facts.contacts) {
        if (k.type !== 'JOB_CONVERSATION' || !k.completed) continue;
        const day = dayNumber(k.date);
        if (day >= t - FOUR_WEEKS && day < t) r.last4Weeks++;
        if (day >= t - 7 && day < t) lastWeek++;
      }
      r.lastWeek += lastWeek;
      if (lastWeek > 0) observe?.(c, lastWeek);
    },
    result: () => ({ ...r }),
  };
}

// ---- M14 COMPANY_FACING_ACTIVITY ----

const emptyCounts = (): M14Counts => ({
  outreachVisits: 0,
  jobOpenings: 0,
  placementsStarted: 0,
  jobPlacements: 0,
  aftercare: 0,
});

/**
 * Company-directed activity of the last 4 weeks and the 4 weeks before: outreach visits (with cold
 * canvassing), job openings obtained and aftercare visits are counted where they are logged, on the
 * company (addCompany) or on a case; a contact logged on a company that also went onto a case counts
 * once, on the company. Placements started and job matches come from the case facts.
 */
export function m14Accumulator(
  ctx: MetricContext,
): Accumulator<CaseView, M14Result> & { addCompany(a: CompanyActivity): void } {
  const t = dayNumber(ctx.asOf);
  const windowOf = (day: number): 'current' | 'previous' | undefined =>
    day >= t - FOUR_WEEKS && day < t
      ? 'current'
      : day >= t - 2 * FOUR_WEEKS && day < t - FOUR_WEEKS
        ? 'previous'
        : undefined;
  const counts = { current: emptyCounts(), previous: emptyCounts() };
  const matches = { proposed: 0, accepted: 0, placed: 0 };
  const inWindow = (date: string | undefined): boolean => date !== undefined && windowOf(dayNumber(date)) === 'current';
  return {
    add(c) {
      for (const k of c.facts.contacts) {
        const w = windowOf(dayNumber(k.date));
        if (!k.completed || w === undefined || k.companyContactId !== undefined) continue;
        if (k.type === 'COMPANY_OUTREACH_VISIT') counts[w].outreachVisits++;
        else if (k.type === 'JOB_OPENING') counts[w].jobOpenings++;
        else if (k.type === 'AFTERCARE') counts[w].aftercare++;
      }
      for (const p of c.placements) {
        const w = windowOf(p.start);
        if (w === undefined) continue;
        counts[w].placementsStarted++;
        if (p.type === 'ORDINARY_EMPLOYMENT' || p.type === 'ORDINARY_PAID_HOURS') counts[w].jobPlacements++;
      }
      for (const m of c.facts.matches ?? []) {
        if (inWindow(m.proposedOn)) matches.proposed++;
        if (m.status === 'ACCEPTED' && inWindow(m.decidedOn)) matches.accepted++;
        if (inWindow(m.placementStartedOn)) matches.placed++;
      }
    },
    addCompany(a) {
      const w = windowOf(dayNumber(a.date));
      if (w === undefined) return;
      if (a.kind === 'opening') counts[w].jobOpenings++;
      else if (a.contactKind !== undefined && isOutreach(a.contactKind)) counts[w].outreachVisits++;
      else if (a.contactKind !== undefined && isAftercare(a.contactKind)) counts[w].aftercare++;
    },
    result: () => ({ ...counts.current, matches: { ...matches }, previous: { ...counts.previous } }),
  };
}

// ---- M16 SCREENING_FUNNEL (sensitive facts joined with the case's visitations) ----

interface VisitFacts {
  readonly visits: readonly { group: string; at: number }[];
  readonly view: Pick<CaseView, 'facts'>;
}

/**
 * Cases come first (the digest streams them), then the sensitive facts. Only cases with a recent
 * visitation are remembered, so the join costs memory in proportion to this month's visitations.
 */
export function m16Accumulator(ctx: MetricContext): {
  addCase(c: CaseView): void;
  addSensitive(s: SensitiveFacts): void;
  result(): M16Result;
} {
  const t = dayNumber(ctx.asOf);
  const recent = new Map<string, VisitFacts>();
  const r = { screenings: 0, withImpact: 0, visitedWithin14: 0, startedG1: 0 };
  return {
    addCase(c) {
      const visits = c.facts.visitations
        .map((v) => ({ group: v.group, at: dayNumber(v.conversationAt) }))
        .filter((v) => v.at >= t - FOUR_WEEKS && v.at < t);
      if (visits.length > 0) recent.set(c.facts.caseRef, { visits, view: c });
    },
    addSensitive(s) {
      if (s.screening === undefined) return;
      const screened = dayNumber(s.screening.conductedAt);
      if (screened < t - FOUR_WEEKS || screened >= t) return;
      r.screenings++;
      if (s.screening.outcome !== 'INDICATION_WITH_JOB_IMPACT') return;
      r.withImpact++;
      const facts = recent.get(s.caseRef);
      if (facts === undefined) return;
      if (facts.visits.some((v) => v.at >= screened && v.at - screened <= M9_TARGET_DAYS)) r.visitedWithin14++;
      const g1 = facts.visits.find((v) => v.group === 'G1_INTERVENTION' && v.at >= screened);
      if (g1 !== undefined && firstJobConversationBetween(facts.view, g1.at, t) !== undefined) r.startedG1++;
    },
    result: () => ({ ...r }),
  };
}

// ---- M18 HKO_DAYS ----

const HKO_WINDOW_DAYS = 180;
export const HKO_OPEN_DAYS = 10;

export function m18Accumulator(ctx: MetricContext): Accumulator<SensitiveFacts, M18Result> {
  const t = dayNumber(ctx.asOf);
  const inWindow = (day: number): boolean => day >= t - HKO_WINDOW_DAYS && day < t;
  const decision: number[] = [];
  const delivery: number[] = [];
  let withinTarget = 0;
  let open = 0;
  return {
    add(s) {
      for (const h of s.hko) {
        const applied = h.appliedAt !== undefined ? dayNumber(h.appliedAt) : undefined;
        const decided = h.decidedAt !== undefined ? dayNumber(h.decidedAt) : undefined;
        const delivered = h.deliveredAt !== undefined ? dayNumber(h.deliveredAt) : undefined;
        if (applied !== undefined && decided !== undefined && inWindow(decided)) {
          decision.push(decided - applied);
          if (decided - applied <= ctx.settings.hkoFastTrackDays) withinTarget++;
        }
        if (decided !== undefined && delivered !== undefined && inWindow(delivered)) delivery.push(delivered - decided);
        if (
          applied !== undefined &&
          applied < t &&
          (decided === undefined || decided >= t) &&
          t - applied > HKO_OPEN_DAYS
        )
          open++;
      }
    },
    result: () => {
      const n = decision.length;
      return {
        decisionDays: stat(decision),
        decidedWithinTarget: share(withinTarget, n),
        deliveryDays: stat(delivery),
        openOver10: open,
      };
    },
  };
}
