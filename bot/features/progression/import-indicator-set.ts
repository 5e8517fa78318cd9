import { IndicatorSetSchema, type IndicatorSet } from '../../domain/indicator-set';
import type { Locale } from '../../i18n/locale';
import { indicatorSetDocId, type IndicatorSetDoc } from '../../store/indicator-set-repository';
import type { HandlerContext } from '../feature';
import { BUILT_IN_SETS, IndicatorSetCatalogue } from './indicator-sets';
import { importVersionedSet, validateVersionedSetJson, type VersionedSetImportOutcome } from './versioned-set-import';

/**
 * An admin imports a new indicator set, or a new version of one, as JSON (a file sent to the bot or
 * text pasted after the command). Everything is validated before anything is written; a version
 * that ships with Fremdrift or has been used in a measurement is never changed.
 */
export type ImportOutcome = VersionedSetImportOutcome<IndicatorSet>;

/** Pure: parse and validate, explaining every problem in the admin's language. */
export const validateIndicatorSetJson = (source: string, locale: Locale) =>
  validateVersionedSetJson(source, locale, IndicatorSetSchema);

export function importIndicatorSet(ctx: HandlerContext, source: string): Promise<ImportOutcome> {
  const catalogue = new IndicatorSetCatalogue(ctx.services.store);
  const repo = catalogue.repository;
  return importVersionedSet<IndicatorSet, IndicatorSetDoc>(ctx, source, {
    schema: IndicatorSetSchema,
    builtIns: BUILT_IN_SETS,
    permission: 'indicatorset.manage',
    auditAction: 'indicatorset.import',
    noun: 'indicator set',
    list: (tenantId) => catalogue.list(tenantId),
    get: (tenantId, setId, version) => repo.get(tenantId, setId, version),
    create: (doc) => repo.create(doc),
    replace: (doc) => repo.replace(doc),
    newDoc: (set, stamp) => ({
      id: indicatorSetDocId(set.setId, set.version),
      tenantId: stamp.tenantId,
      type: 'indicator_set',
      schemaVersion: 1,
      setId: set.setId,
      version: set.version,
      definition: set,
      importedAt: stamp.at,
      importedBy: stamp.by,
    }),
  });
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The JSON pasted after the import command. Teams may deliver a pasted message as HTML (paragraphs,
 * line breaks, escaped quotes); that is undone only when the text as sent is not valid JSON already.
 */
export function extractPastedJson(rawText: string): string | undefined {
  const slice = (s: string): string | undefined => {
    const start = s.indexOf('{');
    const end = s.lastIndexOf('}');
    return start >= 0 && end > start ? s.slice(start, end + 1) : undefined;
  };
  const direct = slice(rawText);
  if (direct === undefined && !rawText.includes('&#123;')) return undefined;
  if (direct !== undefined) {
    try {
      JSON.parse(direct);
      return direct;
    } catch {
      // fall through to the HTML reading
    }
  }
  const plain = rawText
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return slice(plain) ?? direct;
}
