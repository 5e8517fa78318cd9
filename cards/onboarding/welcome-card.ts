import type { Locale } from '../../bot/i18n/locale';
import type { Role } from '../../bot/domain/roles';
import { onboardingText as t } from '../../bot/i18n/onboarding';
import { common } from '../../bot/i18n/common';
import { adaptiveCard, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { demoOffer } from '../demo/demo-cards';

export interface QuickAction {
  readonly title: string;
  readonly command: string;
}

/** Greets on install: what Fremdrift does, and what it can do for this user's roles. */
export function welcomeCard(input: {
  locale: Locale;
  roles: readonly Role[];
  userId: string;
  inChannel: boolean;
  quickActions: readonly QuickAction[];
  /** Buttons every user gets, after help (the language switch). */
  alwaysActions?: readonly QuickAction[];
  /** Local trial on an empty store: offer the demo municipality of this many citizens. */
  demoCases?: number;
}): AdaptiveCard {
  const { locale, roles } = input;
  const body = [heading(t(locale, 'welcome.title')), text(t(locale, 'welcome.intro'))];
  if (roles.length === 0) {
    body.push(text(t(locale, 'welcome.no_role', { userId: input.userId }), { color: 'Attention' }));
  } else {
    body.push(
      text(t(locale, 'welcome.your_roles', { roles: roles.map((r) => common(locale, `role.${r}`)).join(', ') }), {
        weight: 'Bolder',
      }),
    );
    for (const role of roles) body.push(text(t(locale, `welcome.role.${role}`)));
  }
  if (input.demoCases !== undefined) body.push(demoOffer(locale, input.demoCases));
  if (input.inChannel) body.push(note(t(locale, 'welcome.channel')));
  body.push(note(t(locale, 'welcome.help_hint')));
  const actions = [
    ...input.quickActions.slice(0, 4),
    { title: t(locale, 'help.button'), command: 'hjælp' },
    ...(input.alwaysActions ?? []),
  ].map((a) => executeAction(a.title, 'command.run', { command: a.command }));
  return adaptiveCard(body, actions);
}
