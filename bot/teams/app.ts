import { randomUUID } from 'node:crypto';
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { Application, type TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { common } from '../i18n/common';
import { languageOf, resolveLocale, type Locale } from '../i18n/locale';
import type { FeatureRouter } from '../features/router';
import type { HandlerContext, Reply } from '../features/feature';
import type { OnboardingFeature } from '../features/onboarding/handlers';
import { errorToText } from '../features/errors-to-text';
import type { Services } from '../services';
import { messageCard } from '../../cards/common/message-card';
import type { AdaptiveCard } from '../../cards/types';
import { identify, InboundActivitySchema, tenantOf, type InboundActivity, type TurnIdentity } from './activity-input';
import { fileAttachmentOf } from './file-attachments';
import { InstallationCapture } from './installation-capture';
import { handlerContextFor } from './handler-context';
import type { FileDelivery } from './file-delivery';

/**
 * The teams-ai Application: the only place routes are bound to the SDK. Each route turns the
 * activity into plain input, builds the handler context, and hands over to the feature router.
 */
export function createTeamsApp(deps: {
  adapter: TeamsAdapter;
  services: Services;
  router: FeatureRouter;
  onboarding: OnboardingFeature;
  files: FileDelivery;
}): Application<TurnState> {
  const { adapter, services, router, onboarding, files } = deps;
  const { config, log } = services;
  const capture = new InstallationCapture(services.directory);
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.MICROSOFT_APP_ID ?? '',
    // No storage: nothing reads teams-ai turn state (flows keep their progress in their own
    // documents), so loading and saving it would cost two store requests per turn for nothing.
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
    adaptiveCards: { actionSubmitFilter: 'verb' },
  });

  /** Before the user is known (refusals, failures): the configured default, else what Teams sent. */
  const defaultLocale = (teamsLocale: Locale): Locale => languageOf(undefined, config.DEFAULT_LANGUAGE, teamsLocale);

  const tenantAllowed = (tenantId: string): boolean =>
    config.ALLOWED_TENANT_IDS.length === 0 || config.ALLOWED_TENANT_IDS.includes(tenantId);

  /** Resolves who is acting; records refusals. Undefined means the turn was answered already. */
  async function begin(context: TurnContext): Promise<HandlerContext | { refusal: string } | undefined> {
    const parsed = InboundActivitySchema.safeParse(context.activity);
    if (!parsed.success) return undefined;
    const activity = parsed.data;
    const identity = identify(activity);
    const correlationId = randomUUID();
    const now = services.clock.now();
    if (identity === 'no_tenant' || identity === 'no_user')
      return { refusal: common(defaultLocale(resolveLocale(activity.locale)), 'error.malformed') };
    if (!tenantAllowed(identity.tenantId)) {
      await services.audit.append({
        tenantId: identity.tenantId,
        at: now.toISOString(),
        actorId: identity.userId,
        actorRoles: [],
        action: 'tenant.denied',
        kind: 'access',
        purpose: 'support',
        channel: identity.conversation.kind,
        outcome: 'denied',
        correlationId,
      });
      log.warn({ correlationId }, 'Refused a tenant that is not on ALLOWED_TENANT_IDS');
      return { refusal: common(defaultLocale(identity.locale), 'error.tenant_not_allowed') };
    }
    const event = await capture.apply(activity, now);
    // Every message from a personal chat makes it the user's current one (not the chat being removed).
    const personalChat =
      identity.conversation.kind === 'personal' && event !== 'uninstalled' ? identity.conversation.id : undefined;
    return contextFor(identity, correlationId, now, personalChat);
  }

  async function contextFor(
    identity: TurnIdentity,
    correlationId: string,
    now: Date,
    personalConversationId: string | undefined,
  ): Promise<HandlerContext> {
    const user = await services.directory.recordSeen(
      identity.tenantId,
      {
        userId: identity.userId,
        displayName: identity.displayName,
        botUserId: identity.botUserId,
        teamsLocale: identity.locale,
        personalConversationId,
      },
      now,
    );
    return handlerContextFor(
      services,
      {
        tenantId: identity.tenantId,
        userId: identity.userId,
        // The user's own choice wins over Teams' locale (bot/features/language).
        locale: languageOf(user, config.DEFAULT_LANGUAGE, identity.locale),
        storedRoles: user.roles,
      },
      { conversation: identity.conversation, channel: identity.conversation.kind },
      correlationId,
      now,
      // Every route below settles the guard before it answers, so a turn's reads make one audit entry.
      { batchReads: true },
    );
  }

  /**
   * Logs the turn's reads before anything of them reaches the user; when the access log cannot be
   * written the user gets "try again" (in their language) instead of the data.
   */
  const settle = async (ctx: HandlerContext): Promise<string | undefined> => {
    try {
      await ctx.guard.settle();
      return undefined;
    } catch (e) {
      log.error({ err: e }, 'Could not write the access log of a turn; its answer is withheld');
      return errorToText(e, ctx.actor.locale);
    }
  };

  const localeOf = (context: TurnContext) => defaultLocale(resolveLocale(context.activity.locale));

  const send = async (context: TurnContext, replies: readonly Reply[], ctx?: HandlerContext): Promise<void> => {
    for (const reply of replies) {
      if (reply.kind === 'file') {
        if (ctx === undefined) throw new Error('A file reply needs the turn context');
        await files.offer(context, ctx, reply.file);
        continue;
      }
      await context.sendActivity(
        reply.kind === 'text'
          ? MessageFactory.text(reply.text)
          : MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)),
      );
    }
  };

  const verbOf = (context: TurnContext): string => {
    const value = context.activity.value as { action?: { verb?: unknown }; verb?: unknown } | undefined;
    const verb = value?.action?.verb ?? value?.verb;
    return typeof verb === 'string' ? verb : '';
  };

  // Installation and team lifecycle: keep references current; greet on install.
  app.activity('installationUpdate', async (context) => {
    const ctx = await begin(context);
    if (ctx === undefined || 'refusal' in ctx) return;
    const action = String((context.activity as { action?: unknown }).action ?? '').toLowerCase();
    if ((await settle(ctx)) !== undefined) return;
    if (action === 'add' || action === 'add-upgrade')
      await send(context, [{ kind: 'card', card: await onboarding.welcome(ctx) }]);
  });

  app.activity('conversationUpdate', async (context) => {
    const parsed = InboundActivitySchema.safeParse(context.activity);
    if (!parsed.success || tenantOf(parsed.data) === undefined || !tenantAllowed(tenantOf(parsed.data) ?? '')) return;
    await capture.apply(parsed.data as InboundActivity, services.clock.now());
  });

  // Universal Actions: the returned card replaces the clicked one; `everyone` also updates it for all members.
  app.adaptiveCards.actionExecute(/.*/, async (context, _state, data: unknown): Promise<AdaptiveCard | string> => {
    const ctx = await begin(context).catch((e: unknown) => ({ refusal: errorToText(e, localeOf(context)) }));
    if (ctx === undefined) return messageCard(common('da', 'error.malformed'), { tone: 'attention' });
    if ('refusal' in ctx) return messageCard(ctx.refusal, { tone: 'attention' });
    const outcome = await router.handleAction(ctx, verbOf(context), data);
    const unlogged = await settle(ctx);
    if (unlogged !== undefined) return messageCard(unlogged, { tone: 'attention' });
    if (outcome.refreshFor === 'everyone' && context.activity.replyToId) {
      await context.updateActivity({
        type: 'message',
        id: context.activity.replyToId,
        attachments: [CardFactory.adaptiveCard(outcome.card)],
      });
    }
    if (outcome.followUps) await send(context, outcome.followUps, ctx);
    return outcome.card;
  });

  // Action.Submit fallback (clients without Universal Actions): same handlers, card updated in place.
  app.adaptiveCards.actionSubmit(/.*/, async (context, _state, data: unknown) => {
    const ctx = await begin(context).catch((e: unknown) => ({ refusal: errorToText(e, localeOf(context)) }));
    if (ctx === undefined) return;
    if ('refusal' in ctx) return void (await context.sendActivity(ctx.refusal));
    const outcome = await router.handleAction(ctx, verbOf(context), data);
    const unlogged = await settle(ctx);
    if (unlogged !== undefined) return void (await context.sendActivity(unlogged));
    const attachment = CardFactory.adaptiveCard(outcome.card);
    if (context.activity.replyToId)
      await context.updateActivity({ type: 'message', id: context.activity.replyToId, attachments: [attachment] });
    else await context.sendActivity(MessageFactory.attachment(attachment));
    if (outcome.followUps) await send(context, outcome.followUps, ctx);
  });

  // Teams' answer to a file consent card: upload the file to the user's OneDrive, or note the decline.
  app.activity(
    (context) =>
      Promise.resolve(context.activity.type === ActivityTypes.Invoke && context.activity.name === 'fileConsent/invoke'),
    async (context) => {
      const ctx = await begin(context).catch(() => undefined);
      // The upload hands the file over during the call, so its reads are logged as they return
      // (nothing is held yet: settling only stops holding).
      if (ctx !== undefined && !('refusal' in ctx)) await ctx.guard.settle();
      const status =
        ctx === undefined || 'refusal' in ctx ? 400 : await files.onConsent(context, ctx, context.activity.value);
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status } });
    },
  );

  // Any other invoke (an unknown name, or a card action without a verb) gets a clear answer
  // instead of botbuilder's 501: a card saying it could not be read, or 400 for what we do not serve.
  app.activity(ActivityTypes.Invoke, async (context) => {
    const cardAction = context.activity.name === 'adaptiveCard/action';
    const card = messageCard(common(localeOf(context), 'error.malformed'), { tone: 'attention' });
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: cardAction
        ? { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } }
        : { status: 400, body: { error: 'unsupported invoke' } },
    });
  });

  // Catch-all for text; registered last so the routes above win.
  app.activity('message', async (context) => {
    const ctx = await begin(context).catch((e: unknown) => ({ refusal: errorToText(e, localeOf(context)) }));
    if (ctx === undefined) return;
    if ('refusal' in ctx) return void (await context.sendActivity(ctx.refusal));
    const file = fileAttachmentOf(context.activity, { allowLoopbackHttp: config.NODE_ENV === 'test' });
    if (file !== undefined) {
      const replies = await router.handleFile(ctx, file);
      const unlogged = await settle(ctx);
      if (unlogged !== undefined) return void (await context.sendActivity(unlogged));
      return void (await send(context, replies, ctx));
    }
    const text = context.activity.text ?? '';
    if (text.trim() === '') return void (await context.sendActivity(common(ctx.actor.locale, 'error.malformed')));
    const replies = await router.handleMessage(ctx, text);
    const unlogged = await settle(ctx);
    if (unlogged !== undefined) return void (await context.sendActivity(unlogged));
    await send(context, replies, ctx);
  });

  app.error(async (context, error) => {
    log.error({ err: error }, 'Unhandled turn error');
    if (context.activity.type === 'message') {
      await context.sendActivity(errorToText(error, localeOf(context))).catch(() => undefined);
    }
  });

  return app;
}
