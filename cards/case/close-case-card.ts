import type { Locale } from '../../bot/i18n/locale';
import { closingText as t } from '../../bot/i18n/closing';
import { common } from '../../bot/i18n/common';
import { JOBFORMIDLER_CLOSURE_REASONS, type ClosureReason } from '../../bot/domain/case';

import { formatDate } from '../../bot/domain/calendar';
import type { AdaptiveCard } from '../types';
import { closingConfirmStep, closingReasonStep } from './closing-steps';

/** Step 1 of closing a case: reason and date (nothing is written yet). */
export function closeCaseForm(input: {
  locale: Locale;
  caseRef: string;
  reason?: string | undefined;
  date: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale } = input;
  return closingReasonStep({
    words: {
      ...labels(locale),
      title: t(locale, 'title', { caseRef: input.caseRef }),
      intro: t(locale, 'intro'),
      next: t(locale, 'next'),
      cancel: common(locale, 'action.cancel'),
    },
    reasons: JOBFORMIDLER_CLOSURE_REASONS,
    caseRef: input.caseRef,
    reason: input.reason,
    date: input.date,
    error: input.error,
    verbs: { review: 'case.close.review', cancel: 'case.open' },
  });
}

/** Step 2: the confirmation; only its button closes the case. */
export function closeCaseConfirm(input: {
  locale: Locale;
  caseRef: string;
  reason: ClosureReason;
  date: string;
}): AdaptiveCard {
  const { locale } = input;
  return closingConfirmStep({
    words: {
      ...labels(locale),
      title: t(locale, 'confirm_title', { caseRef: input.caseRef }),
      intro: t(locale, 'confirm_intro'),
      next: t(locale, 'confirm'),
      cancel: common(locale, 'action.back'),
    },
    caseRef: input.caseRef,
    reason: input.reason,
    date: input.date,
    dateShown: formatDate(input.date, locale),
    verbs: { confirm: 'case.close.confirm', back: 'case.close.open' },
  });
}

const labels = (locale: Locale) => ({
  reasonLabel: t(locale, 'reason'),
  dateLabel: t(locale, 'date'),
  reason: (r: ClosureReason) => t(locale, `reason.${r}`),
});
