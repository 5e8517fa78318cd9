import { everyNDays } from '../../bot/i18n/cadence';
import type { Locale } from '../../bot/i18n/locale';
import { followUpText as t } from '../../bot/i18n/followup';
import { caseText as v } from '../../bot/i18n/case-common';
import { common } from '../../bot/i18n/common';
import {
  DIRECTIONS,
  FOLLOW_UP_MODES,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TOPICS,
  LOGGABLE_CONTACT_TYPES,
} from '../../bot/domain/follow-up';
import { adaptiveCard } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate, inputNumber, inputText, type FormDraft } from '../case/form-elements';

/** Log a follow-up: date, type, mode, citizen- or company-facing, topics, outcome, next follow-up. */
export function followUpCard(input: {
  locale: Locale;
  caseRef: string;
  draft: FormDraft;
  submissionId: string;
  cadenceDays: number;
  inPlacement: boolean;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'form.title', { caseRef: input.caseRef }),
      intro: t(locale, 'form.intro', {
        every: everyNDays(locale, input.cadenceDays),
        placement: input.inPlacement ? t(locale, 'form.in_placement') : '',
      }),
      error: input.error,
      fields: [
        inputDate('date', t(locale, 'field.date'), draft.date, true),
        choiceSet(
          'contactType',
          t(locale, 'field.contactType'),
          LOGGABLE_CONTACT_TYPES.map((c) => ({ title: v(locale, `contact.${c}`), value: c })),
          draft.contactType,
          { required: true },
        ),
        choiceSet(
          'mode',
          t(locale, 'field.mode'),
          FOLLOW_UP_MODES.map((m) => ({ title: t(locale, `mode.${m}`), value: m })),
          draft.mode,
          { required: true },
        ),
        choiceSet(
          'direction',
          t(locale, 'field.direction'),
          DIRECTIONS.map((d) => ({ title: t(locale, `direction.${d}`), value: d })),
          draft.direction,
          { required: true, expanded: true },
        ),
        choiceSet(
          'topics',
          t(locale, 'field.topics'),
          FOLLOW_UP_TOPICS.map((x) => ({ title: t(locale, `topic.${x}`), value: x })),
          draft.topics,
          { multi: true },
        ),
        choiceSet(
          'outcome',
          t(locale, 'field.outcome'),
          FOLLOW_UP_OUTCOMES.map((o) => ({ title: t(locale, `outcome.${o}`), value: o })),
          draft.outcome,
          { required: true },
        ),
        inputNumber('ordinaryHoursNewAgreed', t(locale, 'field.ordinaryHoursNewAgreed'), draft.ordinaryHoursNewAgreed),
        inputText('note', t(locale, 'field.note'), draft.note, { maxLength: 500, multiline: true }),
        inputDate('nextFollowUpDue', t(locale, 'field.nextFollowUpDue'), draft.nextFollowUpDue, true),
      ],
      save: {
        title: t(locale, 'form.save'),
        verb: 'followup.save',
        data: { caseRef: input.caseRef, submissionId: input.submissionId, etag: '' },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
