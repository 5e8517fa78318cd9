import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { ConflictError } from '../domain/errors';
import { createOnce, readDoc, replaceIfMatch, type WithEtag } from './documents';

const claimId = (key: string): string => `claim:${key}`;
const expiry = (now: Date, ttlDays: number) => ({
  ttl: ttlDays * 86400,
  // The purge sweep's clock where TTL is not honoured (the embedded server).
  expiresAt: new Date(now.getTime() + ttlDays * 86400_000).toISOString(),
});

/**
 * Once-only work across instances: the first instance to create the claim document does the work;
 * every other create gets 409 and skips it. Claims expire by TTL (and the purge sweep) after `ttlDays`.
 */
export async function claimOnce(
  runs: Container,
  tenantId: string,
  key: string,
  now: Date,
  holder: string,
  ttlDays = 60,
): Promise<boolean> {
  return createOnce(runs, {
    id: claimId(key),
    tenantId,
    type: 'claim',
    schemaVersion: 1,
    key,
    claimedAt: now.toISOString(),
    holder,
    ...expiry(now, ttlDays),
  });
}

/**
 * A claim document. Work that may fail and be tried again (`claimWork`) also carries its state;
 * a claim without one was made by `claimOnce` and is done.
 */
export const ClaimDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('claim'),
  schemaVersion: z.literal(1),
  key: z.string(),
  claimedAt: z.string(),
  holder: z.string(),
  ttl: z.number().optional(),
  expiresAt: z.string().optional(),
  /** held: an instance is doing it until `leaseUntil`; failed: a later pass may take it; done. */
  state: z.enum(['held', 'done', 'failed']).optional(),
  leaseUntil: z.string().optional(),
  /** Passes that ended in failure. */
  failures: z.number().int().min(0).optional(),
  /** The last pass's outcome, for the operator (a delivery status, never personal data). */
  lastOutcome: z.string().max(64).optional(),
});
export type ClaimDoc = z.infer<typeof ClaimDocSchema>;

export function readClaim(runs: Container, tenantId: string, key: string): Promise<WithEtag<ClaimDoc> | undefined> {
  return readDoc(runs, claimId(key), tenantId, ClaimDocSchema);
}

/**
 * Whether a pass may take the work (pure): `open` when never claimed, failed (fewer than
 * `maxFailures` times) or abandoned (its holder's lease ran out); `busy` while another instance
 * holds it; `done` when it succeeded, gave up, or was claimed once-only.
 */
export function workStatus(
  claim: ClaimDoc | undefined,
  now: Date,
  maxFailures = Number.POSITIVE_INFINITY,
): 'open' | 'busy' | 'done' {
  if (claim === undefined) return 'open';
  if (claim.state === undefined || claim.state === 'done') return 'done';
  if ((claim.failures ?? 0) >= maxFailures) return 'done';
  if (claim.state === 'held' && claim.leaseUntil !== undefined && Date.parse(claim.leaseUntil) > now.getTime())
    return 'busy';
  return 'open';
}

/** A claim this instance holds; settle it with `settleWork`. */
export interface WorkClaim {
  readonly doc: WithEtag<ClaimDoc>;
}

export interface WorkOptions {
  /** How long the holder may take before another instance may assume it died and take over. */
  readonly leaseMs: number;
  readonly maxFailures?: number;
  readonly ttlDays?: number;
}

/**
 * Takes work that may fail and be retried by a later pass, on one instance at a time: the first
 * instance creates the claim (409 for the others); after a failure, or when the holder's lease ran
 * out, the first instance to replace the claim with its ETag takes it (412 for the others).
 * Undefined: done, held by someone else, or another instance was quicker.
 */
export async function claimWork(
  runs: Container,
  tenantId: string,
  key: string,
  now: Date,
  holder: string,
  options: WorkOptions,
): Promise<WorkClaim | undefined> {
  const held = {
    claimedAt: now.toISOString(),
    holder,
    state: 'held' as const,
    leaseUntil: new Date(now.getTime() + options.leaseMs).toISOString(),
    ...expiry(now, options.ttlDays ?? 60),
  };
  const existing = await readClaim(runs, tenantId, key);
  if (existing === undefined) {
    const doc: ClaimDoc = { id: claimId(key), tenantId, type: 'claim', schemaVersion: 1, key, failures: 0, ...held };
    if (!(await createOnce(runs, doc))) return undefined;
    // Read back for the ETag that guards settling.
    const created = await readClaim(runs, tenantId, key);
    return created?.holder === holder ? { doc: created } : undefined;
  }
  if (workStatus(existing, now, options.maxFailures) !== 'open') return undefined;
  const { _etag, ...rest } = existing;
  const doc: ClaimDoc = { ...rest, ...held };
  try {
    const etag = await replaceIfMatch(runs, doc, tenantId, _etag);
    return { doc: { ...doc, _etag: etag } };
  } catch (e) {
    if (e instanceof ConflictError) return undefined;
    throw e;
  }
}

/**
 * Ends a pass: `done`, or failed so that a later pass may try again. False when the lease was lost
 * meanwhile (another instance took over after `leaseMs`); the caller then leaves the work to it.
 */
export async function settleWork(
  runs: Container,
  claim: WorkClaim,
  now: Date,
  outcome: { readonly done: boolean; readonly detail: string },
): Promise<boolean> {
  const { _etag, ...rest } = claim.doc;
  const doc: ClaimDoc = {
    ...rest,
    state: outcome.done ? 'done' : 'failed',
    leaseUntil: now.toISOString(),
    failures: (rest.failures ?? 0) + (outcome.done ? 0 : 1),
    lastOutcome: outcome.detail.slice(0, 64),
  };
  try {
    await replaceIfMatch(runs, doc, rest.tenantId, _etag);
    return true;
  } catch (e) {
    if (e instanceof ConflictError) return false;
    throw e;
  }
}
