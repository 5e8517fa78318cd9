import type { Container, ItemDefinition, SqlParameter, SqlQuerySpec } from '@azure/cosmos';

/** A query parameter, for modules above the store that compose a query (they never import the SDK). */
export type { SqlParameter };
import { z } from 'zod';
import { isConflict, isNotFound, translateStoreError } from './cosmos-errors';

/** Fields every stored document carries besides its own data. */
export const BaseDocSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.number().int().min(1),
});

/** A document read back with the ETag that guards its next replace. */
export type WithEtag<T> = T & { readonly _etag: string };

/**
 * Every store call gives up after this long. The SDK retries a failed read ten times a second apart;
 * a Teams card action must answer within seconds, so a user gets "try again" instead of a timeout.
 */
export const STORE_OPERATION_TIMEOUT_MS = 4000;
const deadline = (): { abortSignal: AbortSignal } => ({ abortSignal: AbortSignal.timeout(STORE_OPERATION_TIMEOUT_MS) });

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/** Removes Cosmos system properties (before validation of a stored document, or a snapshot). */
export function stripSystemFields(raw: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...raw };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy;
}

function parseStored<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Stored ${what} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Point read validated with zod; undefined when missing. */
export async function readDoc<T>(
  container: Container,
  id: string,
  partitionKey: string,
  schema: z.ZodType<T>,
): Promise<WithEtag<T> | undefined> {
  try {
    const { resource } = await container.item(id, partitionKey).read<Record<string, unknown>>(deadline());
    if (resource === undefined) return undefined;
    const etag = typeof resource._etag === 'string' ? resource._etag : '';
    return { ...parseStored(schema, stripSystemFields(resource), `${container.id}/${id}`), _etag: etag };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    return translateStoreError(e, `${container.id}/${id}`);
  }
}

/**
 * Point read that asks the store to skip the body when the document still has `etag` (Azure answers
 * 304, a cheaper request): 'unchanged' then; otherwise the document as `readDoc` gives it.
 */
export async function readDocIfChanged<T>(
  container: Container,
  id: string,
  partitionKey: string,
  schema: z.ZodType<T>,
  etag: string | undefined,
): Promise<WithEtag<T> | undefined | 'unchanged'> {
  if (etag === undefined || etag === '') return readDoc(container, id, partitionKey, schema);
  try {
    const response = await container
      .item(id, partitionKey)
      .read<Record<string, unknown>>({ accessCondition: { type: 'IfNoneMatch', condition: etag }, ...deadline() });
    if (response.statusCode === 304) return 'unchanged';
    const resource = response.resource;
    if (resource === undefined) return undefined;
    const current = typeof resource._etag === 'string' ? resource._etag : '';
    return { ...parseStored(schema, stripSystemFields(resource), `${container.id}/${id}`), _etag: current };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    return translateStoreError(e, `${container.id}/${id}`);
  }
}

/** Creates a document; returns false if one with that id already exists (used for once-only claims). */
export async function createOnce(container: Container, doc: ItemDefinition): Promise<boolean> {
  try {
    await container.items.create(doc, deadline());
    return true;
  } catch (e) {
    if (isConflict(e)) return false;
    return translateStoreError(e, `${container.id}/${String(doc.id)}`);
  }
}

/** Creates a document that must not exist yet. */
export async function createDoc(container: Container, doc: ItemDefinition): Promise<string> {
  try {
    const { resource } = await container.items.create(doc, deadline());
    return resource?._etag ?? '';
  } catch (e) {
    return translateStoreError(e, `${container.id}/${String(doc.id)}`);
  }
}

/** Replaces a document only if nobody changed it since `etag` was read; ConflictError otherwise. */
export async function replaceIfMatch(
  container: Container,
  doc: ItemDefinition & { id: string },
  partitionKey: string,
  etag: string,
): Promise<string> {
  try {
    const { resource } = await container
      .item(doc.id, partitionKey)
      .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag }, ...deadline() });
    return resource?._etag ?? '';
  } catch (e) {
    return translateStoreError(e, `${container.id}/${doc.id}`);
  }
}

export async function upsertDoc(container: Container, doc: ItemDefinition): Promise<string> {
  try {
    const { resource } = await container.items.upsert(doc, deadline());
    return resource?._etag ?? '';
  } catch (e) {
    return translateStoreError(e, `${container.id}/${String(doc.id)}`);
  }
}

export async function deleteDoc(container: Container, id: string, partitionKey: string): Promise<boolean> {
  try {
    await container.item(id, partitionKey).delete(deadline());
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    return translateStoreError(e, `${container.id}/${id}`);
  }
}

export interface Page<T> {
  readonly items: T[];
  readonly continuationToken?: string | undefined;
}

/**
 * One page of a query. The embedded server has no OFFSET/LIMIT and ignores the partitionKey option,
 * so callers put the partition key in WHERE and page with continuation tokens.
 */
export async function queryPage<T>(
  container: Container,
  query: SqlQuerySpec,
  schema: z.ZodType<T>,
  options: {
    maxItemCount: number;
    continuationToken?: string | undefined;
    /** Background work over many documents (the digest) may allow a page longer than a turn can wait. */
    timeoutMs?: number;
  },
): Promise<Page<WithEtag<T>>> {
  try {
    const iterator = container.items.query<Record<string, unknown>>(query, {
      maxItemCount: options.maxItemCount,
      continuationToken: options.continuationToken,
      abortSignal: AbortSignal.timeout(options.timeoutMs ?? STORE_OPERATION_TIMEOUT_MS),
    });
    const response = await iterator.fetchNext();
    const items = response.resources.map((raw) => ({
      ...parseStored(schema, stripSystemFields(raw), container.id),
      _etag: typeof raw._etag === 'string' ? raw._etag : '',
    }));
    return { items, continuationToken: response.continuationToken ?? undefined };
  } catch (e) {
    return translateStoreError(e, `${container.id} query`);
  }
}

/** Every result of a query (use only where the result is bounded, e.g. one case's partition). */
export async function queryAll<T>(
  container: Container,
  query: SqlQuerySpec,
  schema: z.ZodType<T>,
): Promise<WithEtag<T>[]> {
  const all: WithEtag<T>[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(container, query, schema, { maxItemCount: 500, continuationToken });
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
}
