import { hasRole } from '../../domain/actor';
import type { CaseOwnership } from '../../domain/policy';
import type { CaseDoc } from '../../store/case-repository';
import type { InstallationDoc } from '../../store/directory-repository';
import type { HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';

/**
 * A leader's team, as Teams knows it: the members of every team (with Fremdrift installed) that the
 * leader is a member of. The same roster the team-scoped digest uses; there is no second list of
 * teams to keep in step. Read from Teams at the moment it is needed (people join and leave).
 */
export interface LeaderTeam {
  /** Entra object ids (lower case) of the leader's colleagues in those teams, the leader excluded. */
  readonly memberIds: ReadonlySet<string>;
  /** How many of the tenant's teams the leader is in (0: Fremdrift does not know the leader's team). */
  readonly teams: number;
}

async function teamInstallations(ctx: Pick<HandlerContext, 'services' | 'actor'>): Promise<InstallationDoc[]> {
  const out: InstallationDoc[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await ctx.services.directory.listInstallations(ctx.actor.tenantId, {
      maxItemCount: 100,
      continuationToken,
    });
    out.push(...page.items.filter((i) => i.scope === 'team' && i.teamId !== undefined));
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  // One installation per team (a team's channels share its roster).
  return [...new Map(out.map((i) => [i.teamId, i])).values()];
}

export async function teamOfLeader(
  ctx: Pick<HandlerContext, 'services' | 'actor'>,
  leaderId: string = ctx.actor.userId,
): Promise<LeaderTeam> {
  const me = leaderId.toLowerCase();
  const members = new Set<string>();
  let teams = 0;
  for (const installation of await teamInstallations(ctx)) {
    const ids = await ctx.services.notifier.teamMemberIds(installation);
    if (ids === undefined || !ids.map((i) => i.toLowerCase()).includes(me)) continue;
    teams++;
    for (const id of ids) if (id.toLowerCase() !== me) members.add(id.toLowerCase());
  }
  return { memberIds: members, teams };
}

/** Who is responsible for a case now: its jobformidler, or the owner of a group 2 case. */
export const ownerOf = (c: Pick<CaseDoc, 'assignedJobformidlerId' | 'caseworkerId'>): string | undefined =>
  c.assignedJobformidlerId ?? c.caseworkerId;

/**
 * The case's owners for the policy, with the acting leader named among its team leaders when the
 * case's owner is in the leader's team. Only a leader's turn asks Teams for the roster.
 */
export async function ownershipWithTeam(
  ctx: Pick<HandlerContext, 'services' | 'actor'>,
  caseDoc: CaseDoc,
  team?: LeaderTeam,
): Promise<CaseOwnership> {
  if (!hasRole(ctx.actor, 'leder')) return ownershipOf(caseDoc);
  const owner = ownerOf(caseDoc)?.toLowerCase();
  const resolved = team ?? (await teamOfLeader(ctx));
  const inTeam = owner !== undefined && resolved.memberIds.has(owner);
  return ownershipOf(caseDoc, inTeam ? [ctx.actor.userId] : []);
}
