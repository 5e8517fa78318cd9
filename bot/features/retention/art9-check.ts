import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ClosureReason } from '../../domain/case';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { claimOnce } from '../../store/claims';
import { queryPage } from '../../store/documents';
import { SensitiveFactsRepository } from '../../store/sensitive-facts-repository';
import { art9CheckCard } from '../../../cards/retention/art9-check-card';
import { applyRetention } from './apply-retention';
import { recordClosure } from './close-case';
import { languageOfUser } from '../language/recipient-language';
import { purgeDay, type Art9Finding, type FindingReason } from './rules';

/**
 * The daily check that no art. 9 data is left without a retention date (issue 12 item 3,
 * PRODUCT.md §4). It looks at every document in `sensitive` (screening answers, HKO, their facts)
 * that carries no `expiresAt`, and at the case it belongs to:
 *
 * - a closed case whose documents lack the stamp (one written after closure): stamped now;
 * - a case the rules close at the decision but that was left open by an older version (group 3,
 *   "outside the target group", a declined or aborted screening): closed now, dated at the decision;
 * - everything no process will ever close is listed to the municipality's admins, 1:1: data with no
 *   case at all, a screening left open or a case waiting for visitation for more than 30 days, and a
 *   group 2 case without an owner.
 *
 * Open cases with an owner are fine: their owner closes them. Once per tenant and Copenhagen day
 * (a claim in `runs`), whichever instance gets there first.
 */
export const STALE_DAYS = 30;
/** Findings listed in one message; the rest are counted. */
export const MAX_LISTED = 20;
const SYSTEM_ACTOR = 'system:retention-check';

export interface Art9Report {
  readonly tenantId: string;
  /** Closed cases whose missing stamps were added. */
  readonly healed: number;
  /** Cases the rules close at the decision, closed now. */
  readonly closed: number;
  readonly findings: readonly Art9Finding[];
  /** Admins the list was sent to (status per admin). */
  readonly delivered: readonly { readonly userId: string; readonly status: string }[];
}

const UnstampedSchema = z.object({ tenantId: z.string(), caseRef: z.string() });

/** Art. 9 documents without a retention date, per tenant and case (a cross-tenant system sweep, ids only). */
async function unstampedSensitive(services: Services): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(
      services.store.containers.sensitive,
      {
        query:
          'SELECT c.tenantId, c.caseRef FROM c WHERE NOT IS_DEFINED(c.expiresAt) AND IS_DEFINED(c.tenantId) AND IS_DEFINED(c.caseRef)',
      },
      UnstampedSchema,
      { maxItemCount: 1000, continuationToken },
    );
    for (const d of page.items) {
      const cases = out.get(d.tenantId) ?? new Map<string, number>();
      cases.set(d.caseRef, (cases.get(d.caseRef) ?? 0) + 1);
      out.set(d.tenantId, cases);
    }
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return out;
}

/** The closure the rules give a case left open by an older version, or undefined. */
async function closureDue(
  services: Services,
  caseDoc: CaseDoc,
): Promise<{ date: string; reason: ClosureReason } | undefined> {
  const v = caseDoc.visitation;
  if (caseDoc.status === 'VISITED' && v?.group === 'G3_NOT_EMPLOYMENT_READY')
    return { date: v.effectiveFrom, reason: 'REFERRED_TO_OTHER_SERVICES' };
  if (caseDoc.status === 'VISITED' && v?.group === 'OUT_OF_SCOPE')
    return { date: v.effectiveFrom, reason: 'NOT_IN_TARGET_GROUP' };
  if (caseDoc.status === 'AWAITING_VISITATION' && v === undefined) {
    const screening = (await new SensitiveFactsRepository(services.store).get(caseDoc.tenantId, caseDoc.caseRef))
      ?.screening;
    if (screening?.outcome === 'DECLINED') return { date: screening.conductedAt, reason: 'SCREENING_DECLINED' };
    if (screening?.outcome === 'ABORTED') return { date: screening.conductedAt, reason: 'SCREENING_ABORTED' };
  }
  return undefined;
}

function findingFor(caseDoc: CaseDoc, now: Date): FindingReason | undefined {
  const idleDays = (Date.parse(now.toISOString()) - Date.parse(caseDoc.updatedAt)) / 86_400_000;
  if (caseDoc.status === 'SCREENING' && idleDays > STALE_DAYS) return 'STALE_SCREENING';
  if (caseDoc.status === 'AWAITING_VISITATION' && idleDays > STALE_DAYS) return 'STALE_AWAITING_VISITATION';
  if (caseDoc.visitation?.group === 'G2_REHABILITATION' && caseDoc.caseworkerId === undefined)
    return caseDoc.status === 'CLOSED' ? undefined : 'NO_OWNER';
  return undefined;
}

