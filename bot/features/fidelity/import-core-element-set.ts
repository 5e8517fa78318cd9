import { CORE_ELEMENT_SET_FORMAT, CoreElementSetSchema, type CoreElementSet } from '../../domain/core-element-set';
import { fidelityText as t, type FidelityKey } from '../../i18n/fidelity';
import type { Locale } from '../../i18n/locale';
import { coreElementSetDocId, type CoreElementSetDoc } from '../../store/core-element-set-repository';
import type { HandlerContext } from '../feature';
import type { ImportFormat } from '../progression/import-problems';
import {
  importVersionedSet,
  validateVersionedSetJson,
  type VersionedSetImportOutcome,
} from '../progression/versioned-set-import';
import { BUILT_IN_CORE_SETS, CoreElementSetCatalogue } from './core-element-sets';

/**
 * An admin imports a core-element set, or a new version of one, as JSON (a file sent to the bot or
 * text pasted after the command), exactly as indicator sets are imported: everything is validated
 * before anything is written, and a version that ships with Fremdrift or has been used in a round is
 * never changed.
 */
export type CoreSetImportOutcome = VersionedSetImportOutcome<CoreElementSet>;

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
export const validateCoreElementSetJson = (source: string, locale: Locale) =>
  validateVersionedSetJson(source, locale, CoreElementSetSchema, FORMAT);

export function importCoreElementSet(ctx: HandlerContext, source: string): Promise<CoreSetImportOutcome> {
  const catalogue = new CoreElementSetCatalogue(ctx.services.store);
  const repo = catalogue.repository;
  return importVersionedSet<CoreElementSet, CoreElementSetDoc>(ctx, source, {
    schema: CoreElementSetSchema,
    format: FORMAT,
    builtIns: BUILT_IN_CORE_SETS,
    permission: 'fidelityset.manage',
    auditAction: 'fidelityset.import',
    noun: 'core element set',
    list: (tenantId) => catalogue.list(tenantId),
    get: (tenantId, setId, version) => repo.get(tenantId, setId, version),
    create: (doc) => repo.create(doc),
    replace: (doc) => repo.replace(doc),
    newDoc: (set, stamp) => ({
      id: coreElementSetDocId(set.setId, set.version),
      tenantId: stamp.tenantId,
      type: 'core_element_set',
      schemaVersion: 1,
      setId: set.setId,
      version: set.version,
      definition: set,
      importedAt: stamp.at,
      importedBy: stamp.by,
    }),
  });
}
