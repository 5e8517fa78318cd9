import type { Locale } from '../../bot/i18n/locale';
import { companyText as t } from '../../bot/i18n/company';
import { caseText as v } from '../../bot/i18n/case-common';
import { common } from '../../bot/i18n/common';
import { PLACEMENT_TYPES } from '../../bot/domain/case';
import { OPENING_STATUSES } from '../../bot/domain/company';
import { adaptiveCard } from '../common/elements';
import { choiceSet, formBody, inputDate, inputNumber, inputText, toggle, type FormDraft } from '../case/form-elements';
import type { AdaptiveCard } from '../types';

/** A job opening, new (from the company card) or edit (status, hours, period). */
export function openingFormCard(input: {
  readonly locale: Locale;
  readonly mode: 'new' | 'edit';
  readonly companyId: string;
  readonly companyName: string;
  readonly draft: FormDraft;
  readonly submissionId: string;
  readonly openingId?: string | undefined;
  readonly etag?: string | undefined;
  readonly error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  const isNew = input.mode === 'new';
  return adaptiveCard(
    formBody({
      title: isNew
        ? t(locale, 'opening.new.title', { name: input.companyName })
        : t(locale, 'opening.edit.title', { title: draft.title ?? '' }),
      intro: t(locale, 'opening.intro'),
      error: input.error,
      fields: [
        inputText('title', t(locale, 'field.title'), draft.title, { maxLength: 120, required: true }),
        inputText('occupationCode', t(locale, 'field.occupationCode'), draft.occupationCode, {
          maxLength: 10,
          placeholder: '9321',
        }),
        choiceSet(
          'placementType',
          t(locale, 'field.placementType'),
          PLACEMENT_TYPES.map((p) => ({ title: v(locale, `placementType.${p}`), value: p })),
          draft.placementType ?? 'ORDINARY_PAID_HOURS',
          { required: true },
        ),
        inputNumber('hoursPerWeek', t(locale, 'field.hoursPerWeek'), draft.hoursPerWeek, '20'),
        inputNumber(
          'ordinaryHoursFromStart',
          t(locale, 'field.ordinaryHoursFromStart'),
          draft.ordinaryHoursFromStart,
          '5',
        ),
        inputText('tasks', t(locale, 'field.tasks'), draft.tasks, { maxLength: 500, multiline: true }),
        toggle(
          'accommodationPossible',
          t(locale, 'field.accommodationPossible'),
          draft.accommodationPossible === 'true',
        ),
        inputDate('fromDate', t(locale, 'field.fromDate'), draft.fromDate, true),
        inputDate('untilDate', t(locale, 'field.untilDate'), draft.untilDate),
        choiceSet(
          'status',
          t(locale, 'field.status'),
          OPENING_STATUSES.map((s) => ({ title: capitalise(t(locale, `status.${s}`)), value: s })),
          draft.status ?? 'OPEN',
        ),
      ],
      save: {
        title: t(locale, isNew ? 'opening.create' : 'opening.save'),
        verb: isNew ? 'opening.create' : 'opening.save',
        data: isNew
          ? { companyId: input.companyId, submissionId: input.submissionId }
          : { openingId: input.openingId ?? '', submissionId: input.submissionId, etag: input.etag ?? '' },
      },
      back: isNew
        ? { title: common(locale, 'action.back'), verb: 'company.open', data: { companyId: input.companyId } }
        : { title: common(locale, 'action.back'), verb: 'opening.open', data: { openingId: input.openingId ?? '' } },
    }),
  );
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
