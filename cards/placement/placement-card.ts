import { everyNDays } from '../../bot/i18n/cadence';
import type { Locale } from '../../bot/i18n/locale';
import { placementText as t } from '../../bot/i18n/placement';
import { caseText as v } from '../../bot/i18n/case-common';
import { common } from '../../bot/i18n/common';
import { PLACEMENT_STATUSES, PLACEMENT_TYPES } from '../../bot/domain/case';
import { adaptiveCard } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate, inputText, type FormDraft } from '../case/form-elements';

/** A placement: type, company, start, planned and actual end, status. */
export function placementCard(input: {
  locale: Locale;
  caseRef: string;
  placementId?: string | undefined;
  agreementId?: string | undefined;
  draft: FormDraft;
  etag?: string | undefined;
  submissionId: string;
  placementCadenceDays: number;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, input.placementId ? 'form.edit' : 'form.new', { caseRef: input.caseRef }),
      intro: t(locale, 'form.intro', { every: everyNDays(locale, input.placementCadenceDays) }),
      error: input.error,
      fields: [
        choiceSet(
          'placementType',
          t(locale, 'field.placementType'),
          PLACEMENT_TYPES.map((p) => ({ title: v(locale, `placementType.${p}`), value: p })),
          draft.placementType ?? 'COMPANY_INTERNSHIP',
          { required: true },
        ),
        inputText('companyName', t(locale, 'field.companyName'), draft.companyName, { maxLength: 120 }),
        inputDate('startDate', t(locale, 'field.startDate'), draft.startDate, true),
        inputDate('plannedEndDate', t(locale, 'field.plannedEndDate'), draft.plannedEndDate),
        choiceSet(
          'status',
          t(locale, 'field.status'),
          PLACEMENT_STATUSES.map((s) => ({ title: v(locale, `placementStatus.${s}`), value: s })),
          draft.status ?? 'PLANNED',
          { required: true },
        ),
        inputDate('actualEndDate', t(locale, 'field.actualEndDate'), draft.actualEndDate),
      ],
      save: {
        title: t(locale, 'form.save'),
        verb: 'placement.save',
        data: {
          caseRef: input.caseRef,
          submissionId: input.submissionId,
          etag: input.etag ?? '',
          ...(input.placementId ? { placementId: input.placementId } : {}),
          ...(input.agreementId ? { agreementId: input.agreementId } : {}),
        },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
