import { claimOnce } from '../../store/claims';
import { DigestRunRepository, runIdFor, type DigestRun } from '../../store/digest-run-repository';
import { DigestSubscriptionRepository, type DigestSubscription } from '../../store/digest-subscription-repository';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { digestCard } from '../../../cards/digest/digest-card';
import { digestWeekFor } from './calendar';
import { computeDigest, digestView, type ComputedDigest, type ScopeSpec } from './compute-digest';
import { deliverDigest } from './delivery';
import { isDue } from './rules';
import { scopeOf } from './subscriptions';
import type { RetryPolicy } from '../delivery/retry-policy';
import { TokenBucket } from './pacing';

/**
 * The weekly digest job, in every instance. Each minute it looks for subscriptions whose slot this
 * week has passed; each (subscription, ISO week) is claimed once in Cosmos (conditional create), so
 * whichever instance claims first sends and every other skips: one digest per channel per week. A
 * slot missed while the service was down is still due until the week ends, so it is sent on return.
 * POST /api/digests/run triggers the same work.
 */
export interface DigestJobOptions {
  /** Who claims (instance id), for the run log. */
  readonly holder: string;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly policy?: RetryPolicy;
}

export interface DigestRunSummary {
  due: number;
  sent: number;
  gone: number;
  failed: number;
  /** Due, but another instance (or an earlier run) had claimed it. */
  claimedElsewhere: number;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How many runs a (subscription, week) gets when runs fail: the first and two more. */
export const MAX_RUNS_PER_WEEK = 3;
/** A run still "running" after this long died with its instance (a run takes seconds). */
const ABANDONED_AFTER_MS = 15 * 60_000;

/** A run whose instance stopped mid-way, before anything was posted: another run may take over. */
const abandoned = (run: DigestRun, now: Date): boolean =>
  run.status === 'running' &&
  now.getTime() - Date.parse(run.startedAt) > ABANDONED_AFTER_MS &&
  !run.attempts.some((a) => a.outcome === 'sent');

export class DigestJob implements ScheduledJob {
  readonly name = 'digest';
  readonly everyMs = 60_000;
  private scheduledRun: Promise<unknown> | undefined;
  /** Per tenant, in wall-clock time: Teams counts real requests, whatever the job's clock says. */
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly services: Services,
    private readonly options: DigestJobOptions,
  ) {}

  /** A scheduler tick; skipped while the previous tick of this instance is still delivering. */
  async run(now: Date): Promise<void> {
    if (this.scheduledRun !== undefined) return;
    this.scheduledRun = this.runOnce(now, 'schedule').finally(() => (this.scheduledRun = undefined));
    await this.scheduledRun;
  }

  async runOnce(now: Date, trigger: DigestRun['trigger']): Promise<DigestRunSummary> {
    const summary: DigestRunSummary = { due: 0, sent: 0, gone: 0, failed: 0, claimedElsewhere: 0 };
    const subscriptions = new DigestSubscriptionRepository(this.services.store);
    const runs = new DigestRunRepository(this.services.store);
    for (const tenantId of await subscriptions.tenants()) {
      // Several channels with the same scope share one computation per run.
      const computed = new Map<string, Promise<ComputedDigest>>();
      for (const subscription of await subscriptions.listActive(tenantId)) {
        const { due, isoWeek } = isDue(now, subscription);
        if (!due) continue;
        summary.due++;
        // A failed run (store down, Teams refusing) may be tried again later in the week, a few
        // times: each retry is its own claim, so it is still one instance at a time.
        const previous = await runs.getRun(tenantId, subscription.id, isoWeek);
        const retryable = previous === undefined || previous.status === 'failed' || abandoned(previous, now);
        const failedRuns =
          previous === undefined ? 0 : (previous.failedRuns ?? 0) + (previous.status === 'failed' ? 0 : 1);
        if (!retryable || failedRuns >= MAX_RUNS_PER_WEEK) {
          summary.claimedElsewhere++;
          continue;
        }
        const key = `digest:${subscription.id}:${isoWeek}${failedRuns > 0 ? `:retry${failedRuns}` : ''}`;
        if (!(await claimOnce(this.services.store.containers.runs, tenantId, key, now, this.options.holder))) {
          summary.claimedElsewhere++;
          continue;
        }
        const earlier = { failedRuns, attempts: previous?.attempts ?? [] };
        const status = await this.deliver(subscription, isoWeek, now, trigger, computed, earlier).catch(
          (e: unknown) => {
            this.services.log.error({ err: e, job: this.name }, 'Digest run failed');
            return 'failed' as const;
          },
        );
        summary[status]++;
      }
    }
    if (summary.due > 0) this.services.log.info({ ...summary, trigger }, 'Digest run finished');
    return summary;
  }

