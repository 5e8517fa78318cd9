import { randomUUID } from 'node:crypto';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { CaseRepository } from '../../store/case-repository';
import { claimWork, readClaim, settleWork, workStatus } from '../../store/claims';
import { PendingNoticeRepository, type HandoverNotice } from '../../store/pending-notice-repository';
import { sendToUserWithRetry } from '../delivery/send-to-user';
import { gaveUpText, handoverMessage } from './handover';

/** How often the scheduler looks for handover messages Teams refused. */
export const HANDOVER_NOTICES_EVERY_MS = 5 * 60_000;
/** A pass holds a notice this long; if its instance dies meanwhile, a later pass takes over. */
const LEASE_MS = 4 * 60_000;
/**
 * A notice first found this long after its give-up time is dropped without telling the screener:
 * no scheduler ran meanwhile (a long outage, or decisions recorded after the fact, as seed:demo
 * does), and a "could not reach" days late would only be noise.
 */
export const HANDOVER_STALE_AFTER_MS = 24 * 3600_000;

/** One claim per notice (a later handover of the same case is a new notice with a new claim). */
const claimKey = (notice: HandoverNotice): string => `handover:${notice.caseRef}:${Date.parse(notice.createdAt)}`;

/**
 * Retries the handover messages that could not be delivered during the visitation turn
 * (bot/features/visitation/handover.ts). Every instance runs it; each notice is claimed for one
 * pass at a time (bot/store/claims.ts `claimWork`), so two instances never both send it, and a
 * pass that fails leaves it for the next. A notice is dropped when delivered, when the case is
 * gone or has another jobformidler, or after HANDOVER_GIVE_UP_AFTER_MS, when the screener is told
 * (unless it is stale: HANDOVER_STALE_AFTER_MS).
 */
export function handoverNoticeJob(services: Services): ScheduledJob {
  const holder = `handover-${randomUUID()}`;
  const notices = new PendingNoticeRepository(services.store);
  const runs = services.store.containers.runs;
  const allowed = (tenantId: string): boolean =>
    services.config.ALLOWED_TENANT_IDS.length === 0 || services.config.ALLOWED_TENANT_IDS.includes(tenantId);

  async function finish(
    notice: HandoverNotice,
    claim: Parameters<typeof settleWork>[1],
    detail: string,
  ): Promise<void> {
    // Settled before removal: a pass that stops in between finds the claim done and removes the notice.
    await settleWork(runs, claim, services.clock.now(), { done: true, detail });
    await notices.remove(notice.tenantId, notice.id);
  }

  async function retry(notice: HandoverNotice, now: Date): Promise<void> {
    const key = claimKey(notice);
    const claim = await claimWork(runs, notice.tenantId, key, now, holder, { leaseMs: LEASE_MS, ttlDays: 7 });
    if (claim === undefined) {
      if (workStatus(await readClaim(runs, notice.tenantId, key), now) === 'done')
        await notices.remove(notice.tenantId, notice.id);
      return;
    }
    const caseDoc = await new CaseRepository(services.store).get(notice.tenantId, notice.caseRef);
    if (caseDoc === undefined || caseDoc.assignedJobformidlerId !== notice.toUserId)
      return finish(notice, claim, 'obsolete');
    const jobformidler = await services.directory.getUser(notice.tenantId, notice.toUserId);
    const name = jobformidler?.displayName ?? '';
    const pastGiveUp = now.getTime() - Date.parse(notice.giveUpAt);
    if (pastGiveUp >= HANDOVER_STALE_AFTER_MS) return finish(notice, claim, 'stale');
    if (pastGiveUp >= 0) {
      const told = await sendToUserWithRetry(
        services,
        { tenantId: notice.tenantId, userId: notice.fromUserId },
        { text: gaveUpText(notice, name) },
      );
      services.log.warn(
        { tenantId: notice.tenantId, screenerTold: told.status },
        'Gave up telling a jobformidler about a handover',
      );
      return finish(notice, claim, 'gave_up');
    }
    const correlationId = randomUUID();
    // The message discloses the case to its jobformidler: an audited read by the system, as in the turn.
    await services.audit.append({
      tenantId: notice.tenantId,
      at: now.toISOString(),
      actorId: 'system:handover',
      actorRoles: [],
      action: 'handover.notify',
      kind: 'read',
      caseRef: notice.caseRef,
      purpose: 'visitation',
      channel: 'system',
      outcome: 'ok',
      correlationId,
    });
    const result = await sendToUserWithRetry(
      services,
      { tenantId: notice.tenantId, userId: notice.toUserId },
      await handoverMessage(services, notice.tenantId, notice),
    ).catch(async (e: unknown) => {
      // Not sent (the store failed on the way): open for the next pass at once, not after the lease.
      await settleWork(runs, claim, services.clock.now(), { done: false, detail: 'error' }).catch(() => undefined);
      throw e;
    });
    services.log.info(
      { tenantId: notice.tenantId, delivery: result.status, correlationId },
      'Handover message retried',
    );
    if (result.status === 'sent') return finish(notice, claim, 'sent');
    await settleWork(runs, claim, services.clock.now(), { done: false, detail: result.status });
  }

  return {
    name: 'handover-notices',
    everyMs: HANDOVER_NOTICES_EVERY_MS,
    async run(now: Date): Promise<void> {
      for await (const notice of notices.all()) {
        if (!allowed(notice.tenantId)) continue;
        try {
          await retry(notice, now);
        } catch (e) {
          // One notice's failure must not stop the others; the next pass tries again.
          services.log.error({ err: e, tenantId: notice.tenantId }, 'Handover notice retry failed');
        }
      }
    },
  };
}
