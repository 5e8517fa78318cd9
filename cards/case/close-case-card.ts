import type { Locale } from '../../bot/i18n/locale';
import { closingText as t } from '../../bot/i18n/closing';
import { common } from '../../bot/i18n/common';
import { JOBFORMIDLER_CLOSURE_REASONS, type ClosureReason } from '../../bot/domain/case';

import { formatDate } from '../../bot/domain/calendar';
import { adaptiveCard, facts } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate } from './form-elements';

/** Step 1 of closing a case: reason and date (nothing is written yet). */
export function closeCaseForm(input: {
  locale: Locale;
  caseRef: string;
  reason?: string | undefined;
  date: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'title', { caseRef: input.caseRef }),
      intro: t(locale, 'intro'),
      error: input.error,
      fields: [
        choiceSet(
          'reason',
          t(locale, 'reason'),
          JOBFORMIDLER_CLOSURE_REASONS.map((r) => ({ title: t(locale, `reason.${r}`), value: r })),
          input.reason,
          { required: true },
        ),
        inputDate('date', t(locale, 'date'), input.date, true),
      ],
      save: { title: t(locale, 'next'), verb: 'case.close.review', data: { caseRef: input.caseRef } },
      back: { title: common(locale, 'action.cancel'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}

/** Step 2: the confirmation; only its button closes the case. */
export function closeCaseConfirm(input: {
  locale: Locale;
  caseRef: string;
  reason: ClosureReason;
  date: string;
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'confirm_title', { caseRef: input.caseRef }),
      intro: t(locale, 'confirm_intro'),
      fields: [
        facts([
          [t(locale, 'reason'), t(locale, `reason.${input.reason}`)],
          [t(locale, 'date'), formatDate(input.date, locale)],
        ]),
      ],
      save: {
        title: t(locale, 'confirm'),
        verb: 'case.close.confirm',
        data: { caseRef: input.caseRef, reason: input.reason, date: input.date },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.close.open', data: { caseRef: input.caseRef } },
    }),
  );
}
