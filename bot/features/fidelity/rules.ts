import { addDays, daysBetween, isValidIsoDate, weekdayOf } from '../../domain/calendar';
import type { CoreElement, CoreElementSet } from '../../domain/core-element-set';
import type { ElementTotals } from '../../store/fidelity-round-repository';
import type { DigestSections, Figure } from '../digest/figure-rules';
import { PRACTICE_INDICATORS } from './practice-indicators';

/**
 * The pure rules of fidelity rounds (issue 16 A.2–3): when a round is open, when members are
 * reminded, how answers become the team's sums, and what of them may be shown. Time comes in as
 * business dates and local hours.
 */

/**
 * A team's result is shown only when at least this many answered (issue 16: "results are shown per
 * team only when at least 3 have answered, never per person"), and so is each core element: fewer
 * than three levels behind a mean would let colleagues guess who said what. Staff answers about
 * practice, not citizens, so the k = 5 floor for counts of citizens does not apply here.
 */
export const MIN_RESPONDENTS = 3;
/** How long a leader may keep a round open, and the end date the start form suggests. */
export const MAX_ROUND_DAYS = 56;
export const DEFAULT_ROUND_DAYS = 14;
/** Reminders go out from this local hour on their day; a closed round's report from CLOSE_HOUR the day after. */
export const REMINDER_HOUR = 9;
export const CLOSE_HOUR = 8;
/** The first reminder this many days after the start, then weekly, and one on the last day. */
export const FIRST_REMINDER_DAYS = 3;
export const REMINDER_EVERY_DAYS = 7;

/** Level 0 in a draft means "don't know": counted as an answer to the step, never in a mean. */
export const DONT_KNOW = 0;

export type EndDateProblem = 'end_date_invalid' | 'end_date_past' | 'end_date_far';

/** The last day to answer: a real date from tomorrow up to MAX_ROUND_DAYS ahead. */
export function checkEndDate(endDate: string, today: string): EndDateProblem | undefined {
  if (!isValidIsoDate(endDate)) return 'end_date_invalid';
  if (endDate <= today) return 'end_date_past';
  if (daysBetween(today, endDate) > MAX_ROUND_DAYS) return 'end_date_far';
  return undefined;
}

export type RoundPhase = 'open' | 'closing' | 'closed';

/** Open through its end date; from the day after, it is due to close (and answers are refused). */
export function roundPhase(
  round: { readonly status: 'OPEN' | 'CLOSED'; readonly endDate: string },
  today: string,
): RoundPhase {
  if (round.status === 'CLOSED') return 'closed';
  return today > round.endDate ? 'closing' : 'open';
}

/**
 * A round is closed the day after its end date from CLOSE_HOUR, so its report reaches the channel in
 * working hours; a round left open longer (the service was down) is closed at any hour.
 */
export function closeDue(
  round: { readonly status: 'OPEN' | 'CLOSED'; readonly endDate: string },
  local: { readonly date: string; readonly hour: number },
): boolean {
  if (roundPhase(round, local.date) !== 'closing') return false;
  return local.hour >= CLOSE_HOUR || local.date > addDays(round.endDate, 1);
}

/** Saturday or Sunday moves back to the Friday before: nobody is reminded at the weekend. */
const workingDayOnOrBefore = (date: string): string => {
  const weekday = weekdayOf(date);
  return weekday === 6 ? addDays(date, -1) : weekday === 7 ? addDays(date, -2) : date;
};

/** The days members who have not answered are reminded: day 3, then weekly, and the last day. */
export function reminderDates(startDate: string, endDate: string): string[] {
  const candidates: string[] = [];
  for (let d = addDays(startDate, FIRST_REMINDER_DAYS); d < endDate; d = addDays(d, REMINDER_EVERY_DAYS))
    candidates.push(d);
  candidates.push(endDate);
  const days = candidates.map(workingDayOnOrBefore).filter((d) => d > startDate && d <= endDate);
  return [...new Set(days)].sort();
}

export function reminderDue(
  round: { readonly status: 'OPEN' | 'CLOSED'; readonly startDate: string; readonly endDate: string },
  local: { readonly date: string; readonly hour: number },
): boolean {
  return (
    roundPhase(round, local.date) === 'open' &&
    local.hour >= REMINDER_HOUR &&
    reminderDates(round.startDate, round.endDate).includes(local.date)
  );
}

export type Levels = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The items of a step the member has not answered yet (every item needs a level or "don't know"). */
export function unansweredItems(element: CoreElement, levels: Levels): string[] {
  const given = levels[element.elementId] ?? {};
  return element.items.filter((item) => given[item.itemId] === undefined).map((item) => item.itemId);
}

/** A member's levels added to the round's sums (a new object; "don't know" adds nothing). */
export function addToTotals(
  totals: Readonly<Record<string, ElementTotals>>,
  set: CoreElementSet,
  levels: Levels,
): Record<string, ElementTotals> {
  const next: Record<string, ElementTotals> = structuredClone({ ...totals });
  for (const element of set.elements) {
    const given = levels[element.elementId] ?? {};
    const current = next[element.elementId] ?? { respondents: 0, items: {} };
    let answered = false;
    for (const item of element.items) {
      const level = given[item.itemId];
      if (level === undefined || level === DONT_KNOW) continue;
      answered = true;
      const t = current.items[item.itemId] ?? { sum: 0, count: 0 };
      current.items[item.itemId] = { sum: t.sum + level, count: t.count + 1 };
    }
    next[element.elementId] = { ...current, respondents: current.respondents + (answered ? 1 : 0) };
  }
  return next;
}

