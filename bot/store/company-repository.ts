import type { SqlQuerySpec } from '@azure/cosmos';
import {
  CompanyContactDocSchema,
  CompanyDocSchema,
  JobOpeningDocSchema,
  companyContactDocId,
  companyDocId,
  openingDocId,
  type CompanyContactDoc,
  type CompanyDoc,
  type JobOpeningDoc,
} from '../domain/company';
import type { Store } from './cosmos-store';
import { createOnce, queryAll, queryPage, readDoc, replaceIfMatch, type Page, type WithEtag } from './documents';

/**
 * Companies, job openings and company contacts: tenant data in the tenant's partition of `directory`
 * (partition key /tenantId), so every read and write is single-partition and another municipality's
 * records are simply not found. None of these documents holds a case reference.
 */
export class CompanyRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.directory;
  }

  getCompany(tenantId: string, companyId: string): Promise<WithEtag<CompanyDoc> | undefined> {
    return readDoc(this.container, companyId, tenantId, CompanyDocSchema);
  }

  getByCvr(tenantId: string, cvr: string): Promise<WithEtag<CompanyDoc> | undefined> {
    return this.getCompany(tenantId, companyDocId(cvr));
  }

  /** Creates the company; false when the CVR already has a record (one company per CVR). */
  createCompany(doc: CompanyDoc): Promise<boolean> {
    return createOnce(this.container, CompanyDocSchema.parse(doc));
  }

  async replaceCompany(doc: CompanyDoc, etag: string): Promise<WithEtag<CompanyDoc>> {
    const valid = CompanyDocSchema.parse(doc);
    const newEtag = await replaceIfMatch(this.container, valid, doc.tenantId, etag);
    return { ...valid, _etag: newEtag };
  }

  /** Companies whose name or CVR contains `text` (lower-case), by name; one page. */
  searchCompanies(tenantId: string, text: string, maxItemCount: number): Promise<Page<WithEtag<CompanyDoc>>> {
    return queryPage(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "company" AND CONTAINS(c.searchText, @q) ORDER BY c.searchText',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@q', value: text },
        ],
      },
      CompanyDocSchema,
      { maxItemCount },
    );
  }

  /** The municipality's companies by name, a page at a time. */
  listCompanies(
    tenantId: string,
    options: { maxItemCount: number; continuationToken?: string | undefined },
  ): Promise<Page<WithEtag<CompanyDoc>>> {
    return queryPage(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "company" ORDER BY c.searchText',
        parameters: [{ name: '@t', value: tenantId }],
      },
      CompanyDocSchema,
      options,
    );
  }

  /** Companies by id (the openings list names their companies). */
  async companiesByIds(tenantId: string, ids: readonly string[]): Promise<Map<string, WithEtag<CompanyDoc>>> {
    if (ids.length === 0) return new Map();
    const docs = await queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "company" AND ARRAY_CONTAINS(@ids, c.id)',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@ids', value: [...new Set(ids)] },
        ],
      },
      CompanyDocSchema,
    );
    return new Map(docs.map((d) => [d.id, d]));
  }

  getOpening(tenantId: string, openingId: string): Promise<WithEtag<JobOpeningDoc> | undefined> {
    return readDoc(this.container, openingDocId(openingId), tenantId, JobOpeningDocSchema);
  }

  /** Creates an opening; false when one with this id exists (a repeated click). */
  createOpening(doc: JobOpeningDoc): Promise<boolean> {
    return createOnce(this.container, JobOpeningDocSchema.parse(doc));
  }

  async replaceOpening(doc: JobOpeningDoc, etag: string): Promise<WithEtag<JobOpeningDoc>> {
    const valid = JobOpeningDocSchema.parse(doc);
    const newEtag = await replaceIfMatch(this.container, valid, doc.tenantId, etag);
    return { ...valid, _etag: newEtag };
  }

  openingsOfCompany(tenantId: string, companyId: string): Promise<WithEtag<JobOpeningDoc>[]> {
    return this.openings({
      query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "job_opening" AND c.companyId = @c',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@c', value: companyId },
      ],
    });
  }

  /** Open openings of the municipality (matching reads these). */
  openOpenings(tenantId: string): Promise<WithEtag<JobOpeningDoc>[]> {
    return this.openings({
      query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "job_opening" AND c.status = "OPEN"',
      parameters: [{ name: '@t', value: tenantId }],
    });
  }

  private async openings(query: SqlQuerySpec): Promise<WithEtag<JobOpeningDoc>[]> {
    const docs = await queryAll(this.container, query, JobOpeningDocSchema);
    return docs.sort((a, b) => (a.registeredOn < b.registeredOn ? 1 : a.registeredOn > b.registeredOn ? -1 : 0));
  }

  getContact(tenantId: string, contactId: string): Promise<WithEtag<CompanyContactDoc> | undefined> {
    return readDoc(this.container, companyContactDocId(contactId), tenantId, CompanyContactDocSchema);
  }

  /** Creates a contact; ConflictError-free: false when this contact (same id) is already logged. */
  createContact(doc: CompanyContactDoc): Promise<boolean> {
    return createOnce(this.container, CompanyContactDocSchema.parse(doc));
  }

  /** A company's latest contacts, newest first. */
  async recentContacts(tenantId: string, companyId: string, max: number): Promise<WithEtag<CompanyContactDoc>[]> {
    const page = await queryPage(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "company_contact" AND c.companyId = @c ORDER BY c.date DESC',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@c', value: companyId },
        ],
      },
      CompanyContactDocSchema,
      { maxItemCount: max },
    );
    return page.items;
  }
}
