import type { Locale } from '../../bot/i18n/locale';
import { onboardingText as t } from '../../bot/i18n/onboarding';
import { adaptiveCard, executeAction, heading, note, text, container } from '../common/elements';
import type { AdaptiveCard } from '../types';
import type { QuickAction } from './welcome-card';

export interface HelpEntry {
  readonly example: string;
  readonly description: string;
}

/** The commands this user may use, each with an example and a button that runs it. */
export function helpCard(input: {
  locale: Locale;
  entries: readonly HelpEntry[];
  noRoleUserId?: string;
  /** Buttons every user gets (the language switch). */
  alwaysActions?: readonly QuickAction[];
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
  const rows = input.entries.map((e) =>
    container([text(`**${e.example}**`), note(e.description)], {
      spacing: 'Small',
      selectAction: executeAction(e.example, 'command.run', { command: e.example }),
    }),
  );
  return adaptiveCard([heading(t(locale, 'help.title')), text(t(locale, 'help.intro')), ...rows], actions);
}
