import type { Params } from '../../bot/i18n/catalogue';
import { adaptiveCard, container, errorText, goodText, heading, note, text } from './elements';
import type { AdaptiveCard, JsonObject } from '../types';

/**
 * The admin's view of a catalogue of versioned sets (indicator sets, core-element sets) and the answer
 * to an import: one layout for both, each in its own words. The keys below are in both catalogues.
 */
export type VersionedSetsKey =
  | 'sets.title'
  | 'sets.intro'
  | 'sets.howto'
  | 'sets.builtin'
  | 'sets.used'
  | 'sets.unused'
  | 'sets.retired'
  | 'import.title.failed'
  | 'import.title.ok'
  | 'import.failed_intro'
  | 'import.more'
  | 'import.in_use'
  | 'import.built_in'
  | 'import.unchanged'
  | 'import.replaced'
  | 'import.ok';

/** A catalogue's words for one locale. */
export type SetsText = (key: VersionedSetsKey, params?: Params) => string;

interface ShownSet {
  readonly setId: string;
  readonly version: number;
  readonly status?: string | undefined;
}

export interface VersionedSetRow<S extends ShownSet> {
  readonly set: S;
  readonly builtIn: boolean;
  readonly usedAt?: string | undefined;
}

export function versionedSetsCard<S extends ShownSet>(input: {
  readonly t: SetsText;
  readonly rows: readonly VersionedSetRow<S>[];
  /** "Name, version N" and the line under it (what the set holds). */
  readonly label: (set: S) => string;
  readonly describe: (set: S) => string;
}): AdaptiveCard {
  const { t } = input;
  const rows: JsonObject[] = input.rows.map((row) => {
    const tags = [
      row.builtIn ? t('sets.builtin') : row.usedAt ? t('sets.used') : t('sets.unused'),
      ...(row.set.status === 'RETIRED' ? [t('sets.retired')] : []),
    ];
    return container(
      [
        text(`**${input.label(row.set)}** · \`${row.set.setId}\``),
        note(`${input.describe(row.set)} · ${tags.join(' · ')}`),
      ],
      { separator: true },
    );
  });
  return adaptiveCard([heading(t('sets.title')), text(t('sets.intro')), ...rows, note(t('sets.howto'))]);
}

export type VersionedImportCardInput<S extends ShownSet> =
  | { readonly kind: 'json_invalid'; readonly message: string }
  | { readonly kind: 'invalid'; readonly problems: readonly { path: string; message: string }[]; readonly more: number }
  | { readonly kind: 'imported'; readonly set: S; readonly replaced: boolean }
  | { readonly kind: 'unchanged'; readonly set: S }
  | { readonly kind: 'in_use' | 'built_in'; readonly set: S; readonly nextVersion: number };

export function versionedImportResultCard<S extends ShownSet>(
  t: SetsText,
  outcome: VersionedImportCardInput<S>,
  /** The set's name and what it holds, for "imported" and "unchanged". */
  words: (set: S) => Params,
): AdaptiveCard {
  const failed = heading(t('import.title.failed'));
  switch (outcome.kind) {
    case 'json_invalid':
      return adaptiveCard([failed, errorText(outcome.message)]);
    case 'invalid':
      return adaptiveCard([
        failed,
        text(t('import.failed_intro')),
        ...outcome.problems.map((p) => text(`- \`${p.path}\`: ${p.message}`, { spacing: 'Small' })),
        ...(outcome.more > 0 ? [note(t('import.more', { count: outcome.more }))] : []),
      ]);
    case 'in_use':
    case 'built_in':
      return adaptiveCard([
        failed,
        errorText(
          t(outcome.kind === 'in_use' ? 'import.in_use' : 'import.built_in', {
            version: outcome.set.version,
            setId: outcome.set.setId,
            next: outcome.nextVersion,
          }),
        ),
      ]);
    case 'unchanged':
      return adaptiveCard([
        heading(t('import.title.ok')),
        text(t('import.unchanged', { ...words(outcome.set), version: outcome.set.version })),
      ]);
    case 'imported':
      return adaptiveCard([
        heading(t('import.title.ok')),
        goodText(t('import.ok', { ...words(outcome.set), version: outcome.set.version })),
        ...(outcome.replaced ? [note(t('import.replaced', { version: outcome.set.version }))] : []),
      ]);
  }
}
