import type { Locale } from '../../bot/i18n/locale';
import { progressionText as t } from '../../bot/i18n/progression';
import { localized, type IndicatorSet } from '../../bot/domain/indicator-set';
import {
  versionedImportResultCard,
  versionedSetsCard,
  type SetsText,
  type VersionedImportCardInput,
  type VersionedSetRow,
} from '../common/versioned-sets-card';
import type { AdaptiveCard } from '../types';
import { setLabel } from './format';

/** The admin's view of the indicator-set catalogue, and the answer to an import. */
export type SetRow = VersionedSetRow<IndicatorSet>;
export type ImportCardInput = VersionedImportCardInput<IndicatorSet>;

const words =
  (locale: Locale): SetsText =>
  (key, params) =>
    t(locale, key, params);

const holds = (set: IndicatorSet, locale: Locale) => ({
  indicators: set.indicators.length,
  scale: set.scale,
  group: localized(set.targetGroup.name, locale),
});

export function indicatorSetsCard(input: { locale: Locale; rows: readonly SetRow[] }): AdaptiveCard {
  const { locale } = input;
  return versionedSetsCard({
    t: words(locale),
    rows: input.rows,
    label: (set) => setLabel(set, locale),
    describe: (set) => t(locale, 'sets.line', holds(set, locale)),
  });
}

export function importResultCard(locale: Locale, outcome: ImportCardInput): AdaptiveCard {
  return versionedImportResultCard(words(locale), outcome, (set) => ({
    name: set.name[locale],
    ...holds(set, locale),
  }));
}
