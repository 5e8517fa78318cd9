import { addIsoWeeks, dayNumber, isoWeekOfDay, mondayOfIsoWeek, weekIndex } from '../calendar';
import {
  g1CompanyBasedIn,
  g1DaysIn,
  isCompanyBasedOn,
  isG1On,
  placementsOn,
  type CaseView,
  type PlacementView,
} from './case-view';
import { share, stat, type Accumulator, type MetricContext } from './types';
import {
  type M1Result,
  type M2Result,
  type M3Result,
  type M4Result,
  type M5Result,
  type M6Result,
} from '../../../domain/digest-aggregates';

/**
 * Results (resultater), domain-research §6.2. Each accumulator sees every case once and returns raw
 * counts; the definitions users read are in bot/i18n/digest-metrics.ts under the same ids.
 */

/** W = [T − 91 d, T): thirteen whole ISO weeks, since T is a Monday. */
export const WINDOW_DAYS = 91;

// ---- M1 G1_COMPANY_BASED_SHARE_3M (+ _POINT, _MATURE) ----

/** Minimum active-G1 days within W for the "mature" variant. */
export const M1_MATURE_DAYS = 30;

export function m1Accumulator(asOf: string): Accumulator<CaseView, M1Result> {
  const t = dayNumber(asOf);
  const from = t - WINDOW_DAYS;
  let d = 0;
  let n = 0;
  let pointD = 0;
  let pointN = 0;
  let matureD = 0;
  let matureN = 0;
  return {
    add(c) {
      const g1Days = g1DaysIn(c, from, t);
      if (g1Days === 0) return;
      const company = g1CompanyBasedIn(c, from, t);
      d++;
      if (company) n++;
      if (g1Days >= M1_MATURE_DAYS) {
        matureD++;
        if (company) matureN++;
      }
      if (isG1On(c, t - 1)) {
        pointD++;
        if (isCompanyBasedOn(c, t - 1)) pointN++;
      }
    },
    result: () => ({ share: share(n, d), point: share(pointN, pointD), mature: share(matureN, matureD) }),
  };
}

// ---- M2 AGREEMENTS_ORDINARY_FROM_START and M3 AGREEMENTS_COMPLETE ----

/** Agreements signed (or else agreed) in W, for placements other than ordinary employment. */
function agreementsInWindow(c: CaseView, from: number, to: number): CaseView['facts']['agreements'] {
  return c.facts.agreements.filter((a) => {
    const date = a.signedAt ?? a.agreedAt;
    if (date === undefined || a.placementType === 'ORDINARY_EMPLOYMENT') return false;
    const day = dayNumber(date);
    return day >= from && day < to;
  });
}

export function m2Accumulator(ctx: MetricContext): Accumulator<CaseView, M2Result> {
  const t = dayNumber(ctx.asOf);
  let total = 0;
  const hours: number[] = [];
  return {
    add(c) {
      for (const a of agreementsInWindow(c, t - WINDOW_DAYS, t)) {
        total++;
        if (a.ordinaryHoursFromStart && a.ordinaryHoursAtStart > 0) hours.push(a.ordinaryHoursAtStart);
      }
    },
    result: () => ({ share: share(hours.length, total), hoursAtStart: stat(hours) }),
  };
}

export function m3Accumulator(ctx: MetricContext): Accumulator<CaseView, M3Result> {
  const t = dayNumber(ctx.asOf);
  let total = 0;
  let complete = 0;
  const missing = new Map<string, number>();
  return {
    add(c) {
      for (const a of agreementsInWindow(c, t - WINDOW_DAYS, t)) {
        total++;
        if (a.complete) complete++;
        else for (const item of new Set(a.missingCritical)) missing.set(item, (missing.get(item) ?? 0) + 1);
      }
    },
    result: () => {
      let most: { item: string; count: number } | undefined;
      for (const [item, count] of [...missing].sort(([a], [b]) => a.localeCompare(b)))
        if (most === undefined || count > most.count) most = { item, count };
      return { share: share(complete, total), ...(most ? { mostMissing: most } : {}) };
    },
  };
}

// ---- M4 PLACEMENTS_WITH_ORDINARY_HOURS ----

