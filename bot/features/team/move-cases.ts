import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors';
import type { ReassignmentReason } from '../../domain/case';
import { CaseRepository } from '../../store/case-repository';
import type { HandlerContext } from '../feature';
import { rebuildCaseFacts } from '../case-work/rebuild-facts';
import { sendHandover } from '../visitation/handover';
import type { HandoverDelivery } from '../visitation/rules';
import { movedCardForReceiver } from '../../../cards/team/move-cards';
import { ownershipWithTeam, teamOfLeader, type LeaderTeam } from './leader-team';
import { canMove, movedCase, type Move } from './rules';

export interface MoveResult {
  readonly moved: readonly string[];
  readonly skipped: readonly string[];
  readonly delivery?: HandoverDelivery | undefined;
}

/**
 * A leader moves cases of their team to another jobformidler of the team (issue 15 item 4): each
 * case is an audited write (`case.reassign`, purpose administration) allowed only for a case whose
 * jobformidler is in the leader's team; the new jobformidler is told 1:1 once, with every case moved,
 * and the old one loses access (the policy follows `assignedJobformidlerId`). A case that was closed
 * or moved meanwhile, or is not the leader's to move, is skipped and counted.
 */
export async function moveCases(
  ctx: HandlerContext,
  caseRefs: readonly string[],
  move: Move,
  team?: LeaderTeam,
  /** Move only cases that are this jobformidler's now (a batch drawn from one caseload). */
  onlyFrom?: string,
): Promise<MoveResult> {
  const resolved = team ?? (await teamOfLeader(ctx));
  const moved: string[] = [];
  const skipped: string[] = [];
  for (const caseRef of caseRefs) {
    try {
      if (await moveOne(ctx, caseRef, move, resolved, onlyFrom)) moved.push(caseRef);
      else skipped.push(caseRef);
    } catch (e) {
      // One case the leader may not move (another team's) must not stop the others; it is in the log as denied.
      if (e instanceof ForbiddenError || e instanceof NotFoundError) skipped.push(caseRef);
      // A date before one case's current assignment: shown on the form for one case, skipped in a batch.
      else if (e instanceof InvalidInputError && caseRefs.length > 1) skipped.push(caseRef);
      else throw e;
    }
  }
  const delivery = moved.length > 0 ? await tellReceiver(ctx, move, moved) : undefined;
  return { moved, skipped, delivery };
}

async function moveOne(
  ctx: HandlerContext,
  caseRef: string,
  move: Move,
  team: LeaderTeam,
  onlyFrom: string | undefined,
): Promise<boolean> {
  const cases = new CaseRepository(ctx.services.store);
  const first = await cases.get(ctx.actor.tenantId, caseRef);
  if (first === undefined) throw new NotFoundError('case');
  return ctx.guard.run(
    {
      action: 'case.reassign',
      auditAction: 'case.reassign',
      kind: 'write',
      purpose: 'administration',
      caseRef,
      resource: await ownershipWithTeam(ctx, first, team),
    },
    async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = attempt === 0 ? first : await cases.get(ctx.actor.tenantId, caseRef);
        if (current === undefined || !canMove(current, move.toUserId)) return false;
        if (onlyFrom !== undefined && current.assignedJobformidlerId !== onlyFrom) return false;
        try {
          await cases.replace({ ...movedCase(current, move, ctx.actor.userId, ctx.now), _etag: current._etag });
          await rebuildCaseFacts(ctx, caseRef);
          return true;
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new ConflictError('case');
    },
  );
}

/** One 1:1 message to the new jobformidler with every case they got; the status is reported honestly. */
export async function tellReceiver(
  ctx: HandlerContext,
  move: { readonly toUserId: string; readonly reason: ReassignmentReason; readonly date: string },
  caseRefs: readonly string[],
): Promise<HandoverDelivery> {
  const by = (await ctx.services.directory.getUser(ctx.actor.tenantId, ctx.actor.userId))?.displayName ?? '';
  return sendHandover(
    ctx,
    move.toUserId,
    (language) => movedCardForReceiver(language, { caseRefs, reason: move.reason, date: move.date, byName: by }),
    'case.reassign',
  );
}
