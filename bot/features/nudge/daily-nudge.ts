import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { businessDate } from '../../domain/calendar';
import { followUpOfFacts, FOLLOWED_UP_STATUSES } from '../../domain/case-follow-up';
import { needsNudge } from '../../domain/follow-up-cadence';
import type { TenantSettings } from '../../domain/tenant-settings';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { DeliveryResult, Services } from '../../services';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { claimOnce } from '../../store/claims';
import { readDoc } from '../../store/documents';
import { staffWithRole } from '../../store/staff-index';
import type { UserDoc } from '../../store/directory-repository';
import { nudgeCard, type NudgeRow } from '../../../cards/nudge/nudge-card';
import { progressionDueFor } from '../progression/applies';
import { IndicatorSetCatalogue } from '../progression/indicator-sets';
import { NUDGE_MAX_ROWS, nudgeClaimKey, nudgeDate } from './rules';

/**
 * How often the job looks. After a user's nudge is sent, the claim makes later looks that day a
 * point read; users with nothing due are looked at again (a case may be handed over during the day).
 */
export const NUDGE_EVERY_MS = 15 * 60_000;
/** Attempts per message when Teams throttles (Retry-After honoured, capped). */
const SEND_ATTEMPTS = 3;
const MAX_WAIT_MS = 10_000;

const ClaimSchema = z.object({ id: z.string(), tenantId: z.string() });

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

async function sendWithRetry(send: () => Promise<DeliveryResult>): Promise<DeliveryResult> {
  let result = await send();
  for (let attempt = 1; attempt < SEND_ATTEMPTS && result.status === 'throttled'; attempt++) {
    await sleep(Math.min(MAX_WAIT_MS, result.retryAfterMs ?? 1000 * attempt));
    result = await send();
  }
  return result;
}

/**
 * The daily nudge (issue item 8): on working days from 08:00 Europe/Copenhagen, each jobformidler
 * with due or overdue follow-ups gets ONE 1:1 message listing them; nothing when nothing is due.
 * Every instance runs this job; the claim `nudge:<user>:<date>` in `runs` (a conditional create)
 * lets exactly one of them send, once per user per day. The claim is taken after the list is
 * worked out and before sending, so a failure while reading leaves the day open for the next tick.
 */
export function dailyNudgeJob(services: Services): ScheduledJob {
  const holder = `nudge-${randomUUID()}`;
  const allowed = (tenantId: string): boolean =>
    services.config.ALLOWED_TENANT_IDS.length === 0 || services.config.ALLOWED_TENANT_IDS.includes(tenantId);

  async function nudgeUser(user: UserDoc, settings: TenantSettings, date: string, now: Date): Promise<void> {
    const key = nudgeClaimKey(user.userId, date);
    const claimed = await readDoc(services.store.containers.runs, `claim:${key}`, user.tenantId, ClaimSchema);
    if (claimed !== undefined) return;
    const rows = await dueFollowUps(services, user, settings, now);
    if (rows.length === 0) return;
    if (!(await claimOnce(services.store.containers.runs, user.tenantId, key, now, holder))) return;
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
      locale: 'da',
      rows: rows.slice(0, NUDGE_MAX_ROWS),
      followUps: rows.filter((r) => r.followUp !== undefined).length,
      progressions: rows.filter((r) => r.progressionDue !== undefined).length,
    });
    const result = await sendWithRetry(() => services.notifier.sendToUser(user.tenantId, user.userId, { card }));
    const log = { tenantId: user.tenantId, date, cases: rows.length, status: result.status, correlationId };
    if (result.status === 'sent') services.log.info(log, 'Daily nudge sent');
    else services.log.warn(log, 'Daily nudge not delivered');
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
