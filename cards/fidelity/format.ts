import { formatLongDate } from '../../bot/domain/calendar';
import type { CoreElementSet } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';

/** Shared wording of the fidelity cards: levels with one decimal, changes, dates, set names. */
export const formatLevel = (value: number, locale: Locale): string =>
  locale === 'da' ? value.toFixed(1).replace('.', ',') : value.toFixed(1);

/** "▲ 0,4", "▼ 0,2" or "± 0,0", like the digest's change since last week. */
export const formatChange = (change: number, locale: Locale): string =>
  change > 0
    ? `▲ ${formatLevel(change, locale)}`
    : change < 0
      ? `▼ ${formatLevel(-change, locale)}`
      : `± ${formatLevel(0, locale)}`;

export const formatDay = (isoDate: string, locale: Locale): string => formatLongDate(isoDate, locale);

export const coreSetLabel = (set: Pick<CoreElementSet, 'name' | 'version'>, locale: Locale): string =>
  `${set.name[locale]} v${set.version}`;

export const itemCount = (set: CoreElementSet): number => set.elements.reduce((n, e) => n + e.items.length, 0);
