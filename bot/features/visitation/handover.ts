import { visitationText as t } from '../../i18n/visitation';
import type { OutboundMessage, Services } from '../../services';
import { PendingNoticeRepository, handoverNoticeId, type HandoverNotice } from '../../store/pending-notice-repository';
import { handoverCard, rehabHandoverCard } from '../../../cards/visitation/handover-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { Locale } from '../../i18n/locale';
import { staffName } from '../staff-name';
import type { HandoverDelivery } from './rules';
import type { HandlerContext } from '../feature';
import { languageOfRecipient } from '../language/recipient-language';

/** How long Fremdrift keeps trying before it gives up and tells the screener. */
export const HANDOVER_GIVE_UP_AFTER_MS = 3 * 24 * 3600_000;
/** A notice left behind after giving up is purged after this (in case it was never removed). */
const NOTICE_TTL_DAYS = 7;

/**
 * The handover message, in the jobformidler's language (their choice, else what Teams last said),
 * never the screener's; built again on every retry, so a language chosen meanwhile is used.
 */
export async function handoverMessage(
  services: Pick<Services, 'directory' | 'config'>,
  tenantId: string,
  handover: Pick<HandoverNotice, 'caseRef' | 'fromUserId' | 'toUserId' | 'firstJobConversationAt'>,
): Promise<OutboundMessage> {
  const [screener, language] = await Promise.all([
    services.directory.getUser(tenantId, handover.fromUserId),
    languageOfRecipient(services, tenantId, handover.toUserId),
  ]);
  return {
    card: handoverCard(language, {
      caseRef: handover.caseRef,
      firstJobConversationAt: handover.firstJobConversationAt,
      screenerName: staffName(screener, language, handover.fromUserId),
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
    const draft = { ...handover, fromUserId: ctx.actor.userId, toUserId: handover.jobformidlerId };
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

/**
 * Sends a card 1:1 to a colleague (a group 2 owner, a transfer asked or answered, moved cases), built
 * in the recipient's language, and says honestly what happened: sent, not reachable yet (no 1:1 chat
 * with the bot), or failed. One attempt here: the case is in their "Mine borgere" anyway, and the
 * one who acted is told when the message did not arrive.
 */
export async function sendHandover(
  ctx: HandlerContext,
  userId: string,
  cardIn: (language: Locale) => AdaptiveCard,
  what: string,
): Promise<Exclude<HandoverDelivery, 'pending'>> {
  try {
    const language = await languageOfRecipient(ctx.services, ctx.actor.tenantId, userId);
    const result = await ctx.services.notifier.sendToUser(ctx.actor.tenantId, userId, { card: cardIn(language) });
    ctx.log.info({ delivery: result.status, what }, 'Handover message to a colleague');
    if (result.status === 'sent') return 'sent';
    return result.status === 'no_reference' ? 'no_reference' : 'failed';
  } catch (error) {
    ctx.log.warn({ err: error, what }, 'Handover message to a colleague failed');
    return 'failed';
  }
}

/** Tells the owner of a group 2 case, 1:1, that the citizen is theirs and when the rehabilitation team meets. */
export async function notifyCaseworker(
  ctx: HandlerContext,
  handover: { readonly caseRef: string; readonly ownerId: string; readonly meetingAt: string },
): Promise<HandoverDelivery> {
  const by = await ctx.services.directory.getUser(ctx.actor.tenantId, ctx.actor.userId);
  return sendHandover(
    ctx,
    handover.ownerId,
    (language) =>
      rehabHandoverCard(language, {
        caseRef: handover.caseRef,
        meetingAt: handover.meetingAt,
        byName: staffName(by, language, ctx.actor.userId),
      }),
    'handover.g2',
  );
}

/** The screener's 1:1 message when Fremdrift gave up telling the jobformidler, in the screener's language. */
export async function gaveUpText(
  services: Pick<Services, 'directory' | 'config'>,
  notice: HandoverNotice,
  jobformidlerName: string,
): Promise<string> {
  const language = await languageOfRecipient(services, notice.tenantId, notice.fromUserId);
  return t(language, 'handover.gave_up', { name: jobformidlerName, caseRef: notice.caseRef });
}
