import { randomUUID } from 'node:crypto';
import { businessDate } from '../../domain/calendar';
import { followUpOfFacts, FOLLOWED_UP_STATUSES } from '../../domain/case-follow-up';
import { needsNudge } from '../../domain/follow-up-cadence';
import type { TenantSettings } from '../../domain/tenant-settings';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { claimWork, readClaim, settleWork, workStatus } from '../../store/claims';
import { staffWithRole } from '../../store/staff-index';
import type { UserDoc } from '../../store/directory-repository';
import { nudgeCard, type NudgeRow } from '../../../cards/nudge/nudge-card';
import { languageOfUser } from '../language/recipient-language';
import { progressionDueFor } from '../progression/applies';
import { IndicatorSetCatalogue } from '../progression/indicator-sets';
import { sendToUserWithRetry } from '../delivery/send-to-user';
import { NUDGE_MAX_PASSES, NUDGE_MAX_ROWS, nudgeClaimKey, nudgeDate } from './rules';

/**
 * How often the job looks. After a user's nudge is sent, the claim makes later looks that day a
 * point read; users with nothing due are looked at again (a case may be handed over during the day),
 * and a nudge Teams refused is tried again.
 */
export const NUDGE_EVERY_MS = 15 * 60_000;
/** A pass holds a user's nudge this long; if its instance dies meanwhile, the next pass takes over. */
const NUDGE_LEASE_MS = 10 * 60_000;

/** Every case of a jobformidler, page by page. */
async function casesOf(services: Services, tenantId: string, userId: string): Promise<CaseDoc[]> {
  const repository = new CaseRepository(services.store);
  const all: CaseDoc[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await repository.listForJobformidler(tenantId, userId, { maxItemCount: 100, continuationToken });
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
}

/**
 * The cases of one jobformidler whose follow-up is due today or overdue, most overdue first, then
 * those where only a progression measurement is due.
 */
export async function dueFollowUps(
  services: Services,
  user: Pick<UserDoc, 'tenantId' | 'userId'>,
  settings: TenantSettings,
  now: Date,
): Promise<NudgeRow[]> {
  const today = businessDate(now, settings.timeZone);
  const facts = new CaseFactsRepository(services.store);
  const rows: NudgeRow[] = [];
  const catalogue = await new IndicatorSetCatalogue(services.store).list(user.tenantId);
  for (const c of await casesOf(services, user.tenantId, user.userId)) {
    if (!FOLLOWED_UP_STATUSES.includes(c.status)) continue;
    const f = await facts.getOrRebuild(user.tenantId, c.caseRef, settings, now);
    const status = f === undefined ? undefined : followUpOfFacts(f, c.status, settings, today);
    const followUp = status !== undefined && needsNudge(status) ? status : undefined;
    const progressionDue = progressionDueFor(f, c.status, today, catalogue);
    if (followUp !== undefined || progressionDue !== undefined)
      rows.push({ caseRef: c.caseRef, followUp, progressionDue });
  }
  const lateness = (r: NudgeRow): number => r.followUp?.daysPastDue ?? Number.NEGATIVE_INFINITY;
  return rows.sort((a, b) => lateness(b) - lateness(a) || (a.caseRef < b.caseRef ? -1 : 1));
}

/**
 * The daily nudge (issue item 8): on working days from 08:00 Europe/Copenhagen, each jobformidler
 * with due or overdue follow-ups gets ONE 1:1 message listing them; nothing when nothing is due.
 * Every instance runs this job; the claim `nudge:<user>:<date>` in `runs` lets one of them at a
 * time send (bot/store/claims.ts `claimWork`). The claim is taken after the list is worked out and
 * before sending, so a failure while reading leaves the day open for the next tick. A send Teams
 * still refuses after the retry policy marks the claim failed: the next pass the same day tries
 * again (at most NUDGE_MAX_PASSES passes), and once one succeeds the claim is done.
 */
export function dailyNudgeJob(services: Services): ScheduledJob {
  const holder = `nudge-${randomUUID()}`;
  const allowed = (tenantId: string): boolean =>
    services.config.ALLOWED_TENANT_IDS.length === 0 || services.config.ALLOWED_TENANT_IDS.includes(tenantId);

  async function nudgeUser(user: UserDoc, settings: TenantSettings, date: string, now: Date): Promise<void> {
    const runs = services.store.containers.runs;
    const key = nudgeClaimKey(user.userId, date);
    if (workStatus(await readClaim(runs, user.tenantId, key), now, NUDGE_MAX_PASSES) !== 'open') return;
    const rows = await dueFollowUps(services, user, settings, now);
    if (rows.length === 0) return;
    const claim = await claimWork(runs, user.tenantId, key, now, holder, {
      leaseMs: NUDGE_LEASE_MS,
      maxFailures: NUDGE_MAX_PASSES,
    });
    if (claim === undefined) return;
    const correlationId = randomUUID();
    // The message discloses these cases to their jobformidler: each is an audited read by the system.
    for (const r of rows)
      await services.audit.append({
        tenantId: user.tenantId,
        at: now.toISOString(),
        actorId: 'system:daily-nudge',
        actorRoles: [],
        action: 'nudge.read',
        kind: 'read',
        caseRef: r.caseRef,
        purpose: 'follow_up',
        channel: 'system',
        outcome: 'ok',
        correlationId,
      });
    const card = nudgeCard({
      locale: languageOfUser(services, user),
      rows: rows.slice(0, NUDGE_MAX_ROWS),
      followUps: rows.filter((r) => r.followUp !== undefined).length,
      progressions: rows.filter((r) => r.progressionDue !== undefined).length,
    });
    const result = await sendToUserWithRetry(services, user, { card }).catch(async (e: unknown) => {
      // Not sent (the store failed on the way): open for the next pass at once, not after the lease.
      await settleWork(runs, claim, services.clock.now(), { done: false, detail: 'error' }).catch(() => undefined);
      throw e;
    });
    const sent = result.status === 'sent';
    await settleWork(runs, claim, services.clock.now(), { done: sent, detail: result.status });
    const pass = (claim.doc.failures ?? 0) + 1;
    const log = { tenantId: user.tenantId, date, cases: rows.length, status: result.status, pass, correlationId };
    if (sent) services.log.info(log, 'Daily nudge sent');
    else if (pass < NUDGE_MAX_PASSES) services.log.warn(log, 'Daily nudge not delivered; the next pass tries again');
    else services.log.warn(log, 'Daily nudge not delivered; given up for today');
  }

  return {
    name: 'daily-nudge',
    everyMs: NUDGE_EVERY_MS,
    async run(now: Date): Promise<void> {
      const settingsOf = new Map<string, TenantSettings>();
      for await (const user of staffWithRole(services.store, 'jobformidler')) {
        if (!allowed(user.tenantId)) continue;
        let settings = settingsOf.get(user.tenantId);
        if (settings === undefined) {
          settings = await services.directory.getSettings(user.tenantId);
          settingsOf.set(user.tenantId, settings);
        }
        const date = nudgeDate(now, settings.timeZone);
        if (date === undefined) continue;
        try {
          await nudgeUser(user, settings, date, now);
        } catch (e) {
          // One person's failure must not stop everybody else's nudge; the next tick tries again.
          services.log.error({ err: e, tenantId: user.tenantId }, 'Daily nudge failed for a user');
        }
      }
    },
  };
}
