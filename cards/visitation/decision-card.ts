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
import type { JobformidlerChoice } from '../../bot/features/visitation/decide-visitation';
import { adaptiveCard, errorText, executeAction, facts, heading, note, subheading, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

const errorsFor = (locale: Locale, errors: readonly FieldError[], field: string): JsonObject[] =>
  errors.filter((e) => e.field === field).map((e) => errorText(t(locale, `error.${e.key}`, e.params ?? {})));

const withValue = (values: Readonly<Record<string, string>>, id: string): JsonObject =>
  values[id] !== undefined && values[id] !== '' ? { value: values[id] } : {};

function field(locale: Locale, input: JsonObject, errors: readonly FieldError[]): JsonObject[] {
  return [input, ...errorsFor(locale, errors, String(input.id))];
}

/** Step 1 of 2: group, date of the visitation conversation, coded rationale and an optional short note. */
export function visitationBasicsCard(input: {
  locale: Locale;
  caseRef: string;
  values: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
}): AdaptiveCard {
  const { locale, values, errors } = input;
  const body: JsonObject[] = [
    heading(t(locale, 'title', { caseRef: input.caseRef })),
    text(t(locale, 'step', { n: 1 }), { weight: 'Bolder', spacing: 'Small' }),
    text(t(locale, 'intro')),
    ...(errors.length > 0 ? [errorText(t(locale, 'errors'))] : []),
    ...field(
      locale,
      {
        type: 'Input.ChoiceSet',
        id: 'group',
        label: t(locale, 'group'),
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
    executeAction(t(locale, 'next'), 'visitation.next', { caseRef: input.caseRef }, { style: 'positive' }),
  ]);
}

/** Step 2 of 2: what the chosen group needs. The step-1 choices travel in the buttons' data. */
export function visitationDetailsCard(input: {
  locale: Locale;
  caseRef: string;
  basics: DecisionBasics;
  jobformidlere: readonly JobformidlerChoice[];
  values: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
}): AdaptiveCard {
  const { locale, basics, values, errors } = input;
  const carried = {
    caseRef: input.caseRef,
    group: basics.group,
    conversationAt: basics.conversationAt,
    rationale: basics.rationale,
    ...(basics.note !== undefined ? { note: basics.note } : {}),
  };
  const body: JsonObject[] = [
    heading(t(locale, 'title', { caseRef: input.caseRef })),
    text(t(locale, 'step', { n: 2 }), { weight: 'Bolder', spacing: 'Small' }),
    facts([
      [t(locale, 'group'), t(locale, `group.${basics.group}`)],
      [t(locale, 'conversation_at'), formatLongDate(basics.conversationAt, locale)],
      [t(locale, 'rationale'), t(locale, `rationale.${basics.rationale}`)],
    ]),
    ...(errors.length > 0 ? [errorText(t(locale, 'errors'))] : []),
  ];
  let canSave = true;
  const date = (id: string, label: string) =>
    field(
      locale,
      { type: 'Input.Date', id, label: t(locale, label as 'g2.rehab_team_meeting_at'), ...withValue(values, id) },
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
            style: 'compact',
            ...withValue(values, 'jobformidlerId'),
            choices: input.jobformidlere.slice(0, 100).map((j) => ({ title: j.displayName, value: j.userId })),
          },
          errors,
        ),
        ...date('firstJobConversationAt', 'g1.first_job_conversation'),
      );
      break;
    case 'G2_REHABILITATION':
      body.push(
        subheading(t(locale, 'g2.title')),
        ...date('rehabTeamMeetingAt', 'g2.rehab_team_meeting_at'),
        ...date('rehabPlanStartedAt', 'g2.rehab_plan_started_at'),
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
            style: 'expanded',
            ...withValue(values, 'notificationRecipient'),
            choices: G3_RECIPIENTS.map((r) => ({ title: t(locale, `g3.recipient.${r}`), value: r })),
          },
          errors,
        ),
        ...date('notificationDate', 'g3.notification_date'),
      );
      break;
    case 'OUT_OF_SCOPE':
      body.push(subheading(t(locale, 'out.title')), note(t(locale, 'out.body')));
      break;
  }
  return adaptiveCard(body, [
    executeAction(t(locale, 'back'), 'visitation.back', carried),
    ...(canSave ? [executeAction(t(locale, 'save'), 'visitation.save', carried, { style: 'positive' })] : []),
  ]);
}
