import { randomBytes } from 'node:crypto';
import { caseDocId } from '../domain/case';
import { CaseDocSchema, type CaseDoc } from '../domain/case-doc';
import type { Store } from './cosmos-store';
import { createDoc, queryPage, readDoc, replaceIfMatch, type Page, type WithEtag } from './documents';

// The case document's schema is the domain's (bot/domain/case-doc.ts); kept importable from here.
export {
  CaseDocSchema,
  PastVisitationSchema,
  PendingTransferSchema,
  RehabSchema,
  type CaseDoc,
  type PastVisitation,
  type Rehab,
} from '../domain/case-doc';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A generated pseudonymous case reference, e.g. FR-7KQ2-M9XA (no CPR, nothing derived from the person). */
export function generateCaseRef(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `FR-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

export class CaseRepository {
  constructor(private readonly store: Store) {}

  private get container() {
    return this.store.containers.cases;
  }

  get(tenantId: string, caseRef: string): Promise<WithEtag<CaseDoc> | undefined> {
    return readDoc(this.container, caseDocId(tenantId, 'case'), caseRef, CaseDocSchema);
  }

  /** Creates a case; ConflictError-free: returns false if the reference is taken in this tenant. */
  async create(doc: Omit<CaseDoc, 'id' | 'type' | 'schemaVersion'>): Promise<CaseDoc | undefined> {
    const full: CaseDoc = { ...doc, id: caseDocId(doc.tenantId, 'case'), type: 'case', schemaVersion: 1 };
    const existing = await this.get(doc.tenantId, doc.caseRef);
    if (existing !== undefined) return undefined;
    await createDoc(this.container, CaseDocSchema.parse(full));
    return full;
  }

  /** Replaces the case if nobody changed it since it was read (ConflictError otherwise). */
  async replace(doc: WithEtag<CaseDoc>): Promise<WithEtag<CaseDoc>> {
    const { _etag, ...rest } = doc;
    const etag = await replaceIfMatch(this.container, CaseDocSchema.parse(rest), doc.caseRef, _etag);
    return { ...rest, _etag: etag };
  }

  /** A jobformidler's cases, a page at a time (cross-partition, always scoped by tenant). */
  listForJobformidler(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return this.listBy('assignedJobformidlerId', userId, 'c.caseRef', tenantId, options);
  }

  /** The jobformidler's cases that are not closed ("Mine borgere": a closed case leaves the list). */
  listOpenForJobformidler(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return this.listBy('assignedJobformidlerId', userId, 'c.caseRef', tenantId, options, true);
  }

  /**
   * The open cases a user owns, a page at a time: as jobformidler (group 1) or as the owner of a
   * group 2 case ("Mine borgere" for jobformidlere and myndighedssagsbehandlere alike).
   */
  listOpenOwnedBy(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return queryPage(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case" AND (c.assignedJobformidlerId = @v OR c.caseworkerId = @v) AND c.status != "CLOSED" ORDER BY c.caseRef',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@v', value: userId },
        ],
      },
      CaseDocSchema,
      options,
    );
  }

  /**
   * All the open cases a user owns, page by page: as jobformidler (group 1) or as the owner of a
   * group 2 case ("Mine borgere" orders the whole caseload).
   */
  async allOpenOwnedBy(tenantId: string, userId: string): Promise<WithEtag<CaseDoc>[]> {
    const all: WithEtag<CaseDoc>[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.listOpenOwnedBy(tenantId, userId, { maxItemCount: 500, continuationToken });
      all.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return all;
  }

  listForScreener(
    tenantId: string,
    userId: string,
    options: { maxItemCount: number; continuationToken?: string },
  ): Promise<Page<WithEtag<CaseDoc>>> {
    return this.listBy('screenerId', userId, 'c.updatedAt DESC', tenantId, options);
  }

  /** True when the tenant has any case at all (the local demo municipality is offered only to an empty Fremdrift). */
  async hasAny(tenantId: string): Promise<boolean> {
    let continuationToken: string | undefined;
    do {
      const page = await queryPage(
        this.container,
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case"',
          parameters: [{ name: '@t', value: tenantId }],
        },
        CaseDocSchema,
        { maxItemCount: 1, ...(continuationToken !== undefined ? { continuationToken } : {}) },
      );
      if (page.items.length > 0) return true;
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return false;
  }

  private listBy(
    field: 'assignedJobformidlerId' | 'screenerId',
    value: string,
    orderBy: string,
    tenantId: string,
    options: { maxItemCount: number; continuationToken?: string },
    openOnly = false,
  ): Promise<Page<WithEtag<CaseDoc>>> {
    const open = openOnly ? ' AND c.status != "CLOSED"' : '';
    return queryPage(
      this.container,
      {
        query: `SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case" AND c.${field} = @v${open} ORDER BY ${orderBy}`,
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@v', value },
        ],
      },
      CaseDocSchema,
      options,
    );
  }
}
