import { ConflictError } from '../../domain/errors';
import { IndicatorSetSchema, type IndicatorSet } from '../../domain/indicator-set';
import type { Locale } from '../../i18n/locale';
import { indicatorSetDocId } from '../../store/indicator-set-repository';
import type { HandlerContext } from '../feature';
import { explainIssues, explainJsonError, type ImportProblem } from './import-problems';
import { BUILT_IN_SETS, IndicatorSetCatalogue } from './indicator-sets';

/**
 * An admin imports a new indicator set, or a new version of one, as JSON (a file sent to the bot or
 * text pasted after the command). Everything is validated before anything is written; a version
 * that ships with Fremdrift or has been used in a measurement is never changed.
 */
export type ImportOutcome =
  | { readonly kind: 'json_invalid'; readonly message: string }
  | { readonly kind: 'invalid'; readonly problems: ImportProblem[]; readonly more: number }
  | { readonly kind: 'imported'; readonly set: IndicatorSet; readonly replaced: boolean }
  | { readonly kind: 'unchanged'; readonly set: IndicatorSet }
  | { readonly kind: 'in_use' | 'built_in'; readonly set: IndicatorSet; readonly nextVersion: number };

/** Pure: parse and validate, explaining every problem in the admin's language. */
export function validateIndicatorSetJson(
  source: string,
  locale: Locale,
):
  | { ok: true; set: IndicatorSet }
  | { ok: false; outcome: Extract<ImportOutcome, { kind: 'json_invalid' | 'invalid' }> } {
  const text = source.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, outcome: { kind: 'json_invalid', message: explainJsonError(e, text, locale) } };
  }
  const parsed = IndicatorSetSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, outcome: { kind: 'invalid', ...explainIssues(parsed.error.issues, raw, locale) } };
  return { ok: true, set: parsed.data };
}

const sameContent = (a: IndicatorSet, b: IndicatorSet): boolean => JSON.stringify(a) === JSON.stringify(b);

export async function importIndicatorSet(ctx: HandlerContext, source: string): Promise<ImportOutcome> {
  ctx.guard.require('indicatorset.manage');
  const validated = validateIndicatorSetJson(source, ctx.actor.locale);
  if (!validated.ok) return validated.outcome;
  const set = validated.set;
  const catalogue = new IndicatorSetCatalogue(ctx.services.store);
  const tenantId = ctx.actor.tenantId;

  const nextVersion = async (): Promise<number> =>
    Math.max(
      0,
      ...(await catalogue.list(tenantId)).filter((e) => e.set.setId === set.setId).map((e) => e.set.version),
    ) + 1;

  const builtIn = BUILT_IN_SETS.find((s) => s.setId === set.setId && s.version === set.version);
  if (builtIn !== undefined) {
    if (sameContent(builtIn, set)) return { kind: 'unchanged', set };
    return { kind: 'built_in', set, nextVersion: await nextVersion() };
  }

  return ctx.guard.run(
    { action: 'indicatorset.manage', kind: 'write', purpose: 'administration', auditAction: 'indicatorset.import' },
    async (): Promise<ImportOutcome> => {
      // Two attempts: a first measurement may mark the version used between our read and our write.
      for (let attempt = 0; attempt < 2; attempt++) {
        const existing = await catalogue.repository.get(tenantId, set.setId, set.version);
        if (existing === undefined) {
          const created = await catalogue.repository.create({
            id: indicatorSetDocId(set.setId, set.version),
            tenantId,
            type: 'indicator_set',
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
      throw new ConflictError(`indicator set ${set.setId}@${set.version}`);
    },
  );
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
