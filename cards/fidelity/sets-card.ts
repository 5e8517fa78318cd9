import type { CoreElementSet } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';
import { fidelityText as t } from '../../bot/i18n/fidelity';
import {
  versionedImportResultCard,
  versionedSetsCard,
  type SetsText,
  type VersionedImportCardInput,
  type VersionedSetRow,
} from '../common/versioned-sets-card';
import type { AdaptiveCard } from '../types';
import { coreSetLabel, itemCount } from './format';

/** The admin's view of the core-element-set catalogue, and the answer to an import. */
export type CoreSetRow = VersionedSetRow<CoreElementSet>;
export type CoreImportCardInput = VersionedImportCardInput<CoreElementSet>;

const words =
  (locale: Locale): SetsText =>
  (key, params) =>
    t(locale, key, params);

export function coreElementSetsCard(input: { locale: Locale; rows: readonly CoreSetRow[] }): AdaptiveCard {
  const { locale } = input;
  return versionedSetsCard({
    t: words(locale),
    rows: input.rows,
    label: (set) => coreSetLabel(set, locale),
    describe: (set) =>
      t(locale, 'sets.line', {
        programme: set.programme[locale],
        elements: set.elements.length,
        items: itemCount(set),
      }),
  });
}

export function coreImportResultCard(locale: Locale, outcome: CoreImportCardInput): AdaptiveCard {
  return versionedImportResultCard(words(locale), outcome, (set) => ({
    name: set.name[locale],
    elements: set.elements.length,
    items: itemCount(set),
  }));
}