async function systemAudit(
  services: Services,
  tenantId: string,
  caseRef: string,
  action: string,
  kind: 'read' | 'write',
  now: Date,
  correlationId: string,
): Promise<void> {
  await services.audit.append({
    tenantId,
    at: now.toISOString(),
    actorId: SYSTEM_ACTOR,
    actorRoles: [],
    action,
    kind,
    caseRef,
    purpose: 'administration',
    channel: 'system',
    outcome: 'ok',
    correlationId,
  });
}

/** Checks one tenant (already claimed for the day). */
async function checkTenant(
  services: Services,
  tenantId: string,
  unstamped: ReadonlyMap<string, number>,
  now: Date,
): Promise<Art9Report> {
  const cases = new CaseRepository(services.store);
  const correlationId = randomUUID();
  const findings: Art9Finding[] = [];
  let healed = 0;
  let closed = 0;
  for (const [caseRef, documents] of [...unstamped].sort(([a], [b]) => a.localeCompare(b))) {
    const caseDoc = await cases.get(tenantId, caseRef);
    if (caseDoc === undefined) {
      findings.push({ caseRef, reason: 'ORPHANED', documents });
      continue;
    }
    if (caseDoc.status === 'CLOSED' && caseDoc.closure !== undefined) {
      await systemAudit(services, tenantId, caseRef, 'case.retention.restamp', 'write', now, correlationId);
      await applyRetention(services, tenantId, caseRef, now);
      healed++;
      continue;
    }
    const due = await closureDue(services, caseDoc);
    if (due !== undefined) {
      await systemAudit(services, tenantId, caseRef, 'case.close', 'write', now, correlationId);
      await recordClosure(services, tenantId, caseRef, due, { userId: SYSTEM_ACTOR, now });
      closed++;
      continue;
    }
    const reason = findingFor(caseDoc, now);
    if (reason !== undefined) findings.push({ caseRef, reason, documents });
  }
  const delivered: { userId: string; status: string }[] = [];
  if (findings.length > 0 || healed > 0 || closed > 0) {
    // The list discloses these cases to the admins: each is an audited read by the system.
    for (const f of findings.slice(0, MAX_LISTED))
      await systemAudit(services, tenantId, f.caseRef, 'art9.check.read', 'read', now, correlationId);
    const report = { findings, healed, closed, staleDays: STALE_DAYS, maxListed: MAX_LISTED };
    for (const admin of await services.directory.listUsersWithRole(tenantId, 'admin')) {
      const card = art9CheckCard(languageOfUser(services, admin), report);
      const result = await services.notifier.sendToUser(tenantId, admin.userId, { card });
      delivered.push({ userId: admin.userId, status: result.status });
    }
  }
  services.log.info(
    {
      job: 'art9-check',
      tenantId,
      healed,
      closed,
      findings: findings.length,
      delivered: delivered.map((d) => d.status),
    },
    'Art. 9 retention check done',
  );
  return { tenantId, healed, closed, findings, delivered };
}

/** The hour (Copenhagen) from which the day's check runs, so admins are not messaged at night. */
export const CHECK_FROM_HOUR = 7;

/** Runs the check for every tenant that has not had it today; returns what this instance did. */
export async function runArt9Check(
  services: Services,
  now: Date,
  holder: string = randomUUID(),
): Promise<Art9Report[]> {
  if (DateTime.fromJSDate(now, { zone: 'Europe/Copenhagen' }).hour < CHECK_FROM_HOUR) return [];
  const allowed = (tenantId: string): boolean =>
    services.config.ALLOWED_TENANT_IDS.length === 0 || services.config.ALLOWED_TENANT_IDS.includes(tenantId);
  const day = purgeDay(now);
  const reports: Art9Report[] = [];
  for (const [tenantId, unstamped] of await unstampedSensitive(services)) {
    if (!allowed(tenantId)) continue;
    if (!(await claimOnce(services.store.containers.runs, tenantId, `art9-check:${day}`, now, holder))) continue;
    reports.push(await checkTenant(services, tenantId, unstamped, now));
  }
  return reports;
}

/** The scheduled job: looks hourly, works once per tenant per day. */
export const art9CheckJob = (services: Services): ScheduledJob => {
  const holder = `art9-check-${randomUUID()}`;
  return {
    name: 'art9-check',
    everyMs: 60 * 60_000,
    run: async (now: Date): Promise<void> => {
      await runArt9Check(services, now, holder);
    },
  };
};
