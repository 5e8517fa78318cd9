import { z } from 'zod';
import { IndicatorSetSchema } from '../domain/indicator-set';
import type { Store } from './cosmos-store';
import { KeptPerTenant } from './kept-per-tenant';
import { createOnce, queryAll, readDoc, replaceIfMatch, type WithEtag } from './documents';

/**
 * A tenant's own indicator-set versions (catalogue versions in `directory`, partition tenantId).
 * The sets that ship with Fremdrift are not stored here; the catalogue use case adds them for every
 * tenant. `usedAt` is set before the first measurement on a version is written, and from then on
 * the version's content can never be replaced.
 */
export const IndicatorSetDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('indicator_set'),
  schemaVersion: z.literal(1),
  setId: z.string(),
  version: z.number().int().min(1),
  definition: IndicatorSetSchema,
  importedAt: z.string(),
  importedBy: z.string(),
  usedAt: z.string().optional(),
});
export type IndicatorSetDoc = z.infer<typeof IndicatorSetDocSchema>;

export const indicatorSetDocId = (setId: string, version: number): string => `indicatorset:${setId}:v${version}`;

/**
 * This process's last read of each tenant's versions, per container (one per store), for reads that
 * only show something ("Mine borgere" asks whether a due measurement can be made). A version this
 * process writes drops the tenant's entry at once; another instance's import shows within the
 * caller's maximum age, like the settings cache. Decisions (markUsed, import) never use it.
 */
const recentLists = new WeakMap<object, KeptPerTenant<WithEtag<IndicatorSetDoc>[]>>();

export class IndicatorSetRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.directory;
  }

  get(tenantId: string, setId: string, version: number): Promise<WithEtag<IndicatorSetDoc> | undefined> {
    return readDoc(this.container, indicatorSetDocId(setId, version), tenantId, IndicatorSetDocSchema);
  }

  /** A tenant's versions; a catalogue holds a handful of sets with a few versions each. */
  list(tenantId: string): Promise<WithEtag<IndicatorSetDoc>[]> {
    return queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "indicator_set" ORDER BY c.setId',
        parameters: [{ name: '@t', value: tenantId }],
      },
      IndicatorSetDocSchema,
    );
  }

  /** `list`, or this process's copy of it when it is younger than `maxAgeMs` (see recentLists). */
  async listRecent(tenantId: string, maxAgeMs: number, now = performance.now()): Promise<WithEtag<IndicatorSetDoc>[]> {
    let kept = recentLists.get(this.container);
    if (kept === undefined) {
      kept = new KeptPerTenant(maxAgeMs);
      recentLists.set(this.container, kept);
    }
    return kept.get(tenantId, () => this.list(tenantId), { maxAgeMs, now });
  }

  private forget(tenantId: string): void {
    recentLists.get(this.container)?.forget(tenantId);
  }

  /** A new version; false when someone created the same version meanwhile. */
  async create(doc: IndicatorSetDoc): Promise<boolean> {
    this.forget(doc.tenantId);
    const created = await createOnce(this.container, IndicatorSetDocSchema.parse(doc));
    this.forget(doc.tenantId);
    return created;
  }

  /** Replaces an unused version; ConflictError if it changed (e.g. was marked used) since it was read. */
  async replace(doc: WithEtag<IndicatorSetDoc>): Promise<void> {
    const { _etag, ...rest } = doc;
    this.forget(doc.tenantId);
    await replaceIfMatch(this.container, IndicatorSetDocSchema.parse(rest), doc.tenantId, _etag);
    this.forget(doc.tenantId);
  }
}
