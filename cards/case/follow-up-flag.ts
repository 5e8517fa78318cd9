import type { Locale } from '../../bot/i18n/locale';
import { caseText as v } from '../../bot/i18n/case-common';
import { formatDate } from '../../bot/domain/calendar';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import { text } from '../common/elements';
import type { JsonObject } from '../types';

/** The words of a follow-up flag ("overskredet med 5 dage"), or undefined when all is well. */
export function followUpFlagText(locale: Locale, status: FollowUpStatus | undefined): string | undefined {
  if (status === undefined || status.state === 'ok') return undefined;
  if (status.state === 'overdue') return v(locale, 'followUp.flag.overdue', { days: status.daysPastDue });
  if (status.state === 'due') return v(locale, 'followUp.flag.due');
  return v(locale, 'followUp.flag.soon', { date: formatDate(status.dueDate, locale) });
}

/**
 * A bold line for a due or overdue follow-up: red when overdue, the default text colour when due or
 * soon (light amber text on a white card is hard to read). No emoji: without an emoji font they
 * render as empty boxes (seen in Chromium), and the words say it already.
 */
export function followUpFlag(locale: Locale, status: FollowUpStatus | undefined): JsonObject | undefined {
  const words = followUpFlagText(locale, status);
  if (words === undefined || status === undefined) return undefined;
  return text(words, { weight: 'Bolder', ...(status.state === 'overdue' ? { color: 'Attention' } : {}) });
}
