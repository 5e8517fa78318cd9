import { z } from 'zod';
import { onboardingText as t } from '../../i18n/onboarding';
import { welcomeCard } from '../../../cards/onboarding/welcome-card';
import { helpCard } from '../../../cards/onboarding/help-card';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import { ANY_CONVERSATION } from '../../domain/venue';
import { cardReply, defineAction, type Feature, type HandlerContext, type Reply } from '../feature';
import type { FeatureRouter } from '../router';

/**
 * Welcome, help and the "run this command" button. Built with a lazy reference to the router
 * because help lists the commands of every other feature.
 */
export type OnboardingFeature = Feature & { welcome(ctx: HandlerContext): AdaptiveCard };

export function onboardingFeature(router: () => FeatureRouter): OnboardingFeature {
  const welcome = (ctx: HandlerContext): AdaptiveCard =>
    welcomeCard({
      locale: ctx.actor.locale,
      roles: ctx.actor.roles,
      userId: ctx.actor.userId,
      inChannel: ctx.conversation.kind === 'channel',
      quickActions: router()
        .visibleCommands(ctx)
        .flatMap((c) =>
          c.quickAction && c.help
            ? [{ title: c.quickAction[ctx.actor.locale], command: c.help.example[ctx.actor.locale] }]
            : [],
        ),
    });

  const help = (ctx: HandlerContext): AdaptiveCard => {
    const locale = ctx.actor.locale;
    if (ctx.actor.roles.length === 0) return helpCard({ locale, entries: [], noRoleUserId: ctx.actor.userId });
    const entries = router()
      .visibleCommands(ctx)
      .flatMap((c) => (c.help ? [{ example: c.help.example[locale], description: c.help[locale] }] : []));
    return helpCard({ locale, entries });
  };

  return {
    name: 'onboarding',
    welcome,
    commands: [
      {
        id: 'help',
        conversations: ANY_CONVERSATION,
        patterns: [/^(hjælp|hjaelp|help|\?)$/],
        help: { da: t('da', 'help.cmd.help'), en: t('en', 'help.cmd.help'), example: { da: 'hjælp', en: 'help' } },
        handle: async (ctx) => [cardReply(help(ctx))],
      },
      {
        id: 'welcome',
        conversations: ANY_CONVERSATION,
        patterns: [/^(velkommen|welcome|hej|hello|hi|start)$/],
        help: {
          da: t('da', 'help.cmd.welcome'),
          en: t('en', 'help.cmd.welcome'),
          example: { da: 'velkommen', en: 'welcome' },
        },
        handle: async (ctx) => [cardReply(welcome(ctx))],
      },
    ],
    actions: [
      defineAction({
        verb: 'command.run',
        // The command it runs is checked again by handleMessage, with its own scope.
        conversations: ANY_CONVERSATION,
        schema: z.object({ command: z.string().min(1).max(200) }),
        handle: async (ctx, data) => {
          const replies: Reply[] = await router().handleMessage(ctx, data.command);
          const [first, ...rest] = replies;
          if (first === undefined) return { card: help(ctx) };
          // A file cannot replace a card: the card says what comes, and the file follows it.
          if (first.kind === 'file') return { card: messageCard(first.file.file.description), followUps: replies };
          const card = first.kind === 'card' ? first.card : messageCard(first.text);
          return { card, followUps: rest };
        },
      }),
    ],
  };
}
