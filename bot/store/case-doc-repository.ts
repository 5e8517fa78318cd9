import type { Container } from '@azure/cosmos';
import type { z } from 'zod';
import { readDoc, type WithEtag } from './documents';
import { saveGuarded } from './case-work-documents';

/**
 * Point reads and guarded saves of one kind of document in a case's partition. The kinds
 * (agreement, placement, weekly hours, …) differ only in schema, container and id.
 */
export class CaseDocRepository<T extends { id: string; caseRef: string }> {
  constructor(
    protected readonly container: Container,
    private readonly schema: z.ZodType<T>,
    readonly idOf: (tenantId: string, key: string) => string,
  ) {}

  get(tenantId: string, caseRef: string, key: string): Promise<WithEtag<T> | undefined> {
    return readDoc(this.container, this.idOf(tenantId, key), caseRef, this.schema);
  }

  /** A document read with others (one query of the partition) as this kind, or undefined if it is not. */
  fromLoaded(doc: WithEtag<{ id: string }> | undefined): WithEtag<T> | undefined {
    if (doc === undefined) return undefined;
    const parsed = this.schema.safeParse(doc);
    return parsed.success ? { ...parsed.data, _etag: doc._etag } : undefined;
  }

  /** Creates (etag undefined) or replaces (etag given) the document; ConflictError if someone was first. */
  async save(doc: T, etag: string | undefined): Promise<WithEtag<T>> {
    const valid = this.schema.parse(doc);
    const newEtag = await saveGuarded(this.container, valid, etag);
    return { ...valid, _etag: newEtag };
  }
}
