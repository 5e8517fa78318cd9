import type { Locale } from '../../i18n/locale';
import { languageCard, type LanguageSource } from '../../../cards/language/language-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';

/**
 * Stores the language the user chose and answers in it at once (the turn itself began in the old
 * one). Choosing the language one already has writes nothing.
 */
export async function changeLanguage(ctx: HandlerContext, language: Locale): Promise<AdaptiveCard> {
  const { actor, services } = ctx;
  const user = await services.directory.getUser(actor.tenantId, actor.userId);
  if (user?.language !== language) {
    await services.directory.setLanguage(actor.tenantId, actor.userId, language, ctx.now);
    ctx.log.info({ language }, 'User chose a language');
  }
  return languageCard({ locale: language, changed: true, source: 'chosen' });
}

/** Which language Fremdrift uses for the user, and why. */
export async function showLanguage(ctx: HandlerContext): Promise<AdaptiveCard> {
  const { actor, services } = ctx;
  const user = await services.directory.getUser(actor.tenantId, actor.userId);
  const source: LanguageSource =
    user?.language !== undefined ? 'chosen' : services.config.DEFAULT_LANGUAGE === 'teams' ? 'teams' : 'default';
  return languageCard({ locale: actor.locale, changed: false, source });
}
