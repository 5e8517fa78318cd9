import type { WeekdayNumbers } from 'luxon';
import type { Locale } from '../../i18n/locale';
import type { DigestScope } from '../../store/digest-subscription-repository';
import { digestWeekOf, dueInstant } from './calendar';

/**
 * Pure rules of the digest feature: reading the options of "abonnér på ugerapport …" and working out
 * when a subscription is due. Text arrives normalised (lower case, single spaces).
 */
export interface SubscriptionOptions {
  readonly scope: DigestScope;
  readonly weekday: WeekdayNumbers;
  readonly time: string;
  readonly locale: Locale;
}

/** What the leader wrote; anything left out keeps the channel's current value, or the default. */
export type GivenOptions = Partial<SubscriptionOptions>;

export type OptionsResult =
  | { readonly ok: true; readonly options: GivenOptions }
  | { readonly ok: false; readonly problem: 'bad_time' | 'unknown_words'; readonly value: string };

export const DEFAULT_WEEKDAY: WeekdayNumbers = 1;
export const DEFAULT_TIME = '08:00';
/** A channel is read by the whole team: Danish unless the leader asks for English (not their own language). */
export const DEFAULT_DIGEST_LOCALE: Locale = 'da';
export const DEFAULT_OPTIONS: SubscriptionOptions = {
  scope: 'municipality',
  weekday: DEFAULT_WEEKDAY,
  time: DEFAULT_TIME,
  locale: DEFAULT_DIGEST_LOCALE,
};

/**
 * A subscription's settings after a subscribe command: what was written, else what the channel
 * already has (so "på engelsk" changes only the language), else the defaults.
 */
export function mergeOptions(given: GivenOptions, current: SubscriptionOptions | undefined): SubscriptionOptions {
  const base = current ?? DEFAULT_OPTIONS;
  return {
    scope: given.scope ?? base.scope,
    weekday: given.weekday ?? base.weekday,
    time: given.time ?? base.time,
    locale: given.locale ?? base.locale,
  };
}

const WEEKDAYS: Record<string, WeekdayNumbers> = {
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lørdag: 6,
  loerdag: 6,
  søndag: 7,
  soendag: 7,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

// Danish letters are not \w, so words are delimited by spaces or the ends of the text.
const word = (body: string): RegExp => new RegExp(`(?<=^|\\s)(?:${body})(?=\\s|$)`);

const SCOPE_PATTERNS: readonly [RegExp, DigestScope][] = [
  [word('for (?:hele )?kommunen|for (?:the )?(?:whole )?municipality|kommunen|municipality'), 'municipality'],
  [word('for (?:hele )?teamet|for (?:the )?team|teamet|team'), 'team'],
];
const LANGUAGE = word('(?:på|paa|in) (dansk|danish|engelsk|english)');
const WEEKDAY = word(`(?:hver |om |on |every )?(${Object.keys(WEEKDAYS).join('|')})(?:s)?`);
const TIME = word('(?:kl\\.?|klokken|at) ?(\\d{1,2})(?:[:.](\\d{2}))?|(\\d{1,2})[:.](\\d{2})');
const FILLER = new Set(['og', 'and', ',', '-']);

/** Reads scope, weekday, time and language from what follows the command; anything else is refused. */
export function parseSubscriptionOptions(rest: string): OptionsResult {
  let text = ` ${rest.trim()} `.replace(/,/g, ' ');
  const take = (pattern: RegExp): RegExpMatchArray | undefined => {
    const match = text.match(pattern);
    if (match === null) return undefined;
    text = text.replace(match[0], ' ');
    return match;
  };

  let scope: DigestScope | undefined;
  for (const [pattern, value] of SCOPE_PATTERNS) {
    if (take(pattern) !== undefined) {
      scope = value;
      break;
    }
  }
  const language = take(LANGUAGE)?.[1];
  const locale: Locale | undefined =
    language === undefined ? undefined : /^(dansk|danish)$/.test(language) ? 'da' : 'en';
  const weekdayName = take(WEEKDAY)?.[1];
  const weekday = weekdayName !== undefined ? (WEEKDAYS[weekdayName] ?? DEFAULT_WEEKDAY) : undefined;

  let time: string | undefined;
  const timeMatch = take(TIME);
  if (timeMatch !== undefined) {
    const hour = Number(timeMatch[1] ?? timeMatch[3]);
    const minute = Number(timeMatch[2] ?? timeMatch[4] ?? '0');
    if (hour > 23 || minute > 59) return { ok: false, problem: 'bad_time', value: timeMatch[0].trim() };
    time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }

  const leftover = text
    .split(/\s+/)
    .filter((w) => w.length > 0 && !FILLER.has(w))
    .join(' ');
  if (leftover.length > 0) return { ok: false, problem: 'unknown_words', value: leftover };
  return {
    ok: true,
    options: {
      ...(scope !== undefined ? { scope } : {}),
      ...(weekday !== undefined ? { weekday } : {}),
      ...(time !== undefined ? { time } : {}),
      ...(locale !== undefined ? { locale } : {}),
    },
  };
}

/**
 * The next time a subscription is due at or after `from`: this week's slot if it is still ahead,
 * else next week's (wall-clock time in the zone, so daylight saving never shifts it).
 */
export function nextDue(from: Date, weekday: WeekdayNumbers, time: string, timeZone: string): Date {
  const week = digestWeekOf(from, timeZone);
  const thisWeek = dueInstant(week.isoWeek, weekday, time, timeZone);
  if (thisWeek.getTime() >= from.getTime()) return thisWeek;
  const nextWeek = digestWeekOf(new Date(from.getTime() + 7 * 86_400_000), timeZone);
  return dueInstant(nextWeek.isoWeek, weekday, time, timeZone);
}

/**
 * Whether a subscription should be delivered for the week `now` falls in: its slot has passed, and it
 * was active by then (subscribing on a Tuesday does not trigger Monday's digest at once). A slot
 * missed while the service was down is still due for the rest of that week.
 */
export function isDue(
  now: Date,
  subscription: {
    readonly weekday: number;
    readonly time: string;
    readonly timeZone: string;
    readonly activeSince: string;
  },
): { readonly due: boolean; readonly isoWeek: string; readonly dueAt: Date } {
  const week = digestWeekOf(now, subscription.timeZone);
  const dueAt = dueInstant(
    week.isoWeek,
    subscription.weekday as WeekdayNumbers,
    subscription.time,
    subscription.timeZone,
  );
  const due = now.getTime() >= dueAt.getTime() && Date.parse(subscription.activeSince) <= dueAt.getTime();
  return { due, isoWeek: week.isoWeek, dueAt };
}
