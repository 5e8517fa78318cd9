import { z } from 'zod';
import { DigestAggregatesSchema, type DigestAggregates } from '../domain/digest-aggregates';
import type { Store } from './cosmos-store';
import { readDoc, upsertDoc, type WithEtag } from './documents';

/**
 * The digest's bookkeeping in `runs` (partition = tenant): each week's aggregates per scope (so a
 * trend survives retention of the cases behind it, and a digest can be shown again), and the
 * delivery log of every (subscription, week) with every attempt.
 *
 * Snapshots hold team-level raw counts only: no case references and no staff-level numbers.
 */
export const DigestSnapshotSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('digest_snapshot'),
  schemaVersion: z.literal(1),
  scopeKey: z.string(),
  isoWeek: z.string(),
  computedAt: z.string(),
  aggregates: DigestAggregatesSchema,
});
export type DigestSnapshot = z.infer<typeof DigestSnapshotSchema>;

export const DeliveryAttemptSchema = z.object({
  at: z.string(),
  outcome: z.enum(['sent', 'throttled', 'gone', 'failed', 'no_reference']),
  httpStatus: z.number().int().optional(),
  retryAfterMs: z.number().optional(),
  /** How long the policy waited before the next attempt (none after the last). */
  waitMs: z.number().optional(),
  error: z.string().optional(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

export const DigestRunSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('digest_run'),
  schemaVersion: z.literal(1),
  subscriptionId: z.string(),
  isoWeek: z.string(),
  trigger: z.enum(['schedule', 'http']),
  holder: z.string(),
  status: z.enum(['running', 'sent', 'gone', 'failed']),
  /** Runs of this week that failed so far (a later run in the week may try again). */
  failedRuns: z.number().int().min(0).optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  snapshotId: z.string().optional(),
  cases: z.number().int().optional(),
  attempts: z.array(DeliveryAttemptSchema),
  /** The new channel thread: where the digest can be found and updated later. */
  conversationId: z.string().optional(),
  activityId: z.string().optional(),
  error: z.string().optional(),
  ttl: z.number().int().positive(),
});
export type DigestRun = z.infer<typeof DigestRunSchema>;

/** Delivery logs are kept a year; snapshots have no TTL (they are the trend). */
const RUN_TTL_SECONDS = 400 * 86400;

export const snapshotIdFor = (scopeKey: string, isoWeek: string): string => `digest-snapshot:${scopeKey}:${isoWeek}`;
export const runIdFor = (subscriptionId: string, isoWeek: string): string => `digest-run:${subscriptionId}:${isoWeek}`;

export class DigestRunRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.runs;
  }

  /** Stores the week's aggregates; a later run in the same week overwrites them with fresher numbers. */
  async saveSnapshot(tenantId: string, scopeKey: string, aggregates: DigestAggregates, now: Date): Promise<string> {
    const id = snapshotIdFor(scopeKey, aggregates.isoWeek);
    const doc: DigestSnapshot = {
      id,
      tenantId,
      type: 'digest_snapshot',
      schemaVersion: 1,
      scopeKey,
      isoWeek: aggregates.isoWeek,
      computedAt: now.toISOString(),
      aggregates,
    };
    await upsertDoc(this.container, DigestSnapshotSchema.parse(doc));
    return id;
  }

  getSnapshot(tenantId: string, scopeKey: string, isoWeek: string): Promise<WithEtag<DigestSnapshot> | undefined> {
    return readDoc(this.container, snapshotIdFor(scopeKey, isoWeek), tenantId, DigestSnapshotSchema);
  }

  getRun(tenantId: string, subscriptionId: string, isoWeek: string): Promise<WithEtag<DigestRun> | undefined> {
    return readDoc(this.container, runIdFor(subscriptionId, isoWeek), tenantId, DigestRunSchema);
  }

  /** Writes the run's log as it stands (after every attempt), so a crash leaves the attempts so far. */
  async saveRun(run: Omit<DigestRun, 'id' | 'type' | 'schemaVersion' | 'ttl'>): Promise<DigestRun> {
    const doc: DigestRun = {
      ...run,
      id: runIdFor(run.subscriptionId, run.isoWeek),
      type: 'digest_run',
      schemaVersion: 1,
      ttl: RUN_TTL_SECONDS,
    };
    await upsertDoc(this.container, DigestRunSchema.parse(doc));
    return doc;
  }
}
