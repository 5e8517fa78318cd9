import type { Locale } from '../../bot/i18n/locale';
import { hkoText as t } from '../../bot/i18n/hko';
import { caseText as v } from '../../bot/i18n/case-common';
import { common } from '../../bot/i18n/common';
import { HKO_DECISIONS, HKO_TYPES } from '../../bot/domain/hko';
import { adaptiveCard } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate, type FormDraft } from '../case/form-elements';

/** A compensation scheme application and its dates (art. 9: shown to the case's jobformidler only). */
export function hkoCard(input: {
  locale: Locale;
  caseRef: string;
  hkoId?: string | undefined;
  draft: FormDraft;
  etag?: string | undefined;
  submissionId: string;
  fastTrackDays: number;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  return adaptiveCard(
    formBody({
      title: t(locale, 'form.title', { caseRef: input.caseRef }),
      intro: t(locale, 'form.intro', { days: input.fastTrackDays }),
      error: input.error,
      fields: [
        choiceSet(
          'hkoType',
          t(locale, 'field.hkoType'),
          HKO_TYPES.map((h) => ({ title: v(locale, `hkoType.${h}`), value: h })),
          draft.hkoType,
          { required: true },
        ),
        inputDate('consideredAt', t(locale, 'field.consideredAt'), draft.consideredAt),
        inputDate('appliedAt', t(locale, 'field.appliedAt'), draft.appliedAt),
        inputDate('decidedAt', t(locale, 'field.decidedAt'), draft.decidedAt),
        choiceSet(
          'decision',
          t(locale, 'field.decision'),
          HKO_DECISIONS.map((d) => ({ title: v(locale, `hkoDecision.${d}`), value: d })),
          draft.decision,
        ),
        inputDate('deliveredAt', t(locale, 'field.deliveredAt'), draft.deliveredAt),
      ],
      save: {
        title: t(locale, 'form.save'),
        verb: 'hko.save',
        data: {
          caseRef: input.caseRef,
          submissionId: input.submissionId,
          etag: input.etag ?? '',
          ...(input.hkoId ? { hkoId: input.hkoId } : {}),
        },
      },
      back: { title: common(locale, 'action.back'), verb: 'case.open', data: { caseRef: input.caseRef } },
    }),
  );
}