  private async deliver(
    subscription: DigestSubscription,
    isoWeek: string,
    now: Date,
    trigger: DigestRun['trigger'],
    cache: Map<string, Promise<ComputedDigest>>,
    earlier: { readonly failedRuns: number; readonly attempts: DigestRun['attempts'] },
  ): Promise<'sent' | 'gone' | 'failed'> {
    const { failedRuns } = earlier;
    const { services } = this;
    const runs = new DigestRunRepository(services.store);
    let run: Omit<DigestRun, 'id' | 'type' | 'schemaVersion' | 'ttl'> = {
      tenantId: subscription.tenantId,
      subscriptionId: subscription.id,
      isoWeek,
      trigger,
      holder: this.options.holder,
      status: 'running',
      startedAt: now.toISOString(),
      // A retry keeps the earlier runs' attempts: the log shows every attempt of the week.
      attempts: earlier.attempts,
      ...(failedRuns > 0 ? { failedRuns } : {}),
    };
    await runs.saveRun(run);
    try {
      const installation = await services.directory.getInstallation(subscription.tenantId, subscription.teamId);
      const spec = await scopeOf(services, subscription, installation);
      if (spec.memberIdsChanged !== undefined) await this.rememberMembers(subscription, spec.memberIdsChanged);
      const computed = await this.compute(
        cache,
        subscription.tenantId,
        spec,
        isoWeek,
        runIdFor(subscription.id, isoWeek),
        now,
      );
      const snapshotId = await runs.saveSnapshot(
        subscription.tenantId,
        spec.scopeKey,
        computed.computation.aggregates,
        now,
      );
      run = { ...run, snapshotId, cases: computed.computation.aggregates.cases };
      const card = digestCard({
        locale: subscription.locale,
        view: digestView(computed),
        scope: subscription.scope,
        settings: computed.settings,
      });
      const outcome = await deliverDigest(
        services,
        { subscription, installation, card, run, runs },
        { ...this.options, pace: () => this.pace(subscription.tenantId) },
        sleepFor,
      );
      return outcome;
    } catch (e) {
      await runs
        .saveRun({
          ...run,
          status: 'failed',
          failedRuns: failedRuns + 1,
          finishedAt: services.clock.now().toISOString(),
          error: String(e).slice(0, 300),
        })
        .catch(() => undefined);
      throw e;
    }
  }

  private async pace(tenantId: string): Promise<void> {
    const bucket = this.buckets.get(tenantId) ?? new TokenBucket();
    this.buckets.set(tenantId, bucket);
    const waitMs = bucket.take(Date.now());
    if (waitMs > 0) await sleepFor(waitMs);
  }

  /** Computes (once per scope and run) and records one audit entry for the read of case facts. */
  private compute(
    cache: Map<string, Promise<ComputedDigest>>,
    tenantId: string,
    spec: ScopeSpec,
    isoWeek: string,
    correlationId: string,
    now: Date,
  ): Promise<ComputedDigest> {
    const cached = cache.get(spec.scopeKey);
    if (cached !== undefined) return cached;
    const audit = (outcome: 'ok' | 'error') =>
      this.services.audit.append({
        tenantId,
        at: now.toISOString(),
        actorId: 'system:digest',
        actorRoles: [],
        action: 'digest.compute',
        kind: 'read',
        purpose: 'management_information',
        channel: 'system',
        outcome,
        correlationId,
      });
    const work = computeDigest(this.services, tenantId, spec, digestWeekFor(isoWeek)).then(
      async (computed) => {
        await audit('ok');
        return computed;
      },
      async (e: unknown) => {
        await audit('error').catch(() => undefined);
        throw e;
      },
    );
    cache.set(spec.scopeKey, work);
    return work;
  }

  private async rememberMembers(subscription: DigestSubscription, memberIds: readonly string[]): Promise<void> {
    const repo = new DigestSubscriptionRepository(this.services.store);
    const current = await repo.getById(subscription.tenantId, subscription.id);
    if (current === undefined) return;
    await repo.replace({ ...current, memberIds: [...memberIds] }).catch(() => undefined);
  }
}
