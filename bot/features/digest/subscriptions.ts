import { digestText as t } from '../../i18n/digest';
import type { Services } from '../../services';
import type { InstallationDoc } from '../../store/directory-repository';
import {
  DigestSubscriptionRepository,
  subscriptionIdFor,
  type DigestSubscription,
} from '../../store/digest-subscription-repository';
import type { HandlerContext } from '../feature';
import type { ScopeSpec } from './compute-digest';
import { mergeOptions, nextDue, parseSubscriptionOptions, type SubscriptionOptions } from './rules';

/**
 * Subscribing a channel to the weekly digest, and stopping it. Called from a channel message that
 * mentions the bot; the router has already checked the `digest.subscribe` permission (leaders).
 * Nothing is written unless the whole command was understood.
 */
const TIME_ZONE = 'Europe/Copenhagen';

export async function subscribe(ctx: HandlerContext, rest: string): Promise<string> {
  const { actor, conversation, services } = ctx;
  const locale = actor.locale;
  if (conversation.kind !== 'channel' || conversation.teamId === undefined || conversation.channelId === undefined)
    return t(locale, 'subscribe.only_in_channel');
  const parsed = parseSubscriptionOptions(rest);
  if (!parsed.ok)
    return t(locale, parsed.problem === 'bad_time' ? 'subscribe.bad_time' : 'subscribe.unknown_words', {
      value: parsed.value,
      words: parsed.value,
    });
  const installation = await services.directory.getInstallation(actor.tenantId, conversation.teamId);
  if (installation === undefined) return t(locale, 'subscribe.no_installation');
  const repo = new DigestSubscriptionRepository(services.store);
  const existing = await repo.get(actor.tenantId, conversation.channelId);
  const options = mergeOptions(parsed.options, existing?.active ? optionsOf(existing) : undefined);
  let memberIds: string[] | undefined;
  if (options.scope === 'team') {
    memberIds = await services.notifier.teamMemberIds(installation);
    if (memberIds === undefined) return t(locale, 'subscribe.no_team_members');
  }

  const now = ctx.now.toISOString();
  const subscription: DigestSubscription = {
    id: subscriptionIdFor(conversation.channelId),
    tenantId: actor.tenantId,
    type: 'digest_subscription',
    schemaVersion: 1,
    teamId: conversation.teamId,
    channelId: conversation.channelId,
    scope: options.scope,
    ...(memberIds !== undefined ? { memberIds } : {}),
    weekday: options.weekday,
    time: options.time,
    timeZone: TIME_ZONE,
    locale: options.locale,
    active: true,
    activeSince: existing?.active ? existing.activeSince : now,
    createdAt: existing?.createdAt ?? now,
    createdBy: existing?.createdBy ?? actor.userId,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  await repo.save(subscription);
  ctx.log.info({ scope: options.scope, weekday: options.weekday }, 'Digest subscription saved');

  const first = nextDue(ctx.now, options.weekday, options.time, TIME_ZONE);
  return t(locale, 'subscribe.done', {
    scope: t(locale, `scope.${options.scope}`),
    weekday: t(locale, `weekday.${options.weekday}`),
    time: options.time,
    language: t(locale, `language.${options.locale}`),
    change: t(locale, `subscribe.change.${options.locale}`),
    first: new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    }).format(first),
  });
}

const optionsOf = (s: DigestSubscription): SubscriptionOptions => ({
  scope: s.scope,
  weekday: s.weekday as SubscriptionOptions['weekday'],
  time: s.time,
  locale: s.locale,
});

export async function unsubscribe(ctx: HandlerContext): Promise<string> {
  const { actor, conversation, services } = ctx;
  if (conversation.kind !== 'channel' || conversation.channelId === undefined)
    return t(actor.locale, 'subscribe.only_in_channel');
  const repo = new DigestSubscriptionRepository(services.store);
  const existing = await repo.get(actor.tenantId, conversation.channelId);
  if (existing === undefined || !existing.active) return t(actor.locale, 'unsubscribe.none');
  await repo.replace({
    ...existing,
    active: false,
    deactivatedReason: 'unsubscribed',
    updatedAt: ctx.now.toISOString(),
    updatedBy: actor.userId,
  });
  return t(actor.locale, 'unsubscribe.done');
}

/**
 * Which cases a digest covers. Team scope asks Teams for the team's members each time (people join
 * and leave) and falls back to the members seen last time if Teams cannot answer.
 */
export async function scopeOf(
  services: Pick<Services, 'notifier'>,
  subscription: Pick<DigestSubscription, 'id' | 'scope' | 'memberIds' | 'teamId'> | undefined,
  installation: InstallationDoc | undefined,
): Promise<ScopeSpec & { readonly memberIdsChanged?: readonly string[] }> {
  if (subscription === undefined || subscription.scope === 'municipality')
    return { scope: 'municipality', scopeKey: 'municipality' };
  const fresh = installation !== undefined ? await services.notifier.teamMemberIds(installation) : undefined;
  const ids = fresh ?? subscription.memberIds ?? [];
  const changed = fresh !== undefined && fresh.join() !== (subscription.memberIds ?? []).join();
  return {
    scope: 'team',
    scopeKey: `team:${subscription.id}`,
    jobformidlerIds: ids,
    teamId: subscription.teamId,
    ...(changed ? { memberIdsChanged: fresh } : {}),
  };
}
