import { visitationText as t } from '../../i18n/visitation';
import type { OutboundMessage, Services } from '../../services';
import { PendingNoticeRepository, handoverNoticeId, type HandoverNotice } from '../../store/pending-notice-repository';
import { handoverCard } from '../../../cards/visitation/handover-card';
import type { HandlerContext } from '../feature';

/**
 * What the screener is told about the message to the jobformidler: delivered; not yet (Teams
 * refused it, the scheduler keeps trying); not yet because the jobformidler never opened
 * Fremdrift (kept trying too); or it could not even be kept for later (the store failed).
 */
export type HandoverDelivery = 'sent' | 'pending' | 'no_reference' | 'failed';

/** How long Fremdrift keeps trying before it gives up and tells the screener. */
export const HANDOVER_GIVE_UP_AFTER_MS = 3 * 24 * 3600_000;
/** A notice left behind after giving up is purged after this (in case it was never removed). */
const NOTICE_TTL_DAYS = 7;

/** The handover message (Danish: the jobformidler's language is not known here, Danish is the house language). */
export async function handoverMessage(
  services: Pick<Services, 'directory'>,
  tenantId: string,
  handover: Pick<HandoverNotice, 'caseRef' | 'fromUserId' | 'firstJobConversationAt'>,
): Promise<OutboundMessage> {
  const screener = await services.directory.getUser(tenantId, handover.fromUserId);
  return {
    card: handoverCard('da', {
      caseRef: handover.caseRef,
      firstJobConversationAt: handover.firstJobConversationAt,
      screenerName: screener?.displayName ?? '',
    }),
  };
}

/**
 * Tells the new personal jobformidler, 1:1 and proactively, that a citizen (case reference only)
 * is theirs and when the first job conversation is. One attempt within the turn (the card must
 * answer in seconds); if Teams refuses it, a pending notice in `runs` is picked up by the
 * scheduler (handover-notices.ts), which retries until it is delivered or gives up and tells the
 * screener. The case is in the jobformidler's "Mine borgere" either way.
 */
export async function notifyJobformidler(
  ctx: HandlerContext,
  handover: { readonly caseRef: string; readonly jobformidlerId: string; readonly firstJobConversationAt: string },
): Promise<HandoverDelivery> {
  const { services } = ctx;
  const tenantId = ctx.actor.tenantId;
  try {
    const draft = { ...handover, fromUserId: ctx.actor.userId };
    const result = await services.notifier.sendToUser(
      tenantId,
      handover.jobformidlerId,
      await handoverMessage(services, tenantId, draft),
    );
    ctx.log.info({ delivery: result.status }, 'Handover message to jobformidler');
    if (result.status === 'sent') return 'sent';
    const now = ctx.now.getTime();
    await new PendingNoticeRepository(services.store).save({
      id: handoverNoticeId(handover.caseRef),
      tenantId,
      type: 'pending_notice',
      schemaVersion: 1,
      kind: 'handover',
      caseRef: handover.caseRef,
      toUserId: handover.jobformidlerId,
      fromUserId: ctx.actor.userId,
      fromLocale: ctx.actor.locale,
      firstJobConversationAt: handover.firstJobConversationAt,
      createdAt: new Date(now).toISOString(),
      giveUpAt: new Date(now + HANDOVER_GIVE_UP_AFTER_MS).toISOString(),
      ttl: NOTICE_TTL_DAYS * 86400,
      expiresAt: new Date(now + NOTICE_TTL_DAYS * 86400_000).toISOString(),
    });
    return result.status === 'no_reference' ? 'no_reference' : 'pending';
  } catch (error) {
    ctx.log.warn({ err: error }, 'Handover message to jobformidler failed');
    return 'failed';
  }
}

/** The screener's 1:1 message when Fremdrift gave up telling the jobformidler. */
export function gaveUpText(notice: HandoverNotice, jobformidlerName: string): string {
  return t(notice.fromLocale, 'handover.gave_up', { name: jobformidlerName, caseRef: notice.caseRef });
}
