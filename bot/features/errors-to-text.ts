import {
  CprInTextError,
  ForbiddenError,
  FremdriftError,
  InvalidInputError,
  NotFoundError,
  ConflictError,
  StoreUnavailableError,
} from '../domain/errors';
import { common, type CommonKey } from '../i18n/common';
import type { Locale } from '../i18n/locale';

/** What the user reads when a turn fails: always their language, never a stack trace. */
export function errorToText(error: unknown, locale: Locale): string {
  if (error instanceof FremdriftError) {
    if (error instanceof ForbiddenError) {
      const key: CommonKey =
        error.reason === 'no_role'
          ? 'error.no_role'
          : error.reason === 'not_owner' || error.reason === 'tenant'
            ? 'error.not_owner'
            : 'error.forbidden';
      return common(locale, key);
    }
    if (error instanceof CprInTextError) return common(locale, 'error.cpr_in_text');
    if (error instanceof InvalidInputError) {
      const key = (common.keys as readonly string[]).includes(error.messageKey)
        ? (error.messageKey as CommonKey)
        : 'error.malformed';
      return common(locale, key, error.params);
    }
    if (error instanceof NotFoundError) return common(locale, 'error.not_found');
    if (error instanceof ConflictError) return common(locale, 'error.conflict');
    if (error instanceof StoreUnavailableError) return common(locale, 'error.store_unavailable');
  }
  return common(locale, 'error.unexpected');
}

/** True for failures the user caused or can fix (logged at info, not as errors). */
export const isExpectedError = (error: unknown): boolean =>
  error instanceof FremdriftError && !(error instanceof StoreUnavailableError);
