import type { Locale } from '../../bot/i18n/locale';
import { retentionText as t } from '../../bot/i18n/retention';
import { closingText } from '../../bot/i18n/closing';
import { caseText } from '../../bot/i18n/case-common';
import { businessDate, formatLongDate } from '../../bot/domain/calendar';
import type { CaseStatus, ClosureReason } from '../../bot/domain/case';
import { adaptiveCard, executeAction, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/** Asks before a closed case is re-opened: when and why it closed, and when it would be deleted. */
export function reopenConfirmCard(input: {
  locale: Locale;
  caseRef: string;
  closure: { date: string; reason: ClosureReason };
  expiresAt?: string | undefined;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'reopen.title', { caseRef })),
      text(
        t(locale, 'reopen.intro', {
          date: formatLongDate(input.closure.date, locale),
          reason: closingText(locale, `reason.${input.closure.reason}`),
        }),
      ),
      ...(input.expiresAt !== undefined
        ? [note(t(locale, 'reopen.expires', { date: formatLongDate(businessDate(new Date(input.expiresAt)), locale) }))]
        : []),
    ],
    [
      executeAction(t(locale, 'reopen.confirm'), 'case.reopen.confirm', { caseRef }, { style: 'positive' }),
      executeAction(t(locale, 'reopen.cancel'), 'screening.list'),
    ],
  );
}

/** The case is open again: its status, and what comes next. */
export function reopenedCard(input: {
  locale: Locale;
  caseRef: string;
  status: CaseStatus;
  next: 'visitation' | 'change' | 'owner';
  mayDecide: boolean;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  const actions: JsonObject[] = [];
  if (input.mayDecide && input.next === 'visitation')
    actions.push(executeAction(t(locale, 'reopen.visitation'), 'visitation.open', { caseRef }, { style: 'positive' }));
  if (input.mayDecide && input.next === 'change')
    actions.push(executeAction(t(locale, 'reopen.change_visitation'), 'visitation.change', { caseRef }));
  return adaptiveCard(
    [
      heading(t(locale, 'reopen.done', { caseRef, status: caseText(locale, `status.${input.status}`) })),
      goodText(t(locale, `reopen.next.${input.next}`)),
    ],
    actions,
  );
}
