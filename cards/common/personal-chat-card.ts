import { common } from '../../bot/i18n/common';
import type { Locale } from '../../bot/i18n/locale';
import type { AdaptiveCard } from '../types';
import { adaptiveCard, text } from './elements';

/** Teams' deep link to the 1:1 chat with an app's bot (`users=28:<app id>`). */
export const personalChatLink = (botId: string): string =>
  `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId).replace(/%3A/gi, ':')}`;

/**
 * The answer to a case command in a group chat or channel: where to do it instead. It names no case
 * and does not depend on what was asked, so it tells nobody whether a case exists.
 */
export function personalChatCard(options: { locale: Locale; botId: string }): AdaptiveCard {
  const t = (key: Parameters<typeof common>[1]) => common(options.locale, key);
  return adaptiveCard(
    [text(t('personal_only.title'), { weight: 'Bolder' }), text(t('personal_only.text'))],
    [{ type: 'Action.OpenUrl', title: t('personal_only.open'), url: personalChatLink(options.botId) }],
  );
}
