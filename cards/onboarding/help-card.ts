import type { Locale } from '../../bot/i18n/locale';
import type { Role } from '../../bot/domain/roles';
import { onboardingText as t } from '../../bot/i18n/onboarding';
import { common } from '../../bot/i18n/common';
import { personalChatLink } from '../common/personal-chat-card';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  facts,
  heading,
  note,
  subheading,
  text,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/** How a command starts from the help card: as it is, or after asking for a case number. */
export type HelpButton =
  | { readonly kind: 'run'; readonly title: string; readonly command: string }
  | { readonly kind: 'caseRef'; readonly title: string; readonly command: string; readonly inputId: string };
import type { QuickAction } from './welcome-card';

export interface HelpEntry {
  readonly example: string;
  readonly description: string;
  readonly button?: HelpButton;
}

/** The commands of one of the user's roles (`general`: those every role has). */
export interface HelpGroup {
  readonly role: Role | 'general';
  readonly entries: readonly HelpEntry[];
}

/** Teams (and the validator's host config) show at most five actions in one ActionSet. */
const MAX_ACTIONS = 5;
const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** The id of the case number input behind a `caseRef` button (unique per command on the card). */
export const caseRefInputId = (commandId: string): string => `ask_${commandId.replace(/\W/g, '_')}`;

function button(locale: Locale, b: HelpButton): JsonObject {
  if (b.kind === 'run') return executeAction(b.title, 'command.run', { command: b.command });
  return {
    type: 'Action.ShowCard',
    title: b.title,
    card: adaptiveCard([
      {
        type: 'Input.Text',
        id: b.inputId,
        label: t(locale, 'help.case_ref'),
        placeholder: t(locale, 'help.case_ref_placeholder'),
        maxLength: 40,
        isRequired: true,
        errorMessage: common(locale, 'error.required', { field: t(locale, 'help.case_ref') }),
      },
      actionSet([
        executeAction(t(locale, 'help.run', { command: b.command }), 'command.run', {
          command: b.command,
          argumentInput: b.inputId,
        }),
      ]),
    ]),
  };
}

/**
 * What this user can do, grouped by their roles: buttons for what starts from a button (a case
 * number is asked for first where one is needed), and every command with an example to type. In a
 * channel only what works there, with a pointer to the 1:1 chat for the rest.
 */
export function helpCard(input: {
  locale: Locale;
  groups: readonly HelpGroup[];
  noRoleUserId?: string;
  /** Buttons every user gets (the language switch). */
  alwaysActions?: readonly QuickAction[];
  /** In a group chat or channel: the bot's id, for the link to the 1:1 chat. */
  sharedConversationBotId?: string;
}): AdaptiveCard {
  const { locale } = input;
  const actions = (input.alwaysActions ?? []).map((a) => executeAction(a.title, 'command.run', { command: a.command }));
  if (input.noRoleUserId !== undefined) {
    return adaptiveCard(
      [
        heading(t(locale, 'help.title')),
        text(t(locale, 'help.no_role', { userId: input.noRoleUserId }), { color: 'Attention' }),
      ],
      actions,
    );
  }
  const sections = input.groups
    .filter((g) => g.entries.length > 0)
    .map((g) => {
      const buttons = g.entries.flatMap((e) => (e.button ? [button(locale, e.button)] : []));
      return container(
        [
          subheading(t(locale, `help.group.${g.role}`)),
          ...chunks(buttons, MAX_ACTIONS).map(actionSet),
          facts(g.entries.map((e) => [e.example, e.description] as const)),
        ],
        { separator: true, spacing: 'Medium' },
      );
    });
  const shared = input.sharedConversationBotId;
  return adaptiveCard(
    [
      heading(t(locale, 'help.title')),
      text(t(locale, 'help.intro')),
      ...sections,
      ...(shared !== undefined ? [note(t(locale, 'help.channel_more'))] : []),
    ],
    [
      ...(shared !== undefined
        ? [{ type: 'Action.OpenUrl', title: common(locale, 'personal_only.open'), url: personalChatLink(shared) }]
        : []),
      ...actions,
    ],
  );
}
