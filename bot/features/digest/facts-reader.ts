import { z } from 'zod';
import { CaseFactsSchema, SensitiveFactsSchema, type CaseFacts, type SensitiveFacts } from '../../domain/case-facts';
import type { Store } from '../../store/cosmos-store';
import { queryPage, type SqlParameter } from '../../store/documents';
import { CompanyContactKindSchema } from '../../domain/company';
import type { CompanyActivity } from './metrics/company-activity';

/**
 * Reads the case facts projection a page at a time (continuation tokens; the embedded server has no
 * OFFSET/LIMIT), always scoped by tenant and document type in WHERE. Each document is checked with
 * its zod schema; one that does not match is counted and skipped, so a single bad projection cannot
 * stop a municipality's digest (the writer rebuilds it on the case's next change).
 */
export interface FactsFilter {
  /** Team scope: cases of these people (as jobformidler; without one, as caseworker or screener). */
  readonly jobformidlerIds?: readonly string[];
  /** Page size; by default what suits the store (see pageSizeFor). */
  readonly pageSize?: number;
}

export interface ReadStats {
  read: number;
  skipped: number;
}

const AnyDoc = z.record(z.string(), z.unknown());

/**
 * Azure Cosmos DB caps a page at 4 MB whatever is asked, so 1,000 is a comfortable request there.
 * The embedded server re-scans the whole container for every page, so there fewer, larger pages
 * keep the read linear in cases (measured in bench/digest-scale.ts).
 */
/**
 * The digest reads in the background (scheduled job, or after the preview's reply), so a page may
 * take longer than the 4 s an interactive read is given; the embedded server needs it for large
 * municipalities because it re-scans the container for every page.
 */
export const FACTS_PAGE_TIMEOUT_MS = 60_000;

export const pageSizeFor = (store: Pick<Store, 'kind'>): number => (store.kind === 'embedded' ? 5000 : 1000);

async function* pages<T>(
  pageSize: number,
  container: Parameters<typeof queryPage>[0],
  query: string,
  parameters: SqlParameter[],
  schema: z.ZodType<T>,
  stats: ReadStats,
): AsyncGenerator<T[]> {
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(container, { query, parameters }, AnyDoc, {
      maxItemCount: pageSize,
      continuationToken,
      timeoutMs: FACTS_PAGE_TIMEOUT_MS,
    });
    const valid: T[] = [];
    for (const raw of page.items) {
      const parsed = schema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else stats.skipped++;
    }
    stats.read += valid.length;
    yield valid;
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
}

export function caseFactsPages(
  store: Store,
  tenantId: string,
  filter: FactsFilter,
  stats: ReadStats,
): AsyncGenerator<CaseFacts[]> {
  const parameters: SqlParameter[] = [{ name: '@t', value: tenantId }];
  let query = 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case_facts"';
  if (filter.jobformidlerIds !== undefined) {
    // A team's cases: those of its jobformidlere, and cases without one (group 2, 3, waiting) that a
    // member owns as caseworker or screened (issue 15 item 9: no group is invisible in its team's counts).
    query +=
      ' AND (ARRAY_CONTAINS(@j, c.assignedJobformidlerId) OR (NOT IS_DEFINED(c.assignedJobformidlerId)' +
      ' AND (ARRAY_CONTAINS(@j, c.caseworkerId) OR ARRAY_CONTAINS(@j, c.screenerId))))';
    parameters.push({ name: '@j', value: [...filter.jobformidlerIds] });
  }
  return pages(
    filter.pageSize ?? pageSizeFor(store),
    store.containers.cases,
    query,
    parameters,
    CaseFactsSchema,
    stats,
  );
}

/**
 * Sensitive facts the digest can use: a screening on or after `screenedSince` (M16), any
 * compensation-scheme application (M18, M23), or a screening with an impairment that matters for
 * work (M23). Art. 9 data is read no more widely than the metrics need.
 */
export function sensitiveFactsPages(
  store: Store,
  tenantId: string,
  screenedSince: string,
  stats: ReadStats,
): AsyncGenerator<SensitiveFacts[]> {
  return pages(
    pageSizeFor(store),
    store.containers.sensitive,
    'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "sensitive_facts" AND (c.screening.conductedAt >= @since OR ARRAY_LENGTH(c.hko) > 0 OR c.screening.outcome = "INDICATION_WITH_JOB_IMPACT")',
    [
      { name: '@t', value: tenantId },
      { name: '@since', value: screenedSince },
    ],
    SensitiveFactsSchema,
    stats,
  );
}

/**
 * The company side's contacts and job openings since `since` (directory, the tenant's partition):
 * as dates and who, for M14 and M15. Team scope keeps those by the team's members.
 */
export function companyActivityPages(
  store: Store,
  tenantId: string,
  since: string,
  stats: ReadStats,
): AsyncGenerator<CompanyActivity[]> {
  return pages(
    pageSizeFor(store),
    store.containers.directory,
    'SELECT c.type, c.kind, c.date, c.registeredOn, c.staffId, c.createdBy FROM c WHERE c.tenantId = @t AND ((c.type = "company_contact" AND c.date >= @since) OR (c.type = "job_opening" AND c.registeredOn >= @since))',
    [
      { name: '@t', value: tenantId },
      { name: '@since', value: since },
    ],
    StoredActivitySchema,
    stats,
  );
}

const StoredActivitySchema = z
  .union([
    z.object({
      type: z.literal('company_contact'),
      kind: CompanyContactKindSchema,
      date: z.string(),
      staffId: z.string(),
    }),
    z.object({ type: z.literal('job_opening'), registeredOn: z.string(), createdBy: z.string() }),
  ])
  .transform((d): CompanyActivity =>
    d.type === 'company_contact'
      ? { kind: 'contact', date: d.date, staffId: d.staffId, contactKind: d.kind }
      : { kind: 'opening', date: d.registeredOn, staffId: d.createdBy },
  );
