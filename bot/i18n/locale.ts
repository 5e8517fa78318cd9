/** Danish first: anything that is not explicitly English is answered in Danish. */
export type Locale = 'da' | 'en';

export function resolveLocale(teamsLocale: string | undefined | null): Locale {
  return typeof teamsLocale === 'string' && /^en(-|_|$)/i.test(teamsLocale.trim()) ? 'en' : 'da';
}
