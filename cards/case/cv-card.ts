import type { Locale } from '../../bot/i18n/locale';
import { caseCardText as t } from '../../bot/i18n/case';
import { caseText as v } from '../../bot/i18n/case-common';
import { common } from '../../bot/i18n/common';
import { CV_STATUSES } from '../../bot/domain/case';
import { adaptiveCard } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate, type FormDraft } from './form-elements';

/** CV status: which CV the citizen has (personal, Jobnet, both) and when each was last updated. */
export function cvCard(input: {
  locale: Locale;
  caseRef: string;
  draft: FormDraft;
  etag?: string | undefined;
  submissionId: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'cv.form.title', { caseRef: input.caseRef }),
      error: input.error,
      fields: [
        choiceSet(
          'cvStatus',
          t(locale, 'cv.form.status'),
          CV_STATUSES.map((s) => ({ title: v(locale, `cv.${s}`), value: s })),
          draft.cvStatus ?? 'NONE',
          { expanded: true, required: true },
        ),
        inputDate('personalCvUpdatedAt', t(locale, 'cv.personal_updated'), draft.personalCvUpdatedAt),
        inputDate('jobnetCvUpdatedAt', t(locale, 'cv.jobnet_updated'), draft.jobnetCvUpdatedAt),
      ],
      save: {
        title: common(locale, 'action.save'),
        verb: 'case.cv.save',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: input.etag ?? '' },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
