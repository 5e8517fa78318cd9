import { companyDocId, type CompanyDoc } from '../../domain/company';
import type { Company } from '../../domain/work-agreement';
import { CompanyRepository } from '../../store/company-repository';
import type { Store } from '../../store/cosmos-store';
import { searchTextOf } from './rules';

/**
 * One company per CVR: the record a work agreement's company is linked to, created from the
 * agreement's CVR, name and contact person when the CVR has none yet (and then completed on the
 * company card). Safe under races: the CVR is the id, so a second creation finds the first.
 */
export async function ensureCompanyRecord(
  store: Store,
  tenantId: string,
  company: Company,
  by: string,
  now: Date,
): Promise<string> {
  const repository = new CompanyRepository(store);
  const companyId = companyDocId(company.cvr);
  if ((await repository.getCompany(tenantId, companyId)) !== undefined) return companyId;
  const doc: CompanyDoc = {
    id: companyId,
    tenantId,
    type: 'company',
    schemaVersion: 1,
    companyId,
    cvr: company.cvr,
    name: company.name,
    searchText: searchTextOf(company.name, company.cvr),
    contactPersons: company.contactName.trim() !== '' ? [{ name: company.contactName.slice(0, 120) }] : [],
    openTo: [],
    ownerId: by,
    origin: 'agreement',
    createdAt: now.toISOString(),
    createdBy: by,
    updatedAt: now.toISOString(),
    updatedBy: by,
  };
  await repository.createCompany(doc);
  return companyId;
}
