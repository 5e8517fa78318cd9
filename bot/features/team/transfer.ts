import { businessDate } from '../../domain/calendar';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import type { ReassignmentReason } from '../../domain/case';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';
import { rebuildCaseFacts } from '../case-work/rebuild-facts';
import { sendHandover } from '../visitation/handover';
import type { HandoverDelivery } from '../visitation/rules';
import { transferAnswerCard, transferAskCard } from '../../../cards/team/move-cards';
import { canMove, movedCase } from './rules';

/**
 * A jobformidler hands a case to a colleague "with the receiver's acceptance" (issue 15 item 4): the
 * request is stored on the case (`pendingTransfer`) and the colleague is asked 1:1; only the
 * colleague's "yes" (`case.transfer_accept`, theirs alone) moves the case. Both answers are told to
 * the one who asked. Every step is an audited write on the case.
 */
async function load(ctx: HandlerContext, caseRef: string): Promise<WithEtag<CaseDoc>> {
  const caseDoc = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError('case');
  return caseDoc;
}

async function nameOf(ctx: HandlerContext, userId: string): Promise<string> {
  return (await ctx.services.directory.getUser(ctx.actor.tenantId, userId))?.displayName ?? userId;
}

export async function requestTransfer(
  ctx: HandlerContext,
  caseRef: string,
  to: { readonly toUserId: string; readonly reason: ReassignmentReason },
): Promise<{ readonly delivery: HandoverDelivery; readonly toName: string }> {
  const caseDoc = await load(ctx, caseRef);
  const requestedAt = ctx.now.toISOString();
  await ctx.guard.run(
    {
      action: 'case.reassign',
      auditAction: 'case.transfer.request',
      kind: 'write',
      purpose: 'follow_up',
      caseRef,
      resource: ownershipOf(caseDoc),
    },
    async () => {
      if (!canMove(caseDoc, to.toUserId)) throw new InvalidInputError('input.case_closed');
      await new CaseRepository(ctx.services.store).replace({
        ...caseDoc,
        pendingTransfer: { toUserId: to.toUserId, reason: to.reason, requestedBy: ctx.actor.userId, requestedAt },
        updatedAt: requestedAt,
        updatedBy: ctx.actor.userId,
      });
    },
  );
  const fromName = await nameOf(ctx, ctx.actor.userId);
  const delivery = await sendHandover(
    ctx,
    to.toUserId,
    (language) => transferAskCard(language, { caseRef, fromName, reason: to.reason, requestedAt }),
    'case.transfer.request',
  );
  return { delivery, toName: await nameOf(ctx, to.toUserId) };
}

export type TransferAnswer = 'accepted' | 'declined' | 'gone';

/** The receiver's answer. `requestedAt` ties it to the request it was asked about (a newer one needs its own answer). */
export async function answerTransfer(
  ctx: HandlerContext,
  caseRef: string,
  requestedAt: string,
  accept: boolean,
): Promise<TransferAnswer> {
  const caseDoc = await load(ctx, caseRef);
  const cases = new CaseRepository(ctx.services.store);
  const outcome = await ctx.guard.run(
    {
      action: 'case.transfer_accept',
      auditAction: accept ? 'case.transfer.accept' : 'case.transfer.decline',
      kind: 'write',
      purpose: 'follow_up',
      caseRef,
      resource: ownershipOf(caseDoc),
    },
    async (): Promise<{ answer: TransferAnswer; requestedBy?: string }> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = attempt === 0 ? caseDoc : await load(ctx, caseRef);
        const pending = current.pendingTransfer;
        if (pending === undefined || pending.requestedAt !== requestedAt || pending.toUserId !== ctx.actor.userId)
          return { answer: 'gone' };
        if (accept && !canMove(current, ctx.actor.userId)) return { answer: 'gone' };
        const { pendingTransfer: _p, ...rest } = current;
        const next: CaseDoc = accept
          ? movedCase(
              current,
              { toUserId: ctx.actor.userId, reason: pending.reason, date: businessDate(ctx.now) },
              ctx.actor.userId,
              ctx.now,
            )
          : { ...rest, updatedAt: ctx.now.toISOString(), updatedBy: ctx.actor.userId };
        try {
          await cases.replace({ ...next, _etag: current._etag });
          if (accept) await rebuildCaseFacts(ctx, caseRef);
          return { answer: accept ? 'accepted' : 'declined', requestedBy: pending.requestedBy };
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new ConflictError('case');
    },
  );
  if (outcome.answer !== 'gone' && outcome.requestedBy !== undefined) {
    const name = await nameOf(ctx, ctx.actor.userId);
    const accepted = outcome.answer === 'accepted';
    await sendHandover(
      ctx,
      outcome.requestedBy,
      (language) => transferAnswerCard(language, { caseRef, name, accepted }),
      `case.transfer.${outcome.answer}`,
    );
  }
  return outcome.answer;
}
