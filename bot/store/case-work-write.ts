import type { OperationInput } from '@azure/cosmos';
import { CaseFactsSchema, type CaseFacts } from '../domain/case-facts';
import { translateStoreError } from './cosmos-errors';
import type { Store } from './cosmos-store';
import { STORE_OPERATION_TIMEOUT_MS } from './documents';
import { parseCaseWorkDoc, type CaseWorkDoc } from './case-work-partition';

/** What a save of a document and the case facts came to. */
export type SaveWithFactsResult =
  | { readonly saved: true; readonly docEtag: string; readonly factsEtag: string }
  /** Nothing was written: the document (`doc`) or the facts (`facts`) changed since they were read. */
  | { readonly saved: false; readonly conflict: 'doc' | 'facts' };

/** One write of the batch; each names the partition too (the embedded server reads it per operation). */
const write = (body: { id: string; caseRef: string }, etag: string | undefined): OperationInput =>
  etag === undefined
    ? { operationType: 'Create', partitionKey: body.caseRef, resourceBody: body }
    : { operationType: 'Replace', partitionKey: body.caseRef, id: body.id, resourceBody: body, ifMatch: etag };

/**
 * Writes one document of a case's work and the case facts built with it as one transactional
 * batch in the case's partition: one round trip, and either both are stored or neither (Azure
 * Cosmos DB runs a batch atomically). Each is guarded by the ETag it was read with (undefined: it
 * must not exist yet), so a concurrent writer is never overwritten: the caller hears which one
 * moved on and decides (a changed document is a conflict; changed facts are rebuilt).
 *
 * The facts go first: the embedded server runs a batch's operations one by one and skips the rest
 * after a failure without undoing what ran, so a facts conflict must stop the batch before the
 * document is written. (A document conflict after the facts were written there means another
 * writer is between its write and its facts update; its guarded update then fails and rebuilds.)
 */
export async function saveWithFacts(
  store: Store,
  doc: CaseWorkDoc,
  docEtag: string | undefined,
  facts: CaseFacts,
  factsEtag: string | undefined,
): Promise<SaveWithFactsResult> {
  const validDoc = parseCaseWorkDoc(doc);
  const validFacts = CaseFactsSchema.parse(facts);
  if (validFacts.caseRef !== validDoc.caseRef) throw new Error('A batch stays inside one case');
  const container = store.containers.cases;
  let response;
  try {
    response = await container.items.batch([write(validFacts, factsEtag), write(validDoc, docEtag)], doc.caseRef, {
      abortSignal: AbortSignal.timeout(STORE_OPERATION_TIMEOUT_MS),
    });
  } catch (e) {
    // The SDK wraps a failed batch request; the store's status is on the cause.
    return translateStoreError(e instanceof Error && e.cause !== undefined ? e.cause : e, `cases/${doc.id} batch`);
  }
  const [factsResult, docResult] = response.result ?? [];
  if (factsResult === undefined || docResult === undefined)
    throw new Error(`cases/${doc.id} batch: no result per operation`);
  const conflicted = (status: number): boolean => status === 409 || status === 412;
  if (conflicted(factsResult.statusCode)) return { saved: false, conflict: 'facts' };
  if (conflicted(docResult.statusCode)) return { saved: false, conflict: 'doc' };
  const failed = [factsResult, docResult].find((r) => r.statusCode >= 400);
  if (failed !== undefined)
    return translateStoreError(
      Object.assign(new Error(`batch operation answered ${failed.statusCode}`), { code: failed.statusCode }),
      `cases/${doc.id} batch`,
    );
  return { saved: true, docEtag: docResult.eTag ?? '', factsEtag: factsResult.eTag ?? '' };
}
