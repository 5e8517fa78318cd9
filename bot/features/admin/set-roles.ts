import { InvalidInputError } from '../../domain/errors';
import { isRole, type Role } from '../../domain/roles';
import type { UserDoc } from '../../store/directory-repository';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';
import { isConfiguredAdmin } from '../../config';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses a comma-separated role list as sent by a multi-select; unknown names are an error. */
export function parseRoles(value: string | undefined): Role[] {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.find((n) => !isRole(n));
  if (bad !== undefined) throw new InvalidInputError('error.invalid_choice', { field: 'roles' }, 'roles');
  return [...new Set(names as Role[])];
}

export const isEntraObjectId = (value: string): boolean => GUID.test(value);

/**
 * Sets a staff member's roles, as an admin. Audited as an administrative write. An admin cannot
 * remove their own admin role (so a tenant cannot lose its last admin by accident); an admin named in
 * ADMIN_AAD_OBJECT_IDS stays admin whatever is stored, so their other roles can be saved freely.
 */
export async function setRoles(
  ctx: HandlerContext,
  userId: string,
  roles: readonly Role[],
  displayName?: string,
  /** The user as the caller just read it, so the save does not read it again. */
  known?: { readonly existing: WithEtag<UserDoc> | undefined },
): Promise<UserDoc | 'self_admin'> {
  const self = userId.toLowerCase() === ctx.actor.userId;
  if (
    self &&
    ctx.actor.roles.includes('admin') &&
    !roles.includes('admin') &&
    !isConfiguredAdmin(ctx.services.config, userId)
  )
    return 'self_admin';
  return ctx.guard.run(
    { action: 'roles.manage', kind: 'write', purpose: 'administration', auditAction: 'roles.set' },
    () =>
      ctx.services.directory.setRoles(
        ctx.actor.tenantId,
        userId.toLowerCase(),
        roles,
        ctx.actor.userId,
        ctx.now,
        displayName,
        known,
      ),
  );
}
