import { z } from 'zod';
import { CoreElementSetSchema } from '../domain/core-element-set';
import type { Store } from './cosmos-store';
import { createOnce, queryAll, readDoc, replaceIfMatch, type WithEtag } from './documents';

/**
 * A tenant's own core-element-set versions (catalogue versions in `directory`, partition tenantId),
 * kept like indicator sets: the sets that ship with Fremdrift are not stored here, and `usedAt` is
 * set before the first fidelity round on a version starts, after which its content never changes.
 */
export const CoreElementSetDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('core_element_set'),
  schemaVersion: z.literal(1),
  setId: z.string(),
  version: z.number().int().min(1),
  definition: CoreElementSetSchema,
  importedAt: z.string(),
  importedBy: z.string(),
  usedAt: z.string().optional(),
});
export type CoreElementSetDoc = z.infer<typeof CoreElementSetDocSchema>;

export const coreElementSetDocId = (setId: string, version: number): string => `coreelementset:${setId}:v${version}`;

export class CoreElementSetRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.directory;
  }

  get(tenantId: string, setId: string, version: number): Promise<WithEtag<CoreElementSetDoc> | undefined> {
    return readDoc(this.container, coreElementSetDocId(setId, version), tenantId, CoreElementSetDocSchema);
  }

  /** A tenant's versions: a handful of programmes with a few versions each. */
  list(tenantId: string): Promise<WithEtag<CoreElementSetDoc>[]> {
    return queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "core_element_set" ORDER BY c.setId',
        parameters: [{ name: '@t', value: tenantId }],
      },
      CoreElementSetDocSchema,
    );
  }

  /** A new version; false when someone created the same version meanwhile. */
  create(doc: CoreElementSetDoc): Promise<boolean> {
    return createOnce(this.container, CoreElementSetDocSchema.parse(doc));
  }

  /** Replaces an unused version; ConflictError if it changed (e.g. was marked used) since it was read. */
  async replace(doc: WithEtag<CoreElementSetDoc>): Promise<void> {
    const { _etag, ...rest } = doc;
    await replaceIfMatch(this.container, CoreElementSetDocSchema.parse(rest), doc.tenantId, _etag);
  }
}
