import { ConflictError } from '../../domain/errors';
import { CORE_ELEMENT_SET_FORMAT, CoreElementSetSchema, type CoreElementSet } from '../../domain/core-element-set';
import { fidelityText as t, type FidelityKey } from '../../i18n/fidelity';
import type { Locale } from '../../i18n/locale';
import { coreElementSetDocId } from '../../store/core-element-set-repository';
import type { HandlerContext } from '../feature';
import { explainIssues, explainJsonError, type ImportFormat, type ImportProblem } from '../progression/import-problems';
import { BUILT_IN_CORE_SETS, CoreElementSetCatalogue } from './core-element-sets';

/**
 * An admin imports a core-element set, or a new version of one, as JSON (a file sent to the bot or
 * text pasted after the command), exactly as indicator sets are imported: everything is validated
 * before anything is written, and a version that ships with Fremdrift or has been used in a round is
 * never changed.
 */
export type CoreSetImportOutcome =
  | { readonly kind: 'json_invalid'; readonly message: string }
  | { readonly kind: 'invalid'; readonly problems: ImportProblem[]; readonly more: number }
  | { readonly kind: 'imported'; readonly set: CoreElementSet; readonly replaced: boolean }
  | { readonly kind: 'unchanged'; readonly set: CoreElementSet }
  | { readonly kind: 'in_use' | 'built_in'; readonly set: CoreElementSet; readonly nextVersion: number };

const FORMAT: ImportFormat = {
  marker: CORE_ELEMENT_SET_FORMAT,
  idFields: { elements: 'elementId', items: 'itemId' },
  markerMessage: (locale) => t(locale, 'problem.format_marker', { format: CORE_ELEMENT_SET_FORMAT }),
  custom: (key, params, locale) =>
    (t.keys as readonly string[]).includes(key) ? t(locale, key as FidelityKey, params) : undefined,
};

/** True when a JSON text says it is a core-element set (how a file sent to the bot is told apart). */
export const isCoreElementSetJson = (content: string): boolean =>
  new RegExp(`"format"\\s*:\\s*"${CORE_ELEMENT_SET_FORMAT}"`).test(content);

/** Pure: parse and validate, explaining every problem in the admin's language. */
export function validateCoreElementSetJson(
  source: string,
  locale: Locale,
):
  | { ok: true; set: CoreElementSet }
  | { ok: false; outcome: Extract<CoreSetImportOutcome, { kind: 'json_invalid' | 'invalid' }> } {
  const text = source.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, outcome: { kind: 'json_invalid', message: explainJsonError(e, text, locale) } };
  }
  const parsed = CoreElementSetSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, outcome: { kind: 'invalid', ...explainIssues(parsed.error.issues, raw, locale, 25, FORMAT) } };
  return { ok: true, set: parsed.data };
}

const sameContent = (a: CoreElementSet, b: CoreElementSet): boolean => JSON.stringify(a) === JSON.stringify(b);

export async function importCoreElementSet(ctx: HandlerContext, source: string): Promise<CoreSetImportOutcome> {
  ctx.guard.require('fidelityset.manage');
  const validated = validateCoreElementSetJson(source, ctx.actor.locale);
  if (!validated.ok) return validated.outcome;
  const set = validated.set;
  const catalogue = new CoreElementSetCatalogue(ctx.services.store);
  const tenantId = ctx.actor.tenantId;

  const nextVersion = async (): Promise<number> =>
    Math.max(
      0,
      ...(await catalogue.list(tenantId)).filter((e) => e.set.setId === set.setId).map((e) => e.set.version),
    ) + 1;

  const shipped = BUILT_IN_CORE_SETS.find((s) => s.setId === set.setId && s.version === set.version);
  if (shipped !== undefined) {
    if (sameContent(shipped, set)) return { kind: 'unchanged', set };
    return { kind: 'built_in', set, nextVersion: await nextVersion() };
  }

  return ctx.guard.run(
    { action: 'fidelityset.manage', kind: 'write', purpose: 'administration', auditAction: 'fidelityset.import' },
    async (): Promise<CoreSetImportOutcome> => {
      // Two attempts: a first round may mark the version used between our read and our write.
      for (let attempt = 0; attempt < 2; attempt++) {
        const existing = await catalogue.repository.get(tenantId, set.setId, set.version);
        if (existing === undefined) {
          const created = await catalogue.repository.create({
            id: coreElementSetDocId(set.setId, set.version),
            tenantId,
            type: 'core_element_set',
            schemaVersion: 1,
            setId: set.setId,
            version: set.version,
            definition: set,
            importedAt: ctx.now.toISOString(),
            importedBy: ctx.actor.userId,
          });
          if (created) return { kind: 'imported', set, replaced: false };
          continue;
        }
        if (sameContent(existing.definition, set)) return { kind: 'unchanged', set };
        if (existing.usedAt !== undefined) return { kind: 'in_use', set, nextVersion: await nextVersion() };
        try {
          await catalogue.repository.replace({
            ...existing,
            definition: set,
            importedAt: ctx.now.toISOString(),
            importedBy: ctx.actor.userId,
          });
          return { kind: 'imported', set, replaced: true };
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new ConflictError(`core element set ${set.setId}@${set.version}`);
    },
  );
}
