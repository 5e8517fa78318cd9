import { caseDocId } from '../domain/case';
import { SensitiveFactsSchema, type SensitiveFacts } from '../domain/case-facts';
import { ConflictError } from '../domain/errors';
import type { Store } from './cosmos-store';
import { createOnce, readDoc, replaceIfMatch, type WithEtag } from './documents';

/**
 * The art. 9 facts the digest counts (screening funnel, HKO), one document per case in `sensitive`.
 * Several features write parts of it (screening here, HKO later), so every write is a read-modify-
 * write guarded by the ETag and retried on a conflict: one writer never drops another's part.
 */
export class SensitiveFactsRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.sensitive;
  }

  get(tenantId: string, caseRef: string): Promise<WithEtag<SensitiveFacts> | undefined> {
    return readDoc(this.container, caseDocId(tenantId, 'sensitive_facts'), caseRef, SensitiveFactsSchema);
  }

  /** Applies `change` to the current facts (or empty ones) and saves; retries a few times on concurrent writes. */
  async update(
    tenantId: string,
    caseRef: string,
    now: Date,
    change: (facts: SensitiveFacts) => SensitiveFacts,
  ): Promise<SensitiveFacts> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const existing = await this.get(tenantId, caseRef);
      const base: SensitiveFacts = existing
        ? stripEtag(existing)
        : {
            id: caseDocId(tenantId, 'sensitive_facts'),
            tenantId,
            type: 'sensitive_facts',
            schemaVersion: 1,
            caseRef,
            rebuiltAt: now.toISOString(),
            hko: [],
          };
      const next = SensitiveFactsSchema.parse({ ...change(base), rebuiltAt: now.toISOString() });
      try {
        if (existing === undefined) {
          if (await createOnce(this.container, next)) return next;
          continue; // someone created it meanwhile: read theirs and apply the change to it
        }
        await replaceIfMatch(this.container, next, caseRef, existing._etag);
        return next;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError(`sensitive facts of a case`);
  }
}

function stripEtag(doc: WithEtag<SensitiveFacts>): SensitiveFacts {
  const { _etag: _ignored, ...rest } = doc;
  return rest;
}
