import type { Locale } from '../../bot/i18n/locale';
import { companyText as t } from '../../bot/i18n/company';
import { common } from '../../bot/i18n/common';
import { MAX_CONTACT_PERSONS, OPEN_TO } from '../../bot/domain/company';
import { adaptiveCard, container, facts, subheading } from '../common/elements';
import { choiceSet, formBody, inputText, type FormDraft } from '../case/form-elements';
import type { AdaptiveCard, JsonObject } from '../types';

/** Field id of a contact person's part (1-based row). */
export const personFieldId = (i: number, part: 'name' | 'role' | 'phone' | 'email'): string => `person${i}_${part}`;

/**
 * The company form, new or edit. A company is found again by its CVR, so an existing company's CVR
 * is shown, not edited; the form is re-rendered with what was typed when a field is refused.
 */
export function companyFormCard(input: {
  readonly locale: Locale;
  readonly mode: 'new' | 'edit';
  readonly draft: FormDraft;
  readonly owners: readonly { readonly userId: string; readonly name: string }[];
  readonly submissionId: string;
  readonly companyId?: string | undefined;
  readonly etag?: string | undefined;
  readonly error?: string | undefined;
}): AdaptiveCard {
  const { locale, draft } = input;
  const persons: JsonObject[] = [];
  for (let i = 1; i <= MAX_CONTACT_PERSONS; i++)
    persons.push(
      container(
        [
          inputText(
            personFieldId(i, 'name'),
            t(locale, 'field.person.name', { n: i }),
            draft[personFieldId(i, 'name')],
            {
              maxLength: 120,
            },
          ),
          inputText(
            personFieldId(i, 'role'),
            t(locale, 'field.person.role', { n: i }),
            draft[personFieldId(i, 'role')],
            {
              maxLength: 80,
            },
          ),
          inputText(
            personFieldId(i, 'phone'),
            t(locale, 'field.person.phone', { n: i }),
            draft[personFieldId(i, 'phone')],
            { maxLength: 30 },
          ),
          inputText(
            personFieldId(i, 'email'),
            t(locale, 'field.person.email', { n: i }),
            draft[personFieldId(i, 'email')],
            { maxLength: 120 },
          ),
        ],
        { separator: i > 1 },
      ),
    );
  const fields: JsonObject[] = [
    input.mode === 'new'
      ? inputText('cvr', t(locale, 'field.cvr'), draft.cvr, { maxLength: 20, placeholder: '12345678', required: true })
      : facts([[t(locale, 'field.cvr'), draft.cvr ?? '']]),
    inputText('name', t(locale, 'field.name'), draft.name, { maxLength: 120, required: true }),
    inputText('address', t(locale, 'field.address'), draft.address, { maxLength: 120 }),
    inputText('postcode', t(locale, 'field.postcode'), draft.postcode, { maxLength: 10, placeholder: '8000' }),
    inputText('city', t(locale, 'field.city'), draft.city, { maxLength: 60 }),
    inputText('industry', t(locale, 'field.industry'), draft.industry, { maxLength: 120, placeholder: '47.11.00' }),
    choiceSet(
      'openTo',
      t(locale, 'field.openTo'),
      OPEN_TO.map((o) => ({ title: t(locale, `openTo.${o}`), value: o })),
      draft.openTo,
      { multi: true, expanded: true },
    ),
    choiceSet(
      'ownerId',
      t(locale, 'field.ownerId'),
      input.owners.map((o) => ({ title: o.name, value: o.userId })),
      draft.ownerId,
    ),
    inputText('notes', t(locale, 'field.notes'), draft.notes, { maxLength: 1000, multiline: true }),
    container([subheading(t(locale, 'form.persons')), ...persons], { separator: true }),
  ];
  const data =
    input.mode === 'new'
      ? { submissionId: input.submissionId }
      : { submissionId: input.submissionId, companyId: input.companyId ?? '', etag: input.etag ?? '' };
  return adaptiveCard(
    formBody({
      title:
        input.mode === 'new' ? t(locale, 'form.new.title') : t(locale, 'form.edit.title', { name: draft.name ?? '' }),
      intro: t(locale, 'form.intro'),
      error: input.error,
      fields,
      save: {
        title: t(locale, input.mode === 'new' ? 'form.create' : 'form.save'),
        verb: input.mode === 'new' ? 'company.create' : 'company.save',
        data,
      },
      ...(input.mode === 'edit'
        ? {
            back: {
              title: common(locale, 'action.back'),
              verb: 'company.open',
              data: { companyId: input.companyId ?? '' },
            },
          }
        : {}),
    }),
  );
}
