import { randomUUID } from 'node:crypto';
import { claimOnce } from '../../store/claims';
import { CasePartition, CASE_CONTAINERS, type CaseContainerName } from '../../store/case-partition';
import { CaseRepository } from '../../store/case-repository';
import type { ContainerName } from '../../store/containers';
import { deleteDoc } from '../../store/documents';
import { findExpired, type ExpiredRef } from '../../store/expired-documents';
import { hashCaseRef } from '../../log';
import type { Services } from '../../services';
import { isExpired, purgeDay } from './rules';

/**
 * The daily purge sweep: does what Cosmos TTL does where TTL is not honoured (the embedded server
 * never expires anything). It finds expired documents in every container (an `expiresAt` in the
 * past, or, for documents with only a `ttl`, `_ts + ttl` in the past), claims each tenant once per
 * Copenhagen day, and deletes them. A closed case whose own document expired is erased whole, in
 * both case containers, so documents written after closure without a stamp go too; each such
 * erasure is audited as a system write.
 */

/** Turn state has no tenant; its purge is claimed under this pseudo-tenant. */
export const SYSTEM_TENANT = '_system';

const SWEPT: readonly ContainerName[] = ['cases', 'sensitive', 'runs', 'audit', 'botstate'];

export interface PurgeReport {
  /** Tenants this instance purged (claimed) in this run. */
  tenants: string[];
  deleted: Record<ContainerName, number>;
  casesErased: number;
}

/** Partition key value of an item, per container (containers.ts). */
function partitionKeyOf(container: ContainerName, ref: ExpiredRef): string | undefined {
  if (container === 'cases' || container === 'sensitive') return ref.caseRef;
  if (container === 'botstate') return ref.id;
  return ref.tenantId;
}

export async function purgeExpired(services: Services, now: Date, holder: string = randomUUID()): Promise<PurgeReport> {
  const { store } = services;
  const byTenant = new Map<string, { container: ContainerName; ref: ExpiredRef }[]>();
  for (const container of SWEPT) {
    for (const ref of await findExpired(store.containers[container], now)) {
      const tenant = container === 'botstate' ? SYSTEM_TENANT : ref.tenantId;
      if (tenant === undefined) continue;
      byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), { container, ref }]);
    }
  }

  const report: PurgeReport = {
    tenants: [],
    deleted: { cases: 0, sensitive: 0, directory: 0, runs: 0, audit: 0, botstate: 0 },
    casesErased: 0,
  };
  const day = purgeDay(now);
  for (const [tenantId, items] of byTenant) {
    if (!(await claimOnce(store.containers.runs, tenantId, `purge:${day}`, now, holder))) continue;
    report.tenants.push(tenantId);
    const closedCases = new Set(
      items
        .filter(({ container, ref }) => container === 'cases' && ref.type === 'case' && ref.caseRef !== undefined)
        .map(({ ref }) => ref.caseRef as string),
    );
    for (const caseRef of closedCases) {
      if (await eraseExpiredCase(services, tenantId, caseRef, now, report)) report.casesErased++;
    }
    for (const { container, ref } of items) {
      if (CASE_CONTAINERS.includes(container as CaseContainerName) && closedCases.has(ref.caseRef ?? '')) continue;
      const pk = partitionKeyOf(container, ref);
      if (pk !== undefined && (await deleteDoc(store.containers[container], ref.id, pk))) report.deleted[container]++;
    }
  }
  if (report.tenants.length > 0) {
    services.log.info(
      {
        job: 'retention-purge',
        day,
        tenants: report.tenants.length,
        deleted: report.deleted,
        casesErased: report.casesErased,
      },
      'Expired data purged',
    );
  }
  return report;
}

/** Erases a closed case whose retention ran out; re-checked here so a case reopened meanwhile is kept. */
async function eraseExpiredCase(
  services: Services,
  tenantId: string,
  caseRef: string,
  now: Date,
  report: PurgeReport,
): Promise<boolean> {
  const theCase = await new CaseRepository(services.store).get(tenantId, caseRef);
  if (theCase === undefined || theCase.closure === undefined || !isExpired(theCase, now)) return false;
  await services.audit.append({
    tenantId,
    at: now.toISOString(),
    actorId: 'system:retention',
    actorRoles: [],
    action: 'case.purge',
    kind: 'write',
    caseRef,
    purpose: 'administration',
    channel: 'system',
    outcome: 'ok',
    correlationId: randomUUID(),
  });
  const deleted = await new CasePartition(services.store).erase(tenantId, caseRef);
  report.deleted.cases += deleted.cases;
  report.deleted.sensitive += deleted.sensitive;
  services.log.debug({ case: hashCaseRef(caseRef, services.config.CASE_REF_HASH_KEY) }, 'Closed case purged');
  return true;
}

/** The scheduled job: looks hourly, works once per tenant per day. */
export const retentionPurgeJob = (services: Services) => ({
  name: 'retention-purge',
  everyMs: 60 * 60_000,
  run: async (now: Date): Promise<void> => {
    await purgeExpired(services, now);
  },
});
