import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { queryPage } from './documents';

/**
 * What the daily purge sweep (bot/features/retention/purge.ts) deletes: documents whose `expiresAt`
 * is past, or, with only a `ttl`, whose `_ts + ttl` is past. Ids only, a page at a time.
 */
export const ExpiredRefSchema = z.object({
  id: z.string(),
  tenantId: z.string().optional(),
  caseRef: z.string().optional(),
  type: z.string().optional(),
  expiresAt: z.string().optional(),
});
export type ExpiredRef = z.infer<typeof ExpiredRefSchema>;

export async function findExpired(container: Container, now: Date): Promise<ExpiredRef[]> {
  const found: ExpiredRef[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await queryPage(
      container,
      {
        // Cross-tenant on purpose: a system sweep over what has expired, projected to ids only.
        query:
          'SELECT c.id, c.tenantId, c.caseRef, c.type, c.expiresAt FROM c WHERE c.expiresAt <= @now OR (NOT IS_DEFINED(c.expiresAt) AND IS_NUMBER(c.ttl) AND c.ttl > 0 AND c._ts + c.ttl <= @nowSeconds)',
        parameters: [
          { name: '@now', value: now.toISOString() },
          { name: '@nowSeconds', value: Math.floor(now.getTime() / 1000) },
        ],
      },
      ExpiredRefSchema,
      { maxItemCount: 500, continuationToken },
    );
    found.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return found;
}
