import type { Locale } from '../../bot/i18n/locale';
import { visitationText as t } from '../../bot/i18n/visitation';
import { VISITATION_GROUPS } from '../../bot/domain/case';
import { formatLongDate } from '../../bot/domain/calendar';
import {
  G3_RECIPIENTS,
  NOTE_MAX,
  RATIONALE_CODES,
  type DecisionBasics,
  type FieldError,
} from '../../bot/features/visitation/rules';
import type { JobformidlerChoice, VisitationMode } from '../../bot/features/visitation/rules';
import { adaptiveCard, errorText, executeAction, facts, heading, note, subheading, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/** The label of each input, so an error can name the field it is about (issue 15 item 8). */
const LABEL: Readonly<Record<string, Parameters<typeof t>[1]>> = {
  group: 'group',
  conversationAt: 'conversation_at',
  rationale: 'rationale',
  note: 'note',
  jobformidlerId: 'g1.jobformidler',
  firstJobConversationAt: 'g1.first_job_conversation',
  ownerId: 'g2.owner',
  rehabTeamMeetingAt: 'g2.rehab_team_meeting_at',
  rehabPlanStartedAt: 'g2.rehab_plan_started_at',
  notificationRecipient: 'g3.recipient',
  notificationDate: 'g3.notification_date',
};
const labelOf = (locale: Locale, field: string): string => {
  const key = LABEL[field];
  return key !== undefined ? t(locale, key) : field;
};

const errorsFor = (locale: Locale, errors: readonly FieldError[], field: string): JsonObject[] =>
  errors
    .filter((e) => e.field === field)
    .map((e) => errorText(t(locale, `error.${e.key}`, { ...(e.params ?? {}), field: labelOf(locale, field) })));

/** "Tjek de markerede felter: …" naming every field with a problem. */
const errorSummary = (locale: Locale, errors: readonly FieldError[]): JsonObject[] =>
  errors.length === 0
    ? []
    : [
        errorText(
          t(locale, 'errors', { fields: [...new Set(errors.map((e) => labelOf(locale, e.field)))].join(', ') }),
        ),
      ];

const withValue = (values: Readonly<Record<string, string>>, id: string): JsonObject =>
  values[id] !== undefined && values[id] !== '' ? { value: values[id] } : {};

/** A required input is marked (Teams draws the asterisk) and says which field it is when left empty. */
const required = (locale: Locale, id: string): JsonObject => ({
  isRequired: true,
  errorMessage: t(locale, 'error.required', { field: labelOf(locale, id) }),
});

function field(locale: Locale, input: JsonObject, errors: readonly FieldError[]): JsonObject[] {
  return [input, ...errorsFor(locale, errors, String(input.id))];
}

const VERBS: Record<VisitationMode, { next: string; back: string; save: string }> = {
  decide: { next: 'visitation.next', back: 'visitation.back', save: 'visitation.save' },
  change: { next: 'visitation.change.next', back: 'visitation.change.back', save: 'visitation.change.save' },
};

/** Step 1 of 2: group, date of the visitation conversation, coded rationale and an optional short note. */
export function visitationBasicsCard(input: {
  locale: Locale;
  caseRef: string;
  values: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  mode?: VisitationMode;
  current?: { readonly group: string; readonly since: string } | undefined;
}): AdaptiveCard {
  const { locale, values, errors } = input;
  const mode = input.mode ?? 'decide';
  const current = input.current;
  const body: JsonObject[] = [
    heading(t(locale, mode === 'change' ? 'change.title' : 'title', { caseRef: input.caseRef })),
    text(t(locale, 'step', { n: 1 }), { weight: 'Bolder', spacing: 'Small' }),
    text(
      mode === 'change' && current !== undefined
        ? t(locale, 'change.intro', {
            group: t(locale, `group.${current.group}` as 'group.OUT_OF_SCOPE'),
            date: formatLongDate(current.since, locale),
          })
        : t(locale, 'intro'),
    ),
    note(t(locale, 'required_note')),
    ...errorSummary(locale, errors),
    ...field(
      locale,
      {
        type: 'Input.ChoiceSet',
        id: 'group',
        label: t(locale, 'group'),
        ...required(locale, 'group'),
        style: 'expanded',
        ...withValue(values, 'group'),
        choices: VISITATION_GROUPS.map((g) => ({ title: t(locale, `group.${g}`), value: g })),
        wrap: true,
      },
      errors,
    ),
    ...field(
      locale,
      {
        type: 'Input.Date',
        id: 'conversationAt',
        label: t(locale, 'conversation_at'),
        ...required(locale, 'conversationAt'),
        ...withValue(values, 'conversationAt'),
      },
      errors,
    ),
    ...field(
      locale,
      {
        type: 'Input.ChoiceSet',
        id: 'rationale',
        label: t(locale, 'rationale'),
        ...required(locale, 'rationale'),
        style: 'compact',
        ...withValue(values, 'rationale'),
        choices: RATIONALE_CODES.map((c) => ({ title: t(locale, `rationale.${c}`), value: c })),
        wrap: true,
      },
      errors,
    ),
    ...field(
      locale,
      {
        type: 'Input.Text',
        id: 'note',
        label: t(locale, 'note'),
        placeholder: t(locale, 'note.placeholder'),
        maxLength: NOTE_MAX,
        ...withValue(values, 'note'),
      },
      errors,
    ),
  ];
  return adaptiveCard(body, [
    executeAction(t(locale, 'next'), VERBS[mode].next, { caseRef: input.caseRef }, { style: 'positive' }),
  ]);
}

/** Step 2 of 2: what the chosen group needs. The step-1 choices travel in the buttons' data. */
export function visitationDetailsCard(input: {
  locale: Locale;
  caseRef: string;
  basics: DecisionBasics;
  jobformidlere: readonly JobformidlerChoice[];
  owners?: readonly JobformidlerChoice[];
  values: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  mode?: VisitationMode;
}): AdaptiveCard {
  const { locale, basics, values, errors } = input;
  const mode = input.mode ?? 'decide';
  const owners = input.owners ?? [];
  const carried = {
    caseRef: input.caseRef,
    group: basics.group,
    conversationAt: basics.conversationAt,
    rationale: basics.rationale,
    ...(basics.note !== undefined ? { note: basics.note } : {}),
  };
  const body: JsonObject[] = [
    heading(t(locale, mode === 'change' ? 'change.title' : 'title', { caseRef: input.caseRef })),
    text(t(locale, 'step', { n: 2 }), { weight: 'Bolder', spacing: 'Small' }),
    facts([
      [t(locale, 'group'), t(locale, `group.${basics.group}`)],
      [t(locale, 'conversation_at'), formatLongDate(basics.conversationAt, locale)],
      [t(locale, 'rationale'), t(locale, `rationale.${basics.rationale}`)],
    ]),
    ...(basics.group !== 'OUT_OF_SCOPE' ? [note(t(locale, 'required_note'))] : []),
    ...errorSummary(locale, errors),
  ];
  let canSave = true;
  const date = (id: string, isRequired: boolean) =>
    field(
      locale,
      {
        type: 'Input.Date',
        id,
        label: labelOf(locale, id),
        ...(isRequired ? required(locale, id) : {}),
        ...withValue(values, id),
      },
      errors,
    );
  switch (basics.group) {
    case 'G1_INTERVENTION':
      body.push(subheading(t(locale, 'g1.title')));
      if (input.jobformidlere.length === 0) {
        body.push(errorText(t(locale, 'g1.no_jobformidler')));
        canSave = false;
        break;
      }
      body.push(
        ...field(
          locale,
          {
            type: 'Input.ChoiceSet',
            id: 'jobformidlerId',
            label: t(locale, 'g1.jobformidler'),
            ...required(locale, 'jobformidlerId'),
            style: 'compact',
            ...withValue(values, 'jobformidlerId'),
            choices: input.jobformidlere.slice(0, 100).map((j) => ({ title: j.displayName, value: j.userId })),
          },
          errors,
        ),
        ...date('firstJobConversationAt', true),
      );
      break;
    case 'G2_REHABILITATION':
      body.push(subheading(t(locale, 'g2.title')));
      if (owners.length === 0) {
        body.push(errorText(t(locale, 'g2.no_owner')));
        canSave = false;
        break;
      }
      body.push(
        ...field(
          locale,
          {
            type: 'Input.ChoiceSet',
            id: 'ownerId',
            label: t(locale, 'g2.owner'),
            ...required(locale, 'ownerId'),
            style: 'compact',
            ...withValue(values, 'ownerId'),
            choices: owners.slice(0, 100).map((o) => ({ title: o.displayName, value: o.userId })),
          },
          errors,
        ),
        ...date('rehabTeamMeetingAt', true),
        ...date('rehabPlanStartedAt', false),
      );
      break;
    case 'G3_NOT_EMPLOYMENT_READY':
      body.push(
        subheading(t(locale, 'g3.title')),
        text(t(locale, 'g3.reminder'), { color: 'Attention', weight: 'Bolder' }),
        ...field(
          locale,
          {
            type: 'Input.ChoiceSet',
            id: 'notificationRecipient',
            label: t(locale, 'g3.recipient'),
            ...required(locale, 'notificationRecipient'),
            style: 'expanded',
            ...withValue(values, 'notificationRecipient'),
            choices: G3_RECIPIENTS.map((r) => ({ title: t(locale, `g3.recipient.${r}`), value: r })),
          },
          errors,
        ),
        // Required unless no notification is sent: the client cannot check that, so the label says it.
        ...date('notificationDate', false),
      );
      break;
    case 'OUT_OF_SCOPE':
      body.push(subheading(t(locale, 'out.title')), note(t(locale, 'out.body')));
      break;
  }
  return adaptiveCard(body, [
    // Back needs none of this step's inputs, so an empty required field must not block it.
    executeAction(t(locale, 'back'), VERBS[mode].back, carried, { associatedInputs: 'none' }),
    ...(canSave
      ? [
          executeAction(t(locale, mode === 'change' ? 'change.save' : 'save'), VERBS[mode].save, carried, {
            style: 'positive',
          }),
        ]
      : []),
  ]);
}
