import type { Locale } from '../../bot/i18n/locale';
import { teamText as t } from '../../bot/i18n/team';
import { followUpText } from '../../bot/i18n/followup';
import { FOLLOW_UP_MODES } from '../../bot/domain/follow-up';
import { formatLongDate } from '../../bot/domain/calendar';
import { common } from '../../bot/i18n/common';
import { adaptiveCard } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate, inputText } from '../case/form-elements';

/** An aftercare contact on a case closed for a job: date, form and a short note. */
export function aftercareForm(input: {
  locale: Locale;
  caseRef: string;
  until: string;
  draft: Readonly<Record<string, string | undefined>>;
  submissionId: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'aftercare.title', { caseRef: input.caseRef }),
      intro: t(locale, 'aftercare.until', { date: formatLongDate(input.until, locale) }),
      error: input.error,
      fields: [
        inputDate('date', t(locale, 'aftercare.date'), draft.date, true),
        choiceSet(
          'mode',
          t(locale, 'aftercare.mode'),
          FOLLOW_UP_MODES.map((m) => ({ title: followUpText(locale, `mode.${m}`), value: m })),
          draft.mode,
          { required: true },
        ),
        inputText('note', t(locale, 'aftercare.note'), draft.note, { maxLength: 500, multiline: true }),
      ],
      save: {
        title: common(locale, 'action.save'),
        verb: 'aftercare.save',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: '' },
      },
      back: { title: common(locale, 'action.cancel'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
