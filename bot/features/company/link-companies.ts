import { z } from 'zod';
import { AgreementDocSchema } from '../../domain/work-agreement';
import { PlacementDocSchema, type PlacementDoc } from '../../domain/placement';
import { ConflictError } from '../../domain/errors';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { CompanyRepository } from '../../store/company-repository';
import { queryPage, replaceIfMatch, type WithEtag } from '../../store/documents';
import { AgreementRepository } from '../../store/agreement-repository';
import { ensureCompanyRecord } from './company-records';

/**
 * Links work agreements and placements written before companies were records of their own to the
 * company record of their CVR (one company per CVR; the record is created from the agreement when
 * the CVR has none). A placement takes its agreement's company; one without an agreement takes the
 * company whose name it carries, when exactly one company in the municipality has that name.
 *
 * Idempotent: it only looks at documents without a company id, creates a company only where the
 * CVR has none, and replaces a document only if it is unchanged since it was read (ETag), so it is
 * safe on several instances at once and again after a failure. Each case it touches gets one
 * system entry in the access log. The case facts do not carry the company, so none is rebuilt.
 */
export interface LinkReport {
  companiesCreated: number;
  agreementsLinked: number;
  placementsLinked: number;
  /** Placements left unlinked: no agreement, and no single company with their name. */
  placementsUnmatched: number;
}

const SYSTEM_ACTOR = 'system:company-link';
const PAGE = 200;

const RawDoc = z.record(z.string(), z.unknown());

/**
 * Documents of `type` without a company id, page by page: each as stored (so a replace writes back
 * every field, also ones this code does not know) and as parsed (to read the fields it needs). One
 * that does not match its schema is left alone.
 */
async function* unlinked<T>(services: Services, type: string, schema: z.ZodType<T>, tenantId?: string) {
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(
      services.store.containers.cases,
      {
        // Cross-tenant on purpose (a system migration), unless one tenant is asked for.
        query: `SELECT * FROM c WHERE c.type = @type AND NOT IS_DEFINED(c.companyId)${tenantId !== undefined ? ' AND c.tenantId = @t' : ''}`,
        parameters: [
          { name: '@type', value: type },
          ...(tenantId !== undefined ? [{ name: '@t', value: tenantId }] : []),
        ],
      },
      RawDoc,
      { maxItemCount: PAGE, continuationToken, timeoutMs: 60_000 },
    );
    const docs: { raw: WithEtag<Record<string, unknown>>; doc: T }[] = [];
    for (const raw of page.items) {
      const parsed = schema.safeParse(raw);
      if (parsed.success) docs.push({ raw, doc: parsed.data });
    }
    yield docs;
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
}

async function audit(services: Services, doc: { tenantId: string; caseRef: string }, now: Date): Promise<void> {
  await services.audit.append({
    tenantId: doc.tenantId,
    at: now.toISOString(),
    actorId: SYSTEM_ACTOR,
    actorRoles: [],
    action: 'company.link',
    kind: 'write',
    caseRef: doc.caseRef,
    purpose: 'administration',
    channel: 'system',
    outcome: 'ok',
    correlationId: `company-link:${now.toISOString()}`,
  });
}

async function link(
  services: Services,
  raw: WithEtag<Record<string, unknown>>,
  at: { tenantId: string; caseRef: string },
  companyId: string,
  now: Date,
): Promise<boolean> {
  const { _etag, ...rest } = raw;
  await audit(services, at, now);
  try {
    await replaceIfMatch(
      services.store.containers.cases,
      { ...rest, id: String(rest.id), companyId },
      at.caseRef,
      _etag,
    );
    return true;
  } catch (e) {
    // Changed meanwhile (a user saved it): the next run looks at it again.
    if (e instanceof ConflictError) return false;
    throw e;
  }
}

export async function linkCompanies(services: Services, now: Date, tenantId?: string): Promise<LinkReport> {
  const report: LinkReport = { companiesCreated: 0, agreementsLinked: 0, placementsLinked: 0, placementsUnmatched: 0 };
  const companies = new CompanyRepository(services.store);
  for await (const page of unlinked(services, 'work_agreement', AgreementDocSchema, tenantId)) {
    for (const { raw, doc: agreement } of page) {
      const existed = (await companies.getByCvr(agreement.tenantId, agreement.company.cvr)) !== undefined;
      const companyId = await ensureCompanyRecord(
        services.store,
        agreement.tenantId,
        agreement.company,
        agreement.createdBy,
        now,
      );
      if (!existed) report.companiesCreated++;
      if (await link(services, raw, agreement, companyId, now)) report.agreementsLinked++;
    }
  }
  const byName = new Map<string, Map<string, string[]>>();
  const companiesNamed = async (tenant: string, name: string): Promise<string[]> => {
    let names = byName.get(tenant);
    if (names === undefined) {
      names = new Map();
      let token: string | undefined;
      do {
        const page = await companies.listCompanies(tenant, { maxItemCount: 500, continuationToken: token });
        for (const c of page.items) {
          const key = c.name.trim().toLowerCase();
          names.set(key, [...(names.get(key) ?? []), c.companyId]);
        }
        token = page.continuationToken;
      } while (token !== undefined);
      byName.set(tenant, names);
    }
    return names.get(name.trim().toLowerCase()) ?? [];
  };
  const agreements = new AgreementRepository(services.store);
  for await (const page of unlinked(services, 'placement', PlacementDocSchema, tenantId)) {
    for (const { raw, doc: placement } of page) {
      const companyId = await companyOfPlacement(placement, agreements, companiesNamed);
      if (companyId === undefined) {
        report.placementsUnmatched++;
        continue;
      }
      if (await link(services, raw, placement, companyId, now)) report.placementsLinked++;
    }
  }
  return report;
}

async function companyOfPlacement(
  placement: PlacementDoc,
  agreements: AgreementRepository,
  companiesNamed: (tenant: string, name: string) => Promise<string[]>,
): Promise<string | undefined> {
  if (placement.agreementId !== undefined) {
    const agreement = await agreements.get(placement.tenantId, placement.caseRef, placement.agreementId);
    if (agreement?.companyId !== undefined) return agreement.companyId;
  }
  if (placement.companyName === undefined || placement.companyName.trim() === '') return undefined;
  const named = await companiesNamed(placement.tenantId, placement.companyName);
  return named.length === 1 ? named[0] : undefined;
}

/** Runs the linking a little after start-up and then every few hours; it finds nothing to do once done. */
export function companyLinkJob(services: Services): ScheduledJob {
  return {
    name: 'company-link',
    everyMs: 6 * 60 * 60_000,
    run: async (now) => {
      const report = await linkCompanies(services, now);
      if (report.agreementsLinked + report.placementsLinked + report.companiesCreated > 0)
        services.log.info({ ...report, job: 'company-link' }, 'Linked agreements and placements to company records');
    },
  };
}
