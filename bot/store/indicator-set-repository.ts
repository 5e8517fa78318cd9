import { z } from 'zod';
import { IndicatorSetSchema } from '../domain/indicator-set';
import type { Store } from './cosmos-store';
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

  /** A new version; false when someone created the same version meanwhile. */
  create(doc: IndicatorSetDoc): Promise<boolean> {
    return createOnce(this.container, IndicatorSetDocSchema.parse(doc));
  }

  /** Replaces an unused version; ConflictError if it changed (e.g. was marked used) since it was read. */
  async replace(doc: WithEtag<IndicatorSetDoc>): Promise<void> {
    const { _etag, ...rest } = doc;
    await replaceIfMatch(this.container, IndicatorSetDocSchema.parse(rest), doc.tenantId, _etag);
  }
}
