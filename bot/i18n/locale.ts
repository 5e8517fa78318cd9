/** Danish first: anything that is not explicitly English is answered in Danish. */
export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];

export function resolveLocale(teamsLocale: string | undefined | null): Locale {
  return typeof teamsLocale === 'string' && /^en(-|_|$)/i.test(teamsLocale.trim()) ? 'en' : 'da';
}

/**
 * The language of a user who has not chosen one (configuration DEFAULT_LANGUAGE): `teams` follows
 * the locale Teams sends, `da` or `en` ignore it (the local Playground always sends en-US).
 */
export type LanguageDefault = 'teams' | Locale;

/** What is known of a user's language: their own choice, and what Teams last said. */
export interface LanguagePreference {
  readonly language?: Locale | undefined;
  readonly teamsLocale?: Locale | undefined;
}

/**
 * The language to use for a user: their choice; else the configured default; else (default `teams`)
 * the locale of the current turn, or the one Teams sent last time when Fremdrift writes on its own
 * initiative; Danish when nothing is known.
 */
export function languageOf(
  user: LanguagePreference | undefined,
  fallback: LanguageDefault,
  teamsLocaleNow?: Locale,
): Locale {
  if (user?.language !== undefined) return user.language;
  if (fallback !== 'teams') return fallback;
  return teamsLocaleNow ?? user?.teamsLocale ?? 'da';
}
