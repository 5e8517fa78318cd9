import { languageText as t } from '../../i18n/language';
import { ANY_CONVERSATION } from '../../domain/venue';
import { cardReply, type Feature } from '../feature';
import { changeLanguage, showLanguage } from './set-language';

const LANGUAGE_WORD = '(dansk|danish|engelsk|english)';

/**
 * The user's language, stored on the user (bot/store/directory-repository.ts) and used for all that
 * Fremdrift sends them, proactive messages included. It is about the person, not a case, so it
 * works in any conversation and for users without a role.
 */
export const languageFeature: Feature = {
  name: 'language',
  commands: [
    {
      id: 'language',
      conversations: ANY_CONVERSATION,
      withoutRole: true,
      patterns: [
        /^(?:sprog|language)$/,
        new RegExp(
          `^(?:(?:(?:skift|vælg|change|set) )?(?:sprog|language)(?: (?:til|to))? |(?:på|paa|in) )?${LANGUAGE_WORD}$`,
        ),
      ],
      help: {
        da: t('da', 'cmd.help'),
        en: t('en', 'cmd.help'),
        example: { da: 'language english', en: 'sprog dansk' },
      },
      quickAction: { da: t('da', 'cmd.quick'), en: t('en', 'cmd.quick'), always: true },
      handle: async (ctx, { match }) => {
        const word = match[1];
        if (word === undefined) return [cardReply(await showLanguage(ctx))];
        return [cardReply(await changeLanguage(ctx, /^(dansk|danish)$/.test(word) ? 'da' : 'en'))];
      },
    },
  ],
};
