import { handoverCard } from '../../../cards/visitation/handover-card';
import { staffName } from '../staff-name';
import type { HandlerContext } from '../feature';

export type HandoverDelivery = 'sent' | 'no_reference' | 'failed';

/**
 * Tells the new personal jobformidler, 1:1 and proactively, that a citizen (case reference only)
 * is theirs and when the first job conversation is. One attempt: if it cannot be delivered, the
 * case is in their "Mine borgere" anyway, and the screener is told so.
 */
export async function notifyJobformidler(
  ctx: HandlerContext,
  handover: { readonly caseRef: string; readonly jobformidlerId: string; readonly firstJobConversationAt: string },
): Promise<HandoverDelivery> {
  const { directory, notifier } = ctx.services;
  try {
    const screener = await directory.getUser(ctx.actor.tenantId, ctx.actor.userId);
    // The jobformidler's language is not known here; Danish is the house language.
    const card = handoverCard('da', {
      caseRef: handover.caseRef,
      firstJobConversationAt: handover.firstJobConversationAt,
      screenerName: staffName(screener, 'da', ctx.actor.userId),
    });
    const result = await notifier.sendToUser(ctx.actor.tenantId, handover.jobformidlerId, { card });
    ctx.log.info({ delivery: result.status }, 'Handover message to jobformidler');
    if (result.status === 'sent') return 'sent';
    return result.status === 'no_reference' ? 'no_reference' : 'failed';
  } catch (error) {
    ctx.log.warn({ err: error }, 'Handover message to jobformidler failed');
    return 'failed';
  }
}
