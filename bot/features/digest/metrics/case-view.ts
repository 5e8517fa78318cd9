import type { CaseFacts } from '../../../domain/case-facts';
import type { PlacementType } from '../../../domain/case';
import { dayNumber, mondayOfIsoWeek } from '../calendar';

/**
 * One case's facts turned into day numbers once, so every metric can ask "active in group 1 on day
 * d?" or "in company-based activity between a and b?" without parsing dates again.
 * Intervals are half-open [from, to) in day numbers.
 */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

export interface PlacementView {
  readonly placementId: string;
  readonly type: PlacementType;
  readonly status: CaseFacts['placements'][number]['status'];
  readonly start: number;
  /** Exclusive end: the day after actualEndDate ?? plannedEndDate, or +∞. */
  readonly end: number;
  readonly firstWeeksOrdinaryMean: number | undefined;
}

export interface CaseView {
  readonly facts: CaseFacts;
  /** Active group 1 periods, cut at the closure date. */
  readonly g1: readonly Interval[];
  /** Placements that count (status not PLANNED). */
  readonly placements: readonly PlacementView[];
  /** Days in company-based activity ("virksomhedsforløb mv."), as merged intervals. */
  readonly companyBased: readonly Interval[];
  /** Ordinary hours per ISO week, summed over the week's registrations. */
  readonly ordinaryByWeek: ReadonlyMap<string, number>;
  /** The same weeks, oldest first (ISO week strings sort in time order). */
  readonly registeredWeeks: readonly string[];
}

/** Placement types that count only in weeks with ordinary hours actually worked (domain §6.1). */
const NEEDS_WORKED_HOURS: ReadonlySet<PlacementType> = new Set(['ORDINARY_PAID_HOURS']);

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, i.to) };
    else out.push(i);
  }
  return out;
}

export function caseView(facts: CaseFacts): CaseView {
  const closedFrom = facts.closure ? dayNumber(facts.closure.date) : Infinity;
  const g1 = merge(
    facts.g1Intervals.map((i) => ({
      from: dayNumber(i.from),
      to: Math.min(i.to !== undefined ? dayNumber(i.to) : Infinity, closedFrom),
    })),
  );
  const placements: PlacementView[] = facts.placements
    .filter((p) => p.status !== 'PLANNED')
    .map((p) => {
      const last = p.actualEndDate ?? p.plannedEndDate;
      return {
        placementId: p.placementId,
        type: p.type,
        status: p.status,
        start: dayNumber(p.startDate),
        end: last !== undefined ? dayNumber(last) + 1 : Infinity,
        firstWeeksOrdinaryMean: p.firstWeeksOrdinaryMean,
      };
    });
  const ordinaryByWeek = new Map<string, number>();
  for (const w of facts.weeks) ordinaryByWeek.set(w.isoWeek, (ordinaryByWeek.get(w.isoWeek) ?? 0) + w.ordinaryHours);

  const segments: Interval[] = [];
  for (const p of placements) {
    if (!NEEDS_WORKED_HOURS.has(p.type)) {
      segments.push({ from: p.start, to: p.end });
      continue;
    }
    // A registration without a placement id counts for the case's ordinary-hours placement.
    for (const w of facts.weeks) {
      if (w.ordinaryHours <= 0 || (w.placementId !== undefined && w.placementId !== p.placementId)) continue;
      const monday = mondayOfIsoWeek(w.isoWeek);
      segments.push({ from: Math.max(monday, p.start), to: Math.min(monday + 7, p.end) });
    }
  }
  const registeredWeeks = [...ordinaryByWeek.keys()].sort();
  return { facts, g1, placements, companyBased: merge(segments), ordinaryByWeek, registeredWeeks };
}

const covers = (intervals: readonly Interval[], day: number): boolean =>
  intervals.some((i) => i.from <= day && day < i.to);

export const isG1On = (view: CaseView, day: number): boolean => covers(view.g1, day);

export const isCompanyBasedOn = (view: CaseView, day: number): boolean => covers(view.companyBased, day);

/** Number of active-G1 days in [from, to). */
export function g1DaysIn(view: CaseView, from: number, to: number): number {
  let days = 0;
  for (const i of view.g1) days += Math.max(0, Math.min(i.to, to) - Math.max(i.from, from));
  return days;
}

/** True if some day in [from, to) is both active G1 and company-based. */
export function g1CompanyBasedIn(view: CaseView, from: number, to: number): boolean {
  for (const g of view.g1) {
    const a = Math.max(g.from, from);
    const b = Math.min(g.to, to);
    if (a >= b) continue;
    for (const c of view.companyBased) if (Math.max(a, c.from) < Math.min(b, c.to)) return true;
  }
  return false;
}

/** Placements running on `day`. */
export const placementsOn = (view: CaseView, day: number): PlacementView[] =>
  view.placements.filter((p) => p.start <= day && day < p.end);

/** The latest G1 visitation whose conversation was on or before `day`. */
export function latestG1VisitationBy(view: Pick<CaseView, 'facts'>, day: number): number | undefined {
  let latest: number | undefined;
  for (const v of view.facts.visitations) {
    if (v.group !== 'G1_INTERVENTION') continue;
    const at = dayNumber(v.conversationAt);
    if (at <= day && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}

/** The first completed job conversation on or after `from` and before `to` (contacts, or the stored first date). */
export function firstJobConversationBetween(
  view: Pick<CaseView, 'facts'>,
  from: number,
  to: number,
): number | undefined {
  let first: number | undefined;
  const consider = (day: number): void => {
    if (day >= from && day < to && (first === undefined || day < first)) first = day;
  };
  for (const c of view.facts.contacts) if (c.type === 'JOB_CONVERSATION' && c.completed) consider(dayNumber(c.date));
  if (view.facts.firstJobConversationAt !== undefined) consider(dayNumber(view.facts.firstJobConversationAt));
  return first;
}
