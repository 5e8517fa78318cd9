import type { JobGoal, JobGoalLevel } from '../../domain/job-goals';
import type { MatchProfileDoc, MatchReason } from '../../domain/job-match';

/**
 * The job match rules (FSM KE3), plain enough to say out loud: a citizen's job goal fits an opening
 * when the occupation codes are the same, or the job titles have words in common; it fits better
 * when the citizen can start with no more hours than the job has, and the company lies where the
 * citizen can get to. Pure: a suggestion, never a decision (the jobformidler decides, GDPR art. 22).
 */
export interface OpeningForMatch {
  readonly openingId: string;
  readonly title: string;
  readonly occupationCode?: string | undefined;
  readonly hoursPerWeek: number;
  readonly company: { readonly postcode?: string | undefined; readonly city?: string | undefined };
}

export type ProfileForMatch = Pick<MatchProfileDoc, 'occupationCodes' | 'startHours' | 'area'>;

export interface CitizenForMatch {
  readonly goals: readonly JobGoal[];
  readonly profile?: ProfileForMatch | undefined;
}

export interface MatchSuggestion {
  /** The job goal that fits (A is the citizen's preferred job). */
  readonly level: JobGoalLevel;
  readonly goalTitle: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** Weights: what the job is (code, words) matters most; hours and area make a good match better. */
export const RULE_WEIGHT = { OCCUPATION: 3, WORDS: 2, HOURS: 1, AREA: 1 } as const;

/** Words that say nothing about the job itself (and Danish/English filler). */
const STOP_WORDS = new Set([
  'og',
  'i',
  'på',
  'med',
  'til',
  'af',
  'en',
  'et',
  'for',
  'som',
  'der',
  'det',
  'den',
  'ved',
  'eller',
  'and',
  'the',
  'of',
  'in',
  'at',
  'medarbejder',
  'medhjælper',
  'hjælper',
  'assistent',
  'arbejde',
  'job',
  'stilling',
  'worker',
  'assistant',
]);

/** A shared stem at least this long counts as a word in common ("lager" in lagermedarbejder and lagerarbejder). */
export const MIN_STEM = 5;

export function jobWords(title: string): string[] {
  return [
    ...new Set(
      title
        .toLowerCase()
        .split(/[^a-z0-9æøåéü]+/)
        .filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
    ),
  ];
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** The words (or stems of at least MIN_STEM letters) two job titles have in common. */
export function wordsInCommon(a: string, b: string): string[] {
  const left = jobWords(a);
  const right = jobWords(b);
  const found = new Set<string>();
  for (const x of left)
    for (const y of right) {
      if (x === y) found.add(x);
      else {
        const stem = commonPrefix(x, y);
        if (stem.length >= MIN_STEM && !STOP_WORDS.has(stem)) found.add(stem);
      }
    }
  // A stem that is part of a longer word found too says the same thing once.
  return [...found].filter((w) => ![...found].some((o) => o !== w && o.startsWith(w))).sort();
}

/** Same code, or the same 4-digit DISCO-08 unit group of a 6-digit code. */
export const sameOccupation = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.slice(0, 4) === b.slice(0, 4);

export interface Area {
  readonly postcodes: readonly string[];
  readonly ranges: readonly (readonly [number, number])[];
  readonly places: readonly string[];
}

/** "8000, 8200-8270, Aarhus" → postcodes, ranges and place names. */
export function parseArea(text: string | undefined): Area {
  const postcodes: string[] = [];
  const ranges: [number, number][] = [];
  const places: string[] = [];
  for (const part of (text ?? '').split(/[,;\n]+/)) {
    const p = part.trim().toLowerCase();
    if (p === '') continue;
    const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(p);
    if (/^\d{4}$/.test(p)) postcodes.push(p);
    else if (range) ranges.push([Number(range[1]), Number(range[2])]);
    else places.push(p.replace(/\s+/g, ' '));
  }
  return { postcodes, ranges, places };
}

/** Area entries the form refuses: an empty or reversed range, or a number that is not a postcode. */
export function invalidAreaParts(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter((p) => {
      const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(p);
      if (range) return Number(range[1]) > Number(range[2]);
      return /\d/.test(p) && !/^\d{4}$/.test(p);
    });
}

/** Whether the company lies in the citizen's area; what matched, for the reason. */
export function inArea(area: Area, company: OpeningForMatch['company']): string | undefined {
  const { postcode, city } = company;
  const place = [postcode, city].filter(Boolean).join(' ');
  if (postcode !== undefined) {
    const n = Number(postcode);
    if (area.postcodes.includes(postcode) || area.ranges.some(([a, b]) => a <= n && n <= b)) return place;
  }
  const c = city?.toLowerCase().trim();
  if (c !== undefined && area.places.some((p) => c === p || c.startsWith(`${p} `))) return place;
  return undefined;
}

const LEVEL_ORDER: Record<JobGoalLevel, number> = { A: 0, B: 1, C: 2 };

/**
 * The best fitting active goal of a citizen for an opening, with its reasons; undefined when no goal
 * fits on what the job is (occupation code or words). Hours and area alone never make a match.
 */
export function matchOpening(citizen: CitizenForMatch, opening: OpeningForMatch): MatchSuggestion | undefined {
  const profile = citizen.profile;
  const candidates: MatchSuggestion[] = [];
  for (const goal of citizen.goals) {
    if (goal.status !== 'ACTIVE') continue;
    const reasons: MatchReason[] = [];
    const code = profile?.occupationCodes[goal.level];
    if (sameOccupation(code, opening.occupationCode))
      reasons.push({ rule: 'OCCUPATION', detail: opening.occupationCode ?? '' });
    const words = wordsInCommon(goal.title, opening.title);
    if (words.length > 0) reasons.push({ rule: 'WORDS', detail: words.join(', ').slice(0, 120) });
    if (reasons.length === 0) continue;
    if (profile?.startHours !== undefined && profile.startHours <= opening.hoursPerWeek)
      reasons.push({ rule: 'HOURS', detail: `${profile.startHours}/${opening.hoursPerWeek}` });
    const where = profile?.area !== undefined ? inArea(parseArea(profile.area), opening.company) : undefined;
    if (where !== undefined) reasons.push({ rule: 'AREA', detail: where.slice(0, 120) });
    const score = reasons.reduce((sum, r) => sum + RULE_WEIGHT[r.rule], 0);
    candidates.push({ level: goal.level, goalTitle: goal.title, score, reasons });
  }
  return candidates.sort((a, b) => b.score - a.score || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])[0];
}

/** Best first: score, then the citizen's preferred level, then a stable key. */
export function bySuggestion<T extends { readonly suggestion: MatchSuggestion; readonly key: string }>(
  a: T,
  b: T,
): number {
  return (
    b.suggestion.score - a.suggestion.score ||
    LEVEL_ORDER[a.suggestion.level] - LEVEL_ORDER[b.suggestion.level] ||
    a.key.localeCompare(b.key)
  );
}

/** An opening may be suggested while it is open and its period has not ended. */
export const isOpenOn = (
  opening: { readonly status: string; readonly untilDate?: string | undefined },
  today: string,
): boolean => opening.status === 'OPEN' && (opening.untilDate === undefined || opening.untilDate >= today);
