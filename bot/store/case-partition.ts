import { z } from 'zod';
import { ConflictError } from '../domain/errors';
import type { Store } from './cosmos-store';
import { BaseDocSchema, deleteDoc, queryAll, readDoc, replaceIfMatch, type WithEtag } from './documents';

/**
 * Every document of one case, in both case containers, whatever feature wrote it. Retention,
 * export and erasure work through here, so they cover document types that land later without
 * knowing them. Every query carries the tenant and the case ref: the same ref may exist in another
 * municipality, in the same logical partition.
 */
export const CASE_CONTAINERS = ['cases', 'sensitive'] as const;
export type CaseContainerName = (typeof CASE_CONTAINERS)[number];

export const StoredCaseDocSchema = BaseDocSchema.extend({
  caseRef: z.string().min(1),
  ttl: z.number().optional(),
  expiresAt: z.string().optional(),
}).loose();
export type StoredCaseDoc = z.infer<typeof StoredCaseDocSchema>;

export interface CaseDocument {
  readonly container: CaseContainerName;
  readonly doc: WithEtag<StoredCaseDoc>;
}

/** Retention stamp: Cosmos TTL in seconds (from the write), and the absolute date the sweep uses. */
export interface RetentionStamp {
  readonly ttl: number;
  readonly expiresAt: string;
}

const MAX_CONFLICT_RETRIES = 5;

export class CasePartition {
  constructor(private readonly store: Store) {}

  /** The case's documents in `container`, for this tenant only. */
  listIn(container: CaseContainerName, tenantId: string, caseRef: string): Promise<WithEtag<StoredCaseDoc>[]> {
    return queryAll(
      this.store.containers[container],
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @ref',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@ref', value: caseRef },
        ],
      },
      StoredCaseDocSchema,
    );
  }

  async list(tenantId: string, caseRef: string): Promise<CaseDocument[]> {
    const perContainer = await Promise.all(
      CASE_CONTAINERS.map(async (container) =>
        (await this.listIn(container, tenantId, caseRef)).map((doc) => ({ container, doc })),
      ),
    );
    return perContainer.flat();
  }

  /** Stamps every document of the case (ETag-guarded; a concurrent writer's change is re-read and kept). */
  async stamp(tenantId: string, caseRef: string, stamp: RetentionStamp | undefined): Promise<number> {
    const docs = await this.list(tenantId, caseRef);
    for (const { container, doc } of docs) await this.stampOne(container, doc, stamp);
    return docs.length;
  }

  private async stampOne(
    container: CaseContainerName,
    first: WithEtag<StoredCaseDoc>,
    stamp: RetentionStamp | undefined,
  ): Promise<void> {
    let current: WithEtag<StoredCaseDoc> | undefined = first;
    for (let attempt = 0; current !== undefined; attempt++) {
      const { _etag, ttl: _ttl, expiresAt: _expiresAt, ...rest } = current;
      const next = stamp === undefined ? rest : { ...rest, ttl: stamp.ttl, expiresAt: stamp.expiresAt };
      try {
        await replaceIfMatch(this.store.containers[container], next, current.caseRef, _etag);
        return;
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw e;
        current = await readDoc(this.store.containers[container], current.id, current.caseRef, StoredCaseDocSchema);
      }
    }
  }

  /** Deletes every document of the case in both containers; safe to run again after a failure. */
  async erase(tenantId: string, caseRef: string): Promise<Record<CaseContainerName, number>> {
    const deleted: Record<CaseContainerName, number> = { cases: 0, sensitive: 0 };
    for (const { container, doc } of await this.list(tenantId, caseRef)) {
      if (await deleteDoc(this.store.containers[container], doc.id, doc.caseRef)) deleted[container]++;
    }
    return deleted;
  }
}
