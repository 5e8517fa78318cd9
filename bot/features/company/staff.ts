import type { HandlerContext } from '../feature';

/** Staff by name (people by name, never a raw Entra id) and who may keep a company relation. */
export interface Staff {
  readonly names: ReadonlyMap<string, string>;
  /** Jobformidlere and virksomhedskonsulenter: those who may own a company. */
  readonly owners: readonly { readonly userId: string; readonly name: string }[];
}

export async function staffOf(ctx: HandlerContext): Promise<Staff> {
  const users = await ctx.services.directory.listUsers(ctx.actor.tenantId);
  return {
    names: new Map(users.map((u) => [u.userId, u.displayName])),
    owners: users
      .filter((u) => u.roles.includes('jobformidler') || u.roles.includes('virksomhedskonsulent'))
      .map((u) => ({ userId: u.userId, name: u.displayName })),
  };
}

export const nameOf = (staff: Staff, userId: string, fallback: string): string => staff.names.get(userId) ?? fallback;
