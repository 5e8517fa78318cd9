import { languageOf, type Locale } from '../../i18n/locale';
import type { Services } from '../../services';
import type { UserDoc } from '../../store/directory-repository';

/**
 * The language of a message Fremdrift sends on its own initiative (a handover notice, the morning
 * nudge, a note to admins): the recipient's, never the sender's. Their choice, else the configured
 * default, else what Teams said the last time they wrote; Danish for someone never seen.
 */
export const languageOfUser = (services: Pick<Services, 'config'>, user: UserDoc | undefined): Locale =>
  languageOf(user, services.config.DEFAULT_LANGUAGE);

/** The same, for a recipient known by id only (one point read). */
export async function languageOfRecipient(
  services: Pick<Services, 'config' | 'directory'>,
  tenantId: string,
  userId: string,
): Promise<Locale> {
  return languageOfUser(services, await services.directory.getUser(tenantId, userId));
}
