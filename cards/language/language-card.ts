import type { Locale } from '../../bot/i18n/locale';
import { languageText as t } from '../../bot/i18n/language';
import { adaptiveCard, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';

/** Why the user gets this language: their own choice, Teams' locale, or the configured default. */
export type LanguageSource = 'chosen' | 'teams' | 'default';

/** The command that switches to the other language, written in the language it switches to. */
export const switchCommand = (from: Locale): string => (from === 'da' ? 'language english' : 'sprog dansk');

/**
 * The language card, written in `locale`: after a change (`changed`), or when the user asks which
 * language Fremdrift uses. Buttons: help, and back to the other language.
 */
export function languageCard(input: { locale: Locale; changed: boolean; source: LanguageSource }): AdaptiveCard {
  const { locale } = input;
  const body = input.changed
    ? [heading(t(locale, 'set.title')), text(t(locale, 'set.body'))]
    : [heading(t(locale, 'status.title')), text(t(locale, `status.${input.source}`)), note(t(locale, 'status.how'))];
  return adaptiveCard(body, [
    executeAction(t(locale, 'action.help'), 'command.run', { command: locale === 'da' ? 'hjælp' : 'help' }),
    executeAction(t(locale, 'action.switch'), 'command.run', { command: switchCommand(locale) }),
  ]);
}
