import type { z } from 'zod';
import { ConflictError } from '../../domain/errors';
import type { PolicyAction } from '../../domain/policy';
import type { Locale } from '../../i18n/locale';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';
import { explainIssues, explainJsonError, type ImportFormat, type ImportProblem } from './import-problems';

/**
 * Importing a versioned set an admin maintains as JSON (indicator sets, core-element sets): validated
 * whole before anything is written; a version that ships with Fremdrift or has been used is never
 * changed, and the admin is told the next free version. One rule for every such catalogue.
 */
export interface VersionedSet {
  readonly setId: string;
  readonly version: number;
}

export type VersionedSetImportOutcome<S extends VersionedSet> =
  | { readonly kind: 'json_invalid'; readonly message: string }
  | { readonly kind: 'invalid'; readonly problems: ImportProblem[]; readonly more: number }
  | { readonly kind: 'imported'; readonly set: S; readonly replaced: boolean }
  | { readonly kind: 'unchanged'; readonly set: S }
  | { readonly kind: 'in_use' | 'built_in'; readonly set: S; readonly nextVersion: number };

/** The stored document of one version (the repository's shape). */
export interface StoredVersionedSet<S extends VersionedSet> {
  readonly definition: S;
  readonly usedAt?: string | undefined;
  readonly importedAt: string;
  readonly importedBy: string;
}

export interface VersionedSetCatalogue<S extends VersionedSet, D extends StoredVersionedSet<S>> {
  readonly schema: z.ZodType<S>;
  /** How problems are worded (field names, the format marker); the indicator-set wording if absent. */
  readonly format?: ImportFormat;
  readonly builtIns: readonly S[];
  readonly permission: PolicyAction;
  readonly auditAction: string;
  /** Names the set in a conflict error. */
  readonly noun: string;
  list(tenantId: string): Promise<readonly { readonly set: S }[]>;
  get(tenantId: string, setId: string, version: number): Promise<WithEtag<D> | undefined>;
  create(doc: D): Promise<boolean>;
  replace(doc: WithEtag<D>): Promise<void>;
  newDoc(set: S, stamp: { readonly tenantId: string; readonly at: string; readonly by: string }): D;
}

/** Pure: parse and validate, explaining every problem in the admin's language. */
export function validateVersionedSetJson<S extends VersionedSet>(
  source: string,
  locale: Locale,
  schema: z.ZodType<S>,
  format?: ImportFormat,
):
  | { ok: true; set: S }
  | { ok: false; outcome: Extract<VersionedSetImportOutcome<S>, { kind: 'json_invalid' | 'invalid' }> } {
  const text = source.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, outcome: { kind: 'json_invalid', message: explainJsonError(e, text, locale) } };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, outcome: { kind: 'invalid', ...explainIssues(parsed.error.issues, raw, locale, 25, format) } };
  return { ok: true, set: parsed.data };
}

const sameContent = (a: VersionedSet, b: VersionedSet): boolean => JSON.stringify(a) === JSON.stringify(b);

export async function importVersionedSet<S extends VersionedSet, D extends StoredVersionedSet<S>>(
  ctx: HandlerContext,
  source: string,
  catalogue: VersionedSetCatalogue<S, D>,
): Promise<VersionedSetImportOutcome<S>> {
  ctx.guard.require(catalogue.permission);
  const validated = validateVersionedSetJson(source, ctx.actor.locale, catalogue.schema, catalogue.format);
  if (!validated.ok) return validated.outcome;
  const set = validated.set;
  const tenantId = ctx.actor.tenantId;

  const nextVersion = async (): Promise<number> =>
    Math.max(
      0,
      ...(await catalogue.list(tenantId)).filter((e) => e.set.setId === set.setId).map((e) => e.set.version),
    ) + 1;

  const shipped = catalogue.builtIns.find((s) => s.setId === set.setId && s.version === set.version);
  if (shipped !== undefined) {
    if (sameContent(shipped, set)) return { kind: 'unchanged', set };
    return { kind: 'built_in', set, nextVersion: await nextVersion() };
  }

  return ctx.guard.run(
    { action: catalogue.permission, kind: 'write', purpose: 'administration', auditAction: catalogue.auditAction },
    async (): Promise<VersionedSetImportOutcome<S>> => {
      // Two attempts: a first use may mark the version used between our read and our write.
      for (let attempt = 0; attempt < 2; attempt++) {
        const existing = await catalogue.get(tenantId, set.setId, set.version);
        const stamp = { at: ctx.now.toISOString(), by: ctx.actor.userId };
        if (existing === undefined) {
          if (await catalogue.create(catalogue.newDoc(set, { tenantId, ...stamp })))
            return { kind: 'imported', set, replaced: false };
          continue;
        }
        if (sameContent(existing.definition, set)) return { kind: 'unchanged', set };
        if (existing.usedAt !== undefined) return { kind: 'in_use', set, nextVersion: await nextVersion() };
        try {
          await catalogue.replace({ ...existing, definition: set, importedAt: stamp.at, importedBy: stamp.by });
          return { kind: 'imported', set, replaced: true };
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new ConflictError(`${catalogue.noun} ${set.setId}@${set.version}`);
    },
  );
}
