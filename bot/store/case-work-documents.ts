import type { Container, ItemDefinition } from '@azure/cosmos';
import { ConflictError } from '../domain/errors';
import { isConflict, translateStoreError } from './cosmos-errors';
import { replaceIfMatch } from './documents';

/**
 * Saves one document of a case's work with optimistic concurrency: a new document is created only
 * if nobody created it meanwhile, an existing one is replaced only if it is unchanged since `etag`
 * was read. Either way a lost race is a ConflictError, never a silent overwrite. Returns the new ETag.
 */
export async function saveGuarded(
  container: Container,
  doc: ItemDefinition & { id: string; caseRef: string },
  etag: string | undefined,
): Promise<string> {
  if (etag !== undefined) return replaceIfMatch(container, doc, doc.caseRef, etag);
  try {
    const { resource } = await container.items.create(doc);
    return resource?._etag ?? '';
  } catch (e) {
    if (isConflict(e)) throw new ConflictError(`${container.id}/${doc.id}`);
    return translateStoreError(e, `${container.id}/${doc.id}`);
  }
}

/** Drops the ETag a document was read with, before it is written back. */
export function withoutEtag<T extends { _etag?: string }>(doc: T): Omit<T, '_etag'> {
  const { _etag: _ignored, ...rest } = doc;
  return rest;
}
