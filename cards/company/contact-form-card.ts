import type { Locale } from '../../bot/i18n/locale';
import { companyText as t } from '../../bot/i18n/company';
import { common } from '../../bot/i18n/common';
import { COMPANY_CONTACT_KINDS, COMPANY_CONTACT_MODES } from '../../bot/domain/company';
import { adaptiveCard, note } from '../common/elements';
import { choiceSet, formBody, inputDate, inputText, type FormDraft } from '../case/form-elements';
import type { AdaptiveCard, JsonObject } from '../types';

/**
 * Logging a company-directed contact: kind, mode, date, whom, a note about the company, and (for a
 * jobformidler) which of their own citizens it concerned.
 */
export function contactFormCard(input: {
  readonly locale: Locale;
  readonly companyId: string;
  readonly companyName: string;
  readonly draft: FormDraft;
  readonly submissionId: string;
  /** The actor's own open cases; empty for the company side, who cannot link citizens. */
  readonly ownCases: readonly string[];
  readonly error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  const fields: JsonObject[] = [
    choiceSet(
      'kind',
      t(locale, 'field.kind'),
      COMPANY_CONTACT_KINDS.map((k) => ({ title: t(locale, `kind.${k}`), value: k })),
      draft.kind ?? 'OUTREACH_VISIT',
      { required: true },
    ),
    choiceSet(
      'mode',
      t(locale, 'field.mode'),
      COMPANY_CONTACT_MODES.map((m) => ({ title: capitalise(t(locale, `mode.${m}`)), value: m })),
      draft.mode ?? 'IN_PERSON',
      { required: true },
    ),
    inputDate('date', t(locale, 'field.date'), draft.date, true),
    inputText('withPerson', t(locale, 'field.withPerson'), draft.withPerson, { maxLength: 120 }),
    inputText('note', t(locale, 'field.note'), draft.note, { maxLength: 500, multiline: true }),
    input.ownCases.length > 0
      ? choiceSet(
          'cases',
          t(locale, 'field.cases'),
          input.ownCases.map((c) => ({ title: c, value: c })),
          draft.cases,
          { multi: true },
        )
      : note(t(locale, 'contact.no_cases')),
  ];
  return adaptiveCard(
    formBody({
      title: t(locale, 'contact.title', { name: input.companyName }),
      intro: t(locale, 'contact.intro'),
      error: input.error,
      fields,
      save: {
        title: t(locale, 'contact.save'),
        verb: 'company.contact.save',
        data: { companyId: input.companyId, submissionId: input.submissionId },
      },
      back: { title: common(locale, 'action.back'), verb: 'company.open', data: { companyId: input.companyId } },
    }),
  );
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
