import { randomUUID } from 'node:crypto';
import { Guard } from '../../../access/guard';
import type { Role } from '../../../domain/roles';
import type { HandlerContext } from '../../../features/feature';
import type { Services } from '../../../services';

/**
 * The handler context a turn of `userId` would get at `now` (bot/teams/app.ts builds the same for
 * real turns): the synthetic municipality and the fault benchmarks call the app's own use cases with
 * it, so policy checks and audit entries happen exactly as in a conversation, dated `now`.
 */
export function actingAs(
  services: Services,
  actor: { readonly tenantId: string; readonly userId: string; readonly roles: readonly Role[] },
  now: Date,
): HandlerContext {
  const correlationId = randomUUID();
  const full = { ...actor, locale: 'da' as const };
  return {
    actor: full,
    services,
    now,
    correlationId,
    conversation: { id: `seed:${actor.userId}`, kind: 'personal', botId: '28:fremdrift-seed' },
    guard: new Guard(services.audit, full, { correlationId, channel: 'personal', now: () => now }),
    log: services.log,
  };
}
