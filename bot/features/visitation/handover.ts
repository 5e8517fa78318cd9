import { handoverCard, rehabHandoverCard } from '../../../cards/visitation/handover-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';

export type HandoverDelivery = 'sent' | 'no_reference' | 'failed';

/**
 * Sends a handover card 1:1 to a colleague and says honestly what happened: sent, not reachable
 * yet (no 1:1 chat with the bot), or failed. One attempt here: the case is in their "Mine borgere"
 * anyway, and the one who acted is told when the message did not arrive.
 */
export async function sendHandover(
  ctx: HandlerContext,
  userId: string,
  card: AdaptiveCard,
  what: string,
): Promise<HandoverDelivery> {
  try {
    const result = await ctx.services.notifier.sendToUser(ctx.actor.tenantId, userId, { card });
    ctx.log.info({ delivery: result.status, what }, 'Handover message to a colleague');
    if (result.status === 'sent') return 'sent';
    return result.status === 'no_reference' ? 'no_reference' : 'failed';
  } catch (error) {
    ctx.log.warn({ err: error, what }, 'Handover message to a colleague failed');
    return 'failed';
  }
}

async function nameOfActor(ctx: HandlerContext): Promise<string> {
  return (await ctx.services.directory.getUser(ctx.actor.tenantId, ctx.actor.userId))?.displayName ?? '';
}

/**
 * Tells the new personal jobformidler, 1:1 and proactively, that a citizen (case reference only)
 * is theirs and when the first job conversation is.
 */
export async function notifyJobformidler(
  ctx: HandlerContext,
  handover: { readonly caseRef: string; readonly jobformidlerId: string; readonly firstJobConversationAt: string },
): Promise<HandoverDelivery> {
  // The jobformidler's language is not known here; Danish is the house language.
  const card = handoverCard('da', {
    caseRef: handover.caseRef,
    firstJobConversationAt: handover.firstJobConversationAt,
    screenerName: await nameOfActor(ctx),
  });
  return sendHandover(ctx, handover.jobformidlerId, card, 'handover.g1');
}

/** Tells the owner of a group 2 case, 1:1, that the citizen is theirs and when the rehabilitation team meets. */
export async function notifyCaseworker(
  ctx: HandlerContext,
  handover: { readonly caseRef: string; readonly ownerId: string; readonly meetingAt: string },
): Promise<HandoverDelivery> {
  const card = rehabHandoverCard('da', {
    caseRef: handover.caseRef,
    meetingAt: handover.meetingAt,
    byName: await nameOfActor(ctx),
  });
  return sendHandover(ctx, handover.ownerId, card, 'handover.g2');
}
