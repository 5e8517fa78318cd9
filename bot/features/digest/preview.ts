import { digestText as t } from '../../i18n/digest';
import { DigestSubscriptionRepository } from '../../store/digest-subscription-repository';
import { digestCard } from '../../../cards/digest/digest-card';
import type { AdaptiveCard } from '../../../cards/types';
import { cardReply, textReply, type HandlerContext, type Reply } from '../feature';
import { digestWeekOf } from './calendar';
import { computeDigest, digestView } from './compute-digest';
import { scopeOf } from './subscriptions';

/**
 * "vis ugerapport": this week's digest, privately to the leader who asks, with the per-jobformidler
 * workload that never goes to a channel. Asked in a channel, it uses that channel's subscription
 * (scope) and answers there only that a private message was sent; the figures go 1:1.
 */
export async function preview(ctx: HandlerContext): Promise<Reply[]> {
  const { actor, conversation, services } = ctx;
  const inChannel = conversation.kind === 'channel' && conversation.channelId !== undefined;
  const subscription = inChannel
    ? await new DigestSubscriptionRepository(services.store).get(actor.tenantId, conversation.channelId ?? '')
    : undefined;
  const installation =
    conversation.teamId !== undefined
      ? await services.directory.getInstallation(actor.tenantId, conversation.teamId)
      : undefined;
  const spec = await scopeOf(services, subscription?.active ? subscription : undefined, installation);
  const settings = await services.directory.getSettings(actor.tenantId);
  const week = digestWeekOf(ctx.now, settings.timeZone);

  // One audited read of the municipality's case facts, for management information.
  const computed = await ctx.guard.run(
    { action: 'digest.preview', kind: 'read', purpose: 'management_information', auditAction: 'digest.preview' },
    () => computeDigest(services, actor.tenantId, spec, week),
  );
  const names = new Map((await services.directory.listUsers(actor.tenantId)).map((u) => [u.userId, u.displayName]));
  const card: AdaptiveCard = digestCard({
    locale: actor.locale,
    view: digestView(computed),
    scope: spec.scope,
    settings: computed.settings,
    workload: computed.computation.workload
      .filter((w) => w.caseload > 0 || w.overdue > 0)
      .map((w) => ({ ...w, name: names.get(w.userId) ?? w.userId })),
  });

  if (conversation.kind === 'personal') return [cardReply(card)];
  const sent = await services.notifier.sendToUser(actor.tenantId, actor.userId, { card });
  ctx.log.info({ outcome: sent.status }, 'Digest preview sent 1:1');
  return [textReply(t(actor.locale, sent.status === 'sent' ? 'preview.sent' : 'preview.failed'))];
}
