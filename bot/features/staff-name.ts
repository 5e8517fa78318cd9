import { common } from '../i18n/common';
import type { Locale } from '../i18n/locale';
import { hasName, type UserDoc } from '../store/directory-repository';

/**
 * How a colleague is shown on cards and in messages: by the name Teams gave us, never by the raw
 * Entra id. Someone an admin named by id who has not written to the bot yet is shown as such, with
 * the last characters of the id so two of them can be told apart.
 */
export function staffName(
  user: Pick<UserDoc, 'userId' | 'displayName'> | undefined,
  locale: Locale,
  userId = user?.userId ?? '',
): string {
  if (user !== undefined && hasName(user)) return user.displayName;
  return common(locale, 'staff.unnamed', { tail: userId.slice(-4) });
}
