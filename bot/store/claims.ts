import type { Container } from '@azure/cosmos';
import { createOnce } from './documents';

/**
 * Once-only work across instances: the first instance to create the claim document does the work;
 * every other create gets 409 and skips it. Claims expire by TTL (and the purge sweep) after `ttlDays`.
 */
export async function claimOnce(
  runs: Container,
  tenantId: string,
  key: string,
  now: Date,
  holder: string,
  ttlDays = 60,
): Promise<boolean> {
  return createOnce(runs, {
    id: `claim:${key}`,
    tenantId,
    type: 'claim',
    schemaVersion: 1,
    key,
    claimedAt: now.toISOString(),
    holder,
    ttl: ttlDays * 86400,
    // The purge sweep's clock where TTL is not honoured (the embedded server).
    expiresAt: new Date(now.getTime() + ttlDays * 86400_000).toISOString(),
  });
}
