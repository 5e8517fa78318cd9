import type { Locale } from '../../bot/i18n/locale';
import { agreementText as t } from '../../bot/i18n/agreement';
import { caseText as v } from '../../bot/i18n/case-common';
import { common } from '../../bot/i18n/common';
import { PLACEMENT_TYPES } from '../../bot/domain/case';
import { adaptiveCard } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputText, type FormDraft } from '../case/form-elements';

/** The first step of a work agreement: the placement type and the company (CVR and contact person). */
export function newAgreementCard(input: {
  locale: Locale;
  caseRef: string;
  draft: FormDraft;
  submissionId: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'new.title', { caseRef: input.caseRef }),
      intro: t(locale, 'new.intro'),
      error: input.error,
      fields: [
        choiceSet(
          'placementType',
          t(locale, 'field.placementType'),
          PLACEMENT_TYPES.map((p) => ({ title: v(locale, `placementType.${p}`), value: p })),
          draft.placementType ?? 'COMPANY_INTERNSHIP',
          { required: true },
        ),
        inputText('cvr', t(locale, 'field.cvr'), draft.cvr, { maxLength: 20, placeholder: '12345678', required: true }),
        inputText('companyName', t(locale, 'field.companyName'), draft.companyName, { maxLength: 120, required: true }),
        inputText('contactName', t(locale, 'field.contactName'), draft.contactName, { maxLength: 120, required: true }),
      ],
      save: {
        title: t(locale, 'new.create'),
        verb: 'agreement.create',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: '' },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
