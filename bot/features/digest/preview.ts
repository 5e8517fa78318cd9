import { digestText as t } from '../../i18n/digest';
import { DigestSubscriptionRepository } from '../../store/digest-subscription-repository';
import { digestCard } from '../../../cards/digest/digest-card';
import { textReply, type HandlerContext, type Reply } from '../feature';
import { digestWeekOf } from './calendar';
import { computeDigest, digestView } from './compute-digest';
import { staffName } from '../staff-name';
import { scopeOf } from './subscriptions';
import { sendToUserWithRetry } from '../delivery/send-to-user';

/**
 * "vis ugerapport": this week's digest, privately to the leader who asks, with the per-jobformidler
 * workload that never goes to a channel. Asked in a channel, it uses that channel's subscription
 * (scope); the channel only hears that a private message is on its way.
 *
 * The turn answers at once and the digest is built afterwards: reading a large municipality can
 * take longer than Teams waits for a turn (about 15 s, after which it retries the message).
 */
export async function preview(ctx: HandlerContext): Promise<Reply[]> {
  const pending = buildAndSend(ctx).catch(async (e: unknown) => {
    ctx.log.error({ err: e }, 'Digest preview failed');
    await ctx.services.notifier
      .sendToUser(ctx.actor.tenantId, ctx.actor.userId, { text: t(ctx.actor.locale, 'preview.failed') })
      .catch(() => undefined);
  });
  previewsInFlight.add(pending);
  void pending.finally(() => previewsInFlight.delete(pending));
  return [textReply(t(ctx.actor.locale, 'preview.coming'))];
}

/** Previews being built (tests and shutdown can wait for them). */
const previewsInFlight = new Set<Promise<void>>();
export const previewsSettled = async (): Promise<void> => {
  await Promise.all([...previewsInFlight]);
};

async function buildAndSend(ctx: HandlerContext): Promise<void> {
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
  const names = new Map((await services.directory.listUsers(actor.tenantId)).map((u) => [u.userId, u]));
  const card = digestCard({
    locale: actor.locale,
    view: digestView(computed),
    scope: spec.scope,
    settings: computed.settings,
    workload: computed.computation.workload
      .filter((w) => w.caseload > 0 || w.overdue > 0 || w.companyContacts > 0)
      .map((w) => ({ ...w, name: staffName(names.get(w.userId), actor.locale, w.userId) })),
  });
  const sent = await sendToUserWithRetry(services, actor, { card });
  if (sent.status === 'sent') ctx.log.info({ outcome: sent.status }, 'Digest preview sent 1:1');
  else ctx.log.warn({ outcome: sent.status }, 'Digest preview could not be delivered 1:1');
}
