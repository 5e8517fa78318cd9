import { Guard, type AuditChannel } from '../access/guard';
import type { Actor } from '../domain/actor';
import { isConfiguredAdmin } from '../config';
import { isRole, type Role } from '../domain/roles';
import type { ConversationInfo, HandlerContext } from '../features/feature';
import type { Locale } from '../i18n/locale';
import type { Services } from '../services';

/**
 * The handler context for a user: their roles as stored (plus the configured first admins), a guard
 * that audits in the venue the request came from, and a child logger. Turns and the file download
 * route build it the same way, so a file made later is made under the same rules as a reply.
 */
export function handlerContextFor(
  services: Services,
  who: { tenantId: string; userId: string; locale: Locale; storedRoles: readonly string[] },
  where: { conversation: ConversationInfo; channel: AuditChannel },
  correlationId: string,
  now: Date,
  /** For a turn that settles its guard before answering: its reads go into one audit entry per action and purpose. */
  options: { batchReads?: boolean } = {},
): HandlerContext {
  const roles = new Set<Role>(who.storedRoles.filter(isRole));
  if (isConfiguredAdmin(services.config, who.userId)) roles.add('admin');
  const actor: Actor = { tenantId: who.tenantId, userId: who.userId, roles: [...roles], locale: who.locale };
  return {
    actor,
    services,
    now,
    correlationId,
    conversation: where.conversation,
    guard: new Guard(services.audit, actor, {
      correlationId,
      channel: where.channel,
      now: () => services.clock.now(),
      batchReads: options.batchReads === true,
    }),
    log: services.log.child({ correlationId }),
  };
}
