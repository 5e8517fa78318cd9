import { z } from 'zod';
import { onboardingText as t } from '../../i18n/onboarding';
import { welcomeCard, type QuickAction } from '../../../cards/onboarding/welcome-card';
import { helpCard } from '../../../cards/onboarding/help-card';
import { helpGroups } from './help-groups';
import { demoOffered } from '../demo/start-demo';
import { DEMO } from '../../local/demo/demo-municipality';
import { common } from '../../i18n/common';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import { ANY_CONVERSATION } from '../../domain/venue';
import { cardReply, defineAction, type Feature, type HandlerContext, type Reply } from '../feature';
import type { FeatureRouter } from '../router';

/**
 * Welcome, help and the "run this command" button. Built with a lazy reference to the router
 * because help lists the commands of every other feature.
 */
export type OnboardingFeature = Feature & { welcome(ctx: HandlerContext): Promise<AdaptiveCard> };

export function onboardingFeature(router: () => FeatureRouter): OnboardingFeature {
  /** The welcome card's buttons: the role's (`always` ones apart, so they are never left out). */
  const quickActions = (ctx: HandlerContext, always: boolean): QuickAction[] =>
    router()
      .visibleCommands(ctx)
      .flatMap((c) =>
        c.quickAction && c.help && (c.quickAction.always === true) === always
          ? [{ title: c.quickAction[ctx.actor.locale], command: c.help.example[ctx.actor.locale] }]
          : [],
      );

  const welcome = async (ctx: HandlerContext): Promise<AdaptiveCard> =>
    welcomeCard({
      locale: ctx.actor.locale,
      roles: ctx.actor.roles,
      userId: ctx.actor.userId,
      inChannel: ctx.conversation.kind === 'channel',
      ...(ctx.conversation.kind === 'personal' && (await demoOffered(ctx)) ? { demoCases: DEMO.cases } : {}),
      quickActions: quickActions(ctx, false),
      alwaysActions: quickActions(ctx, true),
    });

  const help = (ctx: HandlerContext): AdaptiveCard => {
    const locale = ctx.actor.locale;
    const alwaysActions = quickActions(ctx, true);
    if (ctx.actor.roles.length === 0)
      return helpCard({ locale, groups: [], noRoleUserId: ctx.actor.userId, alwaysActions });
    const shared = ctx.conversation.kind !== 'personal';
    return helpCard({
      locale,
      groups: helpGroups(ctx.actor.roles, router().visibleCommands(ctx), locale),
      alwaysActions,
      ...(shared ? { sharedConversationBotId: ctx.conversation.botId } : {}),
    });
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
        helpButton: 'run',
        conversations: ANY_CONVERSATION,
        patterns: [/^(velkommen|welcome|hej|hello|hi|start)$/],
        help: {
          da: t('da', 'help.cmd.welcome'),
          en: t('en', 'help.cmd.welcome'),
          example: { da: 'velkommen', en: 'welcome' },
        },
        handle: async (ctx) => [cardReply(await welcome(ctx))],
      },
    ],
    actions: [
      defineAction({
        verb: 'command.run',
        // The command it runs is checked again by handleMessage, with its own scope.
        conversations: ANY_CONVERSATION,
        schema: z
          .object({
            command: z.string().min(1).max(200),
            // A help-card button that asked for a case number names its input; the value is appended.
            argumentInput: z
              .string()
              .regex(/^ask_\w{1,60}$/)
              .optional(),
          })
          .catchall(z.unknown()),
        handle: async (ctx, data) => {
          const argument = data.argumentInput === undefined ? undefined : data[data.argumentInput];
          if (data.argumentInput !== undefined && (typeof argument !== 'string' || argument.trim() === ''))
            return {
              card: messageCard(
                common(ctx.actor.locale, 'error.required', { field: t(ctx.actor.locale, 'help.case_ref') }),
                {
                  tone: 'attention',
                },
              ),
            };
          const command =
            typeof argument === 'string' ? `${data.command} ${argument.trim().slice(0, 100)}` : data.command;
          const replies: Reply[] = await router().handleMessage(ctx, command);
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