/** Placements active on T − 1; of those, the ones with ordinary hours worked in that ISO week. */
export function m4Accumulator(ctx: MetricContext): Accumulator<CaseView, M4Result> {
  const lastDay = dayNumber(ctx.asOf) - 1;
  const week = isoWeekOfDay(lastDay);
  let total = 0;
  let withHours = 0;
  return {
    add(c) {
      for (const p of placementsOn(c, lastDay)) {
        total++;
        const worked = c.facts.weeks.some(
          (w) =>
            w.isoWeek === week &&
            w.ordinaryHours > 0 &&
            (w.placementId === undefined || w.placementId === p.placementId),
        );
        if (worked) withHours++;
      }
    },
    result: () => ({ share: share(withHours, total) }),
  };
}

// ---- M5 ORDINARY_HOURS_PROGRESSION ----

export const M5_MIN_WEEKS = 8;
const M5_SPAN = 4;
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Δ of one case: mean of the latest 4 registered weeks minus the mean of the placement's first 4. */
export function ordinaryHoursDelta(c: CaseView, week: string): number | undefined {
  const weekStart = mondayOfIsoWeek(week);
  const candidates = c.placements
    .filter(
      (p: PlacementView) =>
        p.start < weekStart + 7 &&
        p.end > weekStart &&
        weekIndex(week) - weekIndex(isoWeekOfDay(p.start)) + 1 >= M5_MIN_WEEKS,
    )
    .sort((a, b) => b.start - a.start);
  for (const p of candidates) {
    const registered = c.facts.weeks
      .filter((w) => w.placementId === p.placementId && w.isoWeek <= week)
      .sort((a, b) => a.isoWeek.localeCompare(b.isoWeek));
    if (registered.length < M5_SPAN) continue;
    const base = p.firstWeeksOrdinaryMean ?? mean(registered.slice(0, M5_SPAN).map((w) => w.ordinaryHours));
    const now = mean(registered.slice(-M5_SPAN).map((w) => w.ordinaryHours));
    return now - base;
  }
  return undefined;
}

export function m5Accumulator(ctx: MetricContext): Accumulator<CaseView, M5Result> {
  const week = isoWeekOfDay(dayNumber(ctx.asOf) - 1);
  const weeks = Array.from({ length: 12 }, (_, i) => addIsoWeeks(week, i - 11));
  const hours = new Map(weeks.map((w) => [w, { hours: 0, cases: 0 }]));
  const deltas: number[] = [];
  let improved = 0;
  return {
    add(c) {
      const delta = ordinaryHoursDelta(c, week);
      if (delta !== undefined) {
        deltas.push(delta);
        if (delta > 0) improved++;
      }
      for (const w of weeks) {
        const h = c.ordinaryByWeek.get(w) ?? 0;
        const slot = hours.get(w);
        if (h > 0 && slot !== undefined) {
          slot.hours += h;
          slot.cases++;
        }
      }
    },
    result: () => ({
      improved: share(improved, deltas.length),
      delta: stat(deltas),
      weekly: weeks.map((w) => ({ isoWeek: w, ...(hours.get(w) ?? { hours: 0, cases: 0 }) })),
    }),
  };
}

// ---- M6 REACHED_30H (+ _EVER_3M) ----

/**
 * Sustained: cases active G1 on T − 1 with ≥ target ordinary hours in each of their latest 4
 * registered weeks. Ever: cases active G1 in W with ≥ 1 week in W at or above the target.
 */
export function m6Accumulator(ctx: MetricContext): Accumulator<CaseView, M6Result> {
  const t = dayNumber(ctx.asOf);
  const lastWeek = isoWeekOfDay(t - 1);
  const firstWeek = isoWeekOfDay(t - WINDOW_DAYS);
  const target = ctx.settings.ordinaryHoursTarget;
  let activeNow = 0;
  let sustained = 0;
  let activeInWindow = 0;
  let ever = 0;
  return {
    add(c) {
      if (g1DaysIn(c, t - WINDOW_DAYS, t) > 0) {
        activeInWindow++;
        for (const [w, h] of c.ordinaryByWeek)
          if (w >= firstWeek && w <= lastWeek && h >= target) {
            ever++;
            break;
          }
      }
      if (!isG1On(c, t - 1)) return;
      activeNow++;
      // The latest 4 registered weeks up to the last week, newest first.
      let seen = 0;
      let allAtTarget = true;
      for (let i = c.registeredWeeks.length - 1; i >= 0 && seen < 4; i--) {
        const w = c.registeredWeeks[i] ?? '';
        if (w > lastWeek) continue;
        seen++;
        if ((c.ordinaryByWeek.get(w) ?? 0) < target) allAtTarget = false;
      }
      if (seen === 4 && allAtTarget) sustained++;
    },
    result: () => ({ sustained: share(sustained, activeNow), ever3m: share(ever, activeInWindow) }),
  };
}
