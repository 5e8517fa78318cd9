import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { businessDate } from '../../domain/calendar';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { CaseDocSchema } from '../../store/case-repository';
import { claimOnce } from '../../store/claims';
import { queryAll, readDoc } from '../../store/documents';
import { staffWithRole } from '../../store/staff-index';
import type { UserDoc } from '../../store/directory-repository';
import { rehabNudgeCard } from '../../../cards/rehab/rehab-card';
import { nudgeDate } from '../nudge/rules';
import { languageOfUser } from '../language/recipient-language';
import { meetingOverdue } from './rules';

/**
 * The daily nudge of the group 2 track (issue 15 item 1): on working days from 08:00, the owner of
 * group 2 cases whose rehabilitation team meeting date has passed without an entry gets ONE 1:1
 * message listing them. Once per owner and day across instances: the claim `rehab-nudge:<user>:<date>`
 * in `runs`, taken after the list is worked out and before sending (as the daily nudge does).
 */
const ClaimSchema = z.object({ id: z.string(), tenantId: z.string() });
export const rehabNudgeKey = (userId: string, date: string): string => `rehab-nudge:${userId}:${date}`;

/** The owner's open group 2 cases with a meeting date passed and no meeting recorded, oldest meeting first. */
export async function overdueMeetings(
  services: Pick<Services, 'store'>,
  owner: Pick<UserDoc, 'tenantId' | 'userId'>,
  today: string,
): Promise<{ caseRef: string; meetingAt: string }[]> {
  const cases = await queryAll(
    services.store.containers.cases,
    {
      query:
        'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case" AND c.caseworkerId = @u AND c.status != "CLOSED"',
      parameters: [
        { name: '@t', value: owner.tenantId },
        { name: '@u', value: owner.userId },
      ],
    },
    CaseDocSchema,
  );
  return cases
    .filter((c) => c.visitation?.group === 'G2_REHABILITATION' && meetingOverdue(c.rehab, today))
    .map((c) => ({ caseRef: c.caseRef, meetingAt: c.rehab?.meetingAt ?? today }))
    .sort((a, b) => a.meetingAt.localeCompare(b.meetingAt) || a.caseRef.localeCompare(b.caseRef));
}

export function rehabNudgeJob(services: Services): ScheduledJob {
  const holder = `rehab-nudge-${randomUUID()}`;
  const allowed = (tenantId: string): boolean =>
    services.config.ALLOWED_TENANT_IDS.length === 0 || services.config.ALLOWED_TENANT_IDS.includes(tenantId);

  async function nudgeOwner(user: UserDoc, date: string, now: Date): Promise<void> {
    const key = rehabNudgeKey(user.userId, date);
    if ((await readDoc(services.store.containers.runs, `claim:${key}`, user.tenantId, ClaimSchema)) !== undefined)
      return;
    const settings = await services.directory.getSettings(user.tenantId);
    const rows = await overdueMeetings(services, user, businessDate(now, settings.timeZone));
    if (rows.length === 0) return;
    if (!(await claimOnce(services.store.containers.runs, user.tenantId, key, now, holder))) return;
    const correlationId = randomUUID();
    // The message discloses these cases to their owner: each is an audited read by the system.
    for (const r of rows)
      await services.audit.append({
        tenantId: user.tenantId,
        at: now.toISOString(),
        actorId: 'system:rehab-nudge',
        actorRoles: [],
        action: 'rehab.nudge.read',
        kind: 'read',
        caseRef: r.caseRef,
        purpose: 'follow_up',
        channel: 'system',
        outcome: 'ok',
        correlationId,
      });
    const result = await services.notifier.sendToUser(user.tenantId, user.userId, {
      card: rehabNudgeCard(languageOfUser(services, user), rows.slice(0, 15)),
    });
    const log = { tenantId: user.tenantId, date, cases: rows.length, status: result.status, correlationId };
    if (result.status === 'sent') services.log.info(log, 'Rehabilitation meeting nudge sent');
    else services.log.warn(log, 'Rehabilitation meeting nudge not delivered');
  }

  return {
    name: 'rehab-nudge',
    everyMs: 15 * 60_000,
    async run(now: Date): Promise<void> {
      const seen = new Set<string>();
      for (const role of ['myndighedssagsbehandler', 'jobformidler'] as const) {
        for await (const user of staffWithRole(services.store, role)) {
          const who = `${user.tenantId}/${user.userId}`;
          if (seen.has(who) || !allowed(user.tenantId)) continue;
          seen.add(who);
          const settings = await services.directory.getSettings(user.tenantId);
          const date = nudgeDate(now, settings.timeZone);
          if (date === undefined) continue;
          try {
            await nudgeOwner(user, date, now);
          } catch (e) {
            services.log.error({ err: e, tenantId: user.tenantId }, 'Rehabilitation meeting nudge failed for a user');
          }
        }
      }
    },
  };
}
