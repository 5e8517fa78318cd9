import type { Locale } from '../../bot/i18n/locale';
import { jobMatchText as t } from '../../bot/i18n/jobmatch';
import { common } from '../../bot/i18n/common';
import { JOB_GOAL_LEVELS } from '../../bot/domain/job-goals';
import { adaptiveCard } from '../common/elements';
import { formBody, inputNumber, inputText, type FormDraft } from '../case/form-elements';
import type { AdaptiveCard } from '../types';

export const codeField = (level: string): string => `code${level}`;

/** What matching looks at besides the ABC goals: occupation codes, start hours and area. */
export function profileCard(input: {
  readonly locale: Locale;
  readonly caseRef: string;
  readonly draft: FormDraft;
  readonly etag?: string | undefined;
  readonly submissionId: string;
  readonly error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'profile.title', { caseRef: input.caseRef }),
      intro: t(locale, 'profile.intro'),
      error: input.error,
      fields: [
        ...JOB_GOAL_LEVELS.map((level) =>
          inputText(codeField(level), t(locale, 'profile.code', { level }), draft[codeField(level)], {
            maxLength: 10,
            placeholder: '9321',
          }),
        ),
        inputNumber('startHours', t(locale, 'profile.startHours'), draft.startHours, '10'),
        inputText('area', t(locale, 'profile.area'), draft.area, { maxLength: 200, placeholder: '8000, 8200-8270' }),
      ],
      save: {
        title: common(locale, 'action.save'),
        verb: 'jobmatch.profile.save',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: input.etag ?? '' },
      },
      back: { title: common(locale, 'action.back'), verb: 'jobmatch.for_case', data: { caseRef: input.caseRef } },
    }),
  );
}
