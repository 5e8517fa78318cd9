import type { SqlParameter } from '@azure/cosmos';
import { z } from 'zod';
import { CaseFactsSchema, SensitiveFactsSchema, type CaseFacts, type SensitiveFacts } from '../../domain/case-facts';
import type { Store } from '../../store/cosmos-store';
import { queryPage } from '../../store/documents';

/**
 * Reads the case facts projection a page at a time (continuation tokens; the embedded server has no
 * OFFSET/LIMIT), always scoped by tenant and document type in WHERE. Each document is checked with
 * its zod schema; one that does not match is counted and skipped, so a single bad projection cannot
 * stop a municipality's digest (the writer rebuilds it on the case's next change).
 */
export interface FactsFilter {
  /** Team scope: only cases assigned to these jobformidlere. */
  readonly jobformidlerIds?: readonly string[];
}

export interface ReadStats {
  read: number;
  skipped: number;
}

const AnyDoc = z.record(z.string(), z.unknown());
export const FACTS_PAGE_SIZE = 1000;

async function* pages<T>(
  container: Parameters<typeof queryPage>[0],
  query: string,
  parameters: SqlParameter[],
  schema: z.ZodType<T>,
  stats: ReadStats,
): AsyncGenerator<T[]> {
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(container, { query, parameters }, AnyDoc, {
      maxItemCount: FACTS_PAGE_SIZE,
      continuationToken,
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
    query += ' AND ARRAY_CONTAINS(@j, c.assignedJobformidlerId)';
    parameters.push({ name: '@j', value: [...filter.jobformidlerIds] });
  }
  return pages(store.containers.cases, query, parameters, CaseFactsSchema, stats);
}

export function sensitiveFactsPages(
  store: Store,
  tenantId: string,
  stats: ReadStats,
): AsyncGenerator<SensitiveFacts[]> {
  return pages(
    store.containers.sensitive,
    'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "sensitive_facts"',
    [{ name: '@t', value: tenantId }],
    SensitiveFactsSchema,
    stats,
  );
}