/** Sums of several rounds (several teams' rounds for the municipality's digest). */
export function poolTotals(list: readonly Readonly<Record<string, ElementTotals>>[]): Record<string, ElementTotals> {
  const pooled: Record<string, ElementTotals> = {};
  for (const totals of list)
    for (const [elementId, t] of Object.entries(totals)) {
      const into = pooled[elementId] ?? { respondents: 0, items: {} };
      for (const [itemId, lt] of Object.entries(t.items)) {
        const sum = into.items[itemId] ?? { sum: 0, count: 0 };
        into.items[itemId] = { sum: sum.sum + lt.sum, count: sum.count + lt.count };
      }
      pooled[elementId] = { respondents: into.respondents + t.respondents, items: into.items };
    }
  return pooled;
}

export const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** The element's level: the mean of every level given to its items, when enough members gave one. */
export function elementLevel(totals: ElementTotals | undefined, min = MIN_RESPONDENTS): number | undefined {
  if (totals === undefined || totals.respondents < min) return undefined;
  let sum = 0;
  let count = 0;
  for (const t of Object.values(totals.items)) {
    sum += t.sum;
    count += t.count;
  }
  return count === 0 ? undefined : oneDecimal(sum / count);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface RoundSums {
  readonly answeredCount: number;
  readonly totals: Readonly<Record<string, ElementTotals>>;
}

export interface ElementResult {
  readonly element: CoreElement;
  /** Undefined when fewer than MIN_RESPONDENTS gave a level in this element. */
  readonly level: number | undefined;
  readonly previous: number | undefined;
  /** Level minus the previous round's, both as shown (one decimal). */
  readonly change: number | undefined;
}

export type RoundResult =
  | { readonly shown: false; readonly reason: 'too_few' }
  | {
      readonly shown: true;
      readonly answered: number;
      readonly elements: readonly ElementResult[];
      /** M21's team figure: the median across the core elements shown. */
      readonly median: number | undefined;
      readonly medianChange: number | undefined;
    };

const shownSums = (sums: RoundSums | undefined, min: number): RoundSums | undefined =>
  sums !== undefined && sums.answeredCount >= min ? sums : undefined;

/**
 * What may be shown of a closed round: nothing below MIN_RESPONDENTS answers; otherwise each element's
 * level (itself hidden below MIN_RESPONDENTS levels) and its change since the previous round of the
 * same programme. Elements are matched by id, so a new version of a set still compares.
 */
export function roundResult(
  set: CoreElementSet,
  current: RoundSums,
  previous?: RoundSums,
  min = MIN_RESPONDENTS,
): RoundResult {
  if (current.answeredCount < min) return { shown: false, reason: 'too_few' };
  const before = shownSums(previous, min);
  const elements = set.elements.map((element): ElementResult => {
    const level = elementLevel(current.totals[element.elementId], min);
    const prev = before === undefined ? undefined : elementLevel(before.totals[element.elementId], min);
    return {
      element,
      level,
      previous: prev,
      change: level !== undefined && prev !== undefined ? oneDecimal(level - prev) : undefined,
    };
  });
  const levels = elements.flatMap((e) => (e.level === undefined ? [] : [e.level]));
  const m = median(levels);
  const prevLevels = elements.flatMap((e) => (e.previous === undefined ? [] : [e.previous]));
  const pm = median(prevLevels);
  return {
    shown: true,
    answered: current.answeredCount,
    elements,
    median: m === undefined ? undefined : oneDecimal(m),
    medianChange: m !== undefined && pm !== undefined ? oneDecimal(oneDecimal(m) - oneDecimal(pm)) : undefined,
  };
}

/** M21's status (domain-research §6.4: GREEN ≥ 4.0). */
export const FIDELITY_GOOD_FROM = 4;

/** M21 for the digest: per programme, the latest closed round's result (bot/features/fidelity/digest-fidelity.ts reads it). */
export interface FidelityDigestEntry {
  readonly set: CoreElementSet;
  readonly result: Extract<RoundResult, { shown: true }>;
  /** The last day to answer of the newest round behind the figures. */
  readonly closedOn: string;
  readonly answered: number;
  readonly teams: number;
}

export interface FidelityDigest {
  readonly entries: readonly FidelityDigestEntry[];
}

/** M21 as the digest card shows it: each element with the practice figures (already suppressed) beside it. */
export interface FidelityDigestView {
  readonly entries: readonly (FidelityDigestEntry & {
    readonly practice: Readonly<Record<string, readonly Figure[]>>;
  })[];
}

export function fidelityDigestView(
  fidelity: FidelityDigest,
  view: { readonly sections: DigestSections },
): FidelityDigestView {
  const figures = new Map<string, Figure>();
  for (const block of [...view.sections.results, ...view.sections.flow, ...view.sections.quality])
    for (const f of block.figures) figures.set(f.id, f);
  return {
    entries: fidelity.entries.map((entry) => ({
      ...entry,
      practice: Object.fromEntries(
        entry.set.elements.map((element) => [
          element.elementId,
          (element.practice ? PRACTICE_INDICATORS[element.practice] : []).flatMap((id) => {
            const f = figures.get(id);
            return f === undefined ? [] : [f];
          }),
        ]),
      ),
    })),
  };
}
