import { NotFoundError } from '../../domain/errors';
import type { PlacementStatus, PlacementType } from '../../domain/case';
import { companyText } from '../../i18n/company';
import { CompanyRepository } from '../../store/company-repository';
import { caseOwners, casesPerContact, companyCaseLinks } from '../../store/company-links';
import { companyCard, type CompanyCardView } from '../../../cards/company/company-card';
import { companyListCard } from '../../../cards/company/company-list-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { parseCompanyQuery } from './rules';
import { nameOf, staffOf } from './staff';

/** Latest contacts the company card shows; own citizens it lists by case reference. */
export const CARD_CONTACTS = 6;
export const CARD_OWN_CASES = 10;
export const LIST_PAGE_SIZE = 20;

export type Notice = CompanyCardView['notice'];

/**
 * The company card. Counts of agreements and placements cover every citizen; a case reference is
 * shown only for a case the reader may see (their own citizens), and each one shown is an audited
 * read of that case.
 */
export async function companyCardFor(ctx: HandlerContext, companyId: string, notice?: Notice): Promise<AdaptiveCard> {
  ctx.guard.require('company.read');
  const { tenantId } = ctx.actor;
  const repository = new CompanyRepository(ctx.services.store);
  const company = await repository.getCompany(tenantId, companyId);
  if (company === undefined) throw new NotFoundError(`company ${companyId}`);
  const [openings, contacts, staff, links] = await Promise.all([
    repository.openingsOfCompany(tenantId, companyId),
    repository.recentContacts(tenantId, companyId, CARD_CONTACTS),
    staffOf(ctx),
    companyCaseLinks(ctx.services.store, tenantId, companyId),
  ]);
  const placementIds = new Set(links.placements.map((p) => `${p.caseRef}/${p.placementId}`));
  const citizens = await casesPerContact(
    ctx.services.store,
    tenantId,
    contacts.map((k) => k.contactId),
  );
  const ownCases = await ownCasesOf(ctx, links);
  const someone = companyText(ctx.actor.locale, 'unknown_staff');
  return companyCard({
    locale: ctx.actor.locale,
    company,
    ownerName: nameOf(staff, company.ownerId, someone),
    counts: {
      agreements: links.agreements.length,
      placements: placementIds.size,
      active: links.placements.filter((p) => p.status === 'ACTIVE').length,
    },
    ownCases,
    contacts: contacts.map((k) => ({
      date: k.date,
      kind: k.kind,
      mode: k.mode,
      who: nameOf(staff, k.staffId, someone),
      citizenCount: citizens.get(k.contactId) ?? 0,
    })),
    openings: openings
      .filter((o) => o.status === 'OPEN')
      .map((o) => ({
        openingId: o.openingId,
        title: o.title,
        hoursPerWeek: o.hoursPerWeek,
        fromDate: o.fromDate,
        status: o.status,
      })),
    canWrite: ctx.guard.allows('company.write'),
    notice,
  });
}

/** The reader's own citizens among the company's agreements and placements (each shown is an audited read). */
async function ownCasesOf(
  ctx: HandlerContext,
  links: Awaited<ReturnType<typeof companyCaseLinks>>,
): Promise<CompanyCardView['ownCases']> {
  // The company side has no case access at all: do not even look up who owns the cases.
  if (!ctx.guard.allows('case.read')) return [];
  const byCase = new Map<string, { type: PlacementType; status?: PlacementStatus }>();
  for (const a of links.agreements) byCase.set(a.caseRef, { type: a.placementType });
  for (const p of links.placements) byCase.set(p.caseRef, { type: p.placementType, status: p.status });
  const owners = await caseOwners(ctx.services.store, ctx.actor.tenantId, [...byCase.keys()]);
  const visible = owners
    .map((o) => ({
      caseRef: o.caseRef,
      resource: {
        tenantId: ctx.actor.tenantId,
        screenerId: o.screenerId,
        assignedJobformidlerId: o.assignedJobformidlerId,
      },
    }))
    .filter((o) => ctx.guard.allows('case.read', o.resource))
    .sort((a, b) => a.caseRef.localeCompare(b.caseRef))
    .slice(0, CARD_OWN_CASES);
  return Promise.all(
    visible.map((o) =>
      ctx.guard.run(
        {
          action: 'case.read',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: o.caseRef,
          resource: o.resource,
          auditAction: 'company.case_link.read',
        },
        async () => ({ caseRef: o.caseRef, ...byCase.get(o.caseRef)! }),
      ),
    ),
  );
}

/** `virksomhed <navn|cvr>`: a CVR opens its company (or offers to add it); a name opens the only match or lists them. */
export async function findCompany(ctx: HandlerContext, raw: string): Promise<AdaptiveCard | undefined> {
  ctx.guard.require('company.read');
  const query = parseCompanyQuery(raw);
  if (query === undefined) return undefined;
  const repository = new CompanyRepository(ctx.services.store);
  const canWrite = ctx.guard.allows('company.write');
  if ('cvr' in query) {
    const company = await repository.getByCvr(ctx.actor.tenantId, query.cvr);
    if (company !== undefined) return companyCardFor(ctx, company.companyId);
    return companyListCard({ locale: ctx.actor.locale, companies: [], missingCvr: query.cvr, canWrite });
  }
  const page = await repository.searchCompanies(ctx.actor.tenantId, query.text, LIST_PAGE_SIZE);
  if (page.items.length === 1) return companyCardFor(ctx, page.items[0]!.companyId);
  return companyListCard({ locale: ctx.actor.locale, companies: page.items, query: raw.trim(), canWrite });
}

/** `virksomheder`: the municipality's companies by name, a page at a time. */
export async function listCompanies(ctx: HandlerContext, continuationToken?: string): Promise<AdaptiveCard> {
  ctx.guard.require('company.read');
  const repository = new CompanyRepository(ctx.services.store);
  const list = (token?: string) =>
    repository.listCompanies(ctx.actor.tenantId, { maxItemCount: LIST_PAGE_SIZE, continuationToken: token });
  // A token from an old card may no longer be valid: start again from the first page.
  const page = await list(continuationToken).catch((e: unknown) => {
    if (continuationToken === undefined) throw e;
    return list();
  });
  return companyListCard({
    locale: ctx.actor.locale,
    companies: page.items,
    nextPageToken: page.continuationToken,
    canWrite: ctx.guard.allows('company.write'),
  });
}
