import { ConflictError, StoreUnavailableError } from '../domain/errors';

/** The HTTP status the Cosmos SDK attached to an error, if any. */
export function cosmosStatus(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

export const isConflict = (e: unknown): boolean => cosmosStatus(e) === 409;
export const isPreconditionFailed = (e: unknown): boolean => cosmosStatus(e) === 412;
export const isNotFound = (e: unknown): boolean => cosmosStatus(e) === 404;

/**
 * Turns an SDK failure into one of our error types: 412 → ConflictError, no answer or 5xx/429 →
 * StoreUnavailableError. Anything else is rethrown unchanged.
 */
export function translateStoreError(error: unknown, what: string): never {
  const status = cosmosStatus(error);
  if (status === 412) throw new ConflictError(what);
  if (status === undefined || status >= 500 || status === 429 || status === 408) {
    const text = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    throw new StoreUnavailableError(text);
  }
  throw error;
}
