import { hasName, type UserDoc } from '../../store/directory-repository';
import type { HandlerContext } from '../feature';
import { isEntraObjectId } from './set-roles';

export type Colleague = { readonly userId: string; readonly user: UserDoc | undefined } | 'unknown' | 'ambiguous';

/**
 * The colleague an admin named in a command: an Entra object id as it is, or a name the bot knows
 * (case and spacing do not matter). Two colleagues with the same name are not guessed between.
 */
export async function resolveColleague(ctx: HandlerContext, who: string): Promise<Colleague> {
  const typed = who.trim().replace(/\s+/g, ' ');
  if (isEntraObjectId(typed)) {
    const userId = typed.toLowerCase();
    return { userId, user: await ctx.services.directory.getUser(ctx.actor.tenantId, userId) };
  }
  const wanted = typed.toLocaleLowerCase('da');
  const matches = (await ctx.services.directory.listUsers(ctx.actor.tenantId)).filter(
    (u) => hasName(u) && u.displayName.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === wanted,
  );
  if (matches.length === 0) return 'unknown';
  if (matches.length > 1) return 'ambiguous';
  return { userId: matches[0]!.userId, user: matches[0] };
}
