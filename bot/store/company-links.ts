import { z } from 'zod';
import { PlacementStatusSchema, PlacementTypeSchema } from '../domain/case';
import { AgreementStatusSchema } from '../domain/work-agreement';
import type { Store } from './cosmos-store';
import { queryAll } from './documents';

/**
 * The work agreements and placements linked to a company record, projected to what the company card
 * counts (cross-partition, scoped by tenant). Placements started from a linked agreement count even
 * before they carry the company id themselves.
 */
const AgreementLinkSchema = z.object({
  caseRef: z.string(),
  agreementId: z.string(),
  placementType: PlacementTypeSchema,
  status: AgreementStatusSchema,
});
const PlacementLinkSchema = z.object({
  caseRef: z.string(),
  placementId: z.string(),
  placementType: PlacementTypeSchema,
  status: PlacementStatusSchema,
  agreementId: z.string().optional(),
  companyId: z.string().optional(),
});
export type AgreementLink = z.infer<typeof AgreementLinkSchema>;
export type PlacementLink = z.infer<typeof PlacementLinkSchema>;

const OwnersSchema = z.object({
  caseRef: z.string(),
  screenerId: z.string(),
  assignedJobformidlerId: z.string().optional(),
});
export type CaseOwners = z.infer<typeof OwnersSchema>;

export async function companyCaseLinks(
  store: Store,
  tenantId: string,
  companyId: string,
): Promise<{ agreements: AgreementLink[]; placements: PlacementLink[] }> {
  const agreements = await queryAll(
    store.containers.cases,
    {
      query:
        'SELECT c.caseRef, c.agreementId, c.placementType, c.status FROM c WHERE c.tenantId = @t AND c.type = "work_agreement" AND c.companyId = @c',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@c', value: companyId },
      ],
    },
    AgreementLinkSchema,
  );
  const placements = await queryAll(
    store.containers.cases,
    {
      query:
        'SELECT c.caseRef, c.placementId, c.placementType, c.status, c.agreementId, c.companyId FROM c WHERE c.tenantId = @t AND c.type = "placement" AND (c.companyId = @c OR ARRAY_CONTAINS(@a, c.agreementId))',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@c', value: companyId },
        { name: '@a', value: agreements.map((a) => a.agreementId) },
      ],
    },
    PlacementLinkSchema,
  );
  // An agreement id is unique only within its case.
  const linked = new Set(agreements.map((a) => `${a.caseRef}/${a.agreementId}`));
  return {
    agreements,
    placements: placements.filter(
      (p) => p.companyId === companyId || (p.agreementId !== undefined && linked.has(`${p.caseRef}/${p.agreementId}`)),
    ),
  };
}

/**
 * How many cases each company contact concerned, counted from the cases' own follow-ups (the company
 * side keeps no trace of citizens, so an erased or purged case simply stops counting).
 */
export async function casesPerContact(
  store: Store,
  tenantId: string,
  contactIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (contactIds.length === 0) return counts;
  const rows = await queryAll(
    store.containers.cases,
    {
      query:
        'SELECT c.companyContactId FROM c WHERE c.tenantId = @t AND c.type = "follow_up" AND ARRAY_CONTAINS(@ids, c.companyContactId)',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@ids', value: [...contactIds] },
      ],
    },
    z.object({ companyContactId: z.string() }),
  );
  for (const r of rows) counts.set(r.companyContactId, (counts.get(r.companyContactId) ?? 0) + 1);
  return counts;
}

/** Who owns each of these cases (for the policy's resource check), in one query. */
export async function caseOwners(store: Store, tenantId: string, caseRefs: readonly string[]): Promise<CaseOwners[]> {
  if (caseRefs.length === 0) return [];
  return queryAll(
    store.containers.cases,
    {
      query:
        'SELECT c.caseRef, c.screenerId, c.assignedJobformidlerId FROM c WHERE c.tenantId = @t AND c.type = "case" AND ARRAY_CONTAINS(@r, c.caseRef)',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@r', value: [...new Set(caseRefs)] },
      ],
    },
    OwnersSchema,
  );
}
