import type { CoreElementSet } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';
import { fidelityText as t } from '../../bot/i18n/fidelity';
import { adaptiveCard, container, errorText, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { coreSetLabel, itemCount } from './format';

/** The admin's view of the core-element-set catalogue, and the answer to an import. */
export interface CoreSetRow {
  readonly set: CoreElementSet;
  readonly builtIn: boolean;
  readonly usedAt?: string | undefined;
}

export function coreElementSetsCard(input: { locale: Locale; rows: readonly CoreSetRow[] }): AdaptiveCard {
  const { locale } = input;
  const rows: JsonObject[] = input.rows.map((row) => {
    const tags = [
      row.builtIn ? t(locale, 'sets.builtin') : row.usedAt ? t(locale, 'sets.used') : t(locale, 'sets.unused'),
      ...(row.set.status === 'RETIRED' ? [t(locale, 'sets.retired')] : []),
    ];
    return container(
      [
        text(`**${coreSetLabel(row.set, locale)}** · \`${row.set.setId}\``),
        note(
          `${t(locale, 'sets.line', {
            programme: row.set.programme[locale],
            elements: row.set.elements.length,
            items: itemCount(row.set),
          })} · ${tags.join(' · ')}`,
        ),
      ],
      { separator: true },
    );
  });
  return adaptiveCard([
    heading(t(locale, 'sets.title')),
    text(t(locale, 'sets.intro')),
    ...rows,
    note(t(locale, 'sets.howto')),
  ]);
}

export type CoreImportCardInput =
  | { readonly kind: 'json_invalid'; readonly message: string }
  | { readonly kind: 'invalid'; readonly problems: readonly { path: string; message: string }[]; readonly more: number }
  | { readonly kind: 'imported'; readonly set: CoreElementSet; readonly replaced: boolean }
  | { readonly kind: 'unchanged'; readonly set: CoreElementSet }
  | { readonly kind: 'in_use' | 'built_in'; readonly set: CoreElementSet; readonly nextVersion: number };

export function coreImportResultCard(locale: Locale, outcome: CoreImportCardInput): AdaptiveCard {
  const failed = heading(t(locale, 'import.title.failed'));
  switch (outcome.kind) {
    case 'json_invalid':
      return adaptiveCard([failed, errorText(outcome.message)]);
    case 'invalid':
      return adaptiveCard([
        failed,
        text(t(locale, 'import.failed_intro')),
        ...outcome.problems.map((p) => text(`- \`${p.path}\`: ${p.message}`, { spacing: 'Small' })),
        ...(outcome.more > 0 ? [note(t(locale, 'import.more', { count: outcome.more }))] : []),
      ]);
    case 'in_use':
    case 'built_in':
      return adaptiveCard([
        failed,
        errorText(
          t(locale, outcome.kind === 'in_use' ? 'import.in_use' : 'import.built_in', {
            version: outcome.set.version,
            setId: outcome.set.setId,
            next: outcome.nextVersion,
          }),
        ),
      ]);
    case 'unchanged':
      return adaptiveCard([
        heading(t(locale, 'import.title.ok')),
        text(t(locale, 'import.unchanged', { name: outcome.set.name[locale], version: outcome.set.version })),
      ]);
    case 'imported':
      return adaptiveCard([
        heading(t(locale, 'import.title.ok')),
        goodText(
          t(locale, 'import.ok', {
            name: outcome.set.name[locale],
            version: outcome.set.version,
            elements: outcome.set.elements.length,
            items: itemCount(outcome.set),
          }),
        ),
        ...(outcome.replaced ? [note(t(locale, 'import.replaced', { version: outcome.set.version }))] : []),
      ]);
  }
}
