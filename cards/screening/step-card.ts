import type { Locale } from '../../bot/i18n/locale';
import { screeningText as t } from '../../bot/i18n/screening';
import { localized, type Question, type Questionnaire } from '../../bot/features/screening/questionnaire-rules';
import {
  CONFIRMABLE_OUTCOMES,
  inputIdOf,
  type Answers,
  type OutcomeSuggestion,
  type OutcomeReason,
  type StepError,
} from '../../bot/features/screening/rules';
import type { ScreeningOutcome } from '../../bot/domain/case';
import { adaptiveCard, container, errorText, executeAction, heading, note, subheading, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/** The input on the outcome step (not a questionnaire question: the outcome is the screener's decision). */
export const OUTCOME_INPUT = 'screeningOutcome';

export interface StepCardInput {
  readonly locale: Locale;
  readonly caseRef: string;
  readonly questionnaire: Questionnaire;
  readonly stepIndex: number;
  /** The screening's sequence number when the card was drawn; it comes back with every button. */
  readonly seq: number;
  /** Values to show in the inputs (saved answers, or what was just sent when it had errors). */
  readonly values: Answers;
  readonly errors?: readonly StepError[];
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly notice?: string;
  /** On the outcome step: the rule's suggestion and the outcome chosen so far. */
  readonly suggestion?: OutcomeSuggestion;
  readonly chosenOutcome?: ScreeningOutcome;
}

function reasonText(locale: Locale, reason: OutcomeReason): string {
  switch (reason.code) {
    case 'gateway':
      return t(locale, `reason.gateway.${reason.answer}`);
    case 'wg_severe':
      return t(locale, 'reason.wg_severe', { domains: reason.domains.map((d) => t(locale, `domain.${d}`)).join(', ') });
    case 'wg_unanswered':
      return t(locale, 'reason.wg_unanswered', { count: reason.count });
    default:
      return t(locale, `reason.${reason.code}`);
  }
}

const stringValue = (v: Answers[string] | undefined): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? String(v) : undefined;

function questionInput(locale: Locale, q: Question, value: Answers[string] | undefined): JsonObject {
  const id = inputIdOf(q.id);
  const label = localized(q.label, locale);
  const current = stringValue(value);
  switch (q.type) {
    case 'confirm':
      return {
        type: 'Input.Toggle',
        id,
        title: label,
        valueOn: 'true',
        valueOff: 'false',
        value: value === true ? 'true' : 'false',
        wrap: true,
      };
    case 'choice':
    case 'multi':
      return {
        type: 'Input.ChoiceSet',
        id,
        label,
        style: 'expanded',
        ...(q.type === 'multi' ? { isMultiSelect: true } : {}),
        ...(current !== undefined ? { value: current } : {}),
        choices: q.options.map((o) => ({ title: localized(o.label, locale), value: o.value })),
        wrap: true,
      };
    case 'date':
      return { type: 'Input.Date', id, label, ...(current !== undefined ? { value: current } : {}) };
  }
}

/** The error's words; those that name the field get the question's label (e.g. a missing date). */
function errorFor(locale: Locale, error: StepError, question?: Question): string {
  const field: Record<string, string> = question !== undefined ? { field: localized(question.label, locale) } : {};
  return t(locale, `step.error.${error.key}`, { ...field, ...(error.params ?? {}) });
}

/** One step of the screening: progress, the step's text and inputs, inline errors, and the four buttons. */
export function screeningStepCard(input: StepCardInput): AdaptiveCard {
  const { locale, questionnaire: q, stepIndex } = input;
  const step = q.steps[stepIndex];
  if (step === undefined) throw new Error(`No step ${stepIndex} in ${q.id}@${q.version}`);
  const errors = input.errors ?? [];
  const body: JsonObject[] = [
    heading(t(locale, 'step.title', { caseRef: input.caseRef })),
    text(
      t(locale, 'step.progress', { n: stepIndex + 1, total: q.steps.length, title: localized(step.title, locale) }),
      { weight: 'Bolder', spacing: 'Small' },
    ),
    note(localized(q.name, locale)),
  ];
  if (input.notice) body.push(text(input.notice, { color: 'Accent' }));
  if (errors.length > 0) body.push(errorText(t(locale, 'step.errors')));
  for (const paragraph of step.intro) body.push(text(localized(paragraph, locale)));

  if (step.kind === 'outcome' && input.suggestion !== undefined) {
    const s = input.suggestion;
    body.push(
      container(
        [
          subheading(t(locale, 'outcome.suggested', { outcome: t(locale, `outcome.${s.outcome}`) })),
          text(t(locale, 'outcome.why'), { weight: 'Bolder', spacing: 'Small' }),
          ...s.reasons.map((r) => text(`• ${reasonText(locale, r)}`, { spacing: 'None' })),
        ],
        { style: 'emphasis' },
      ),
      text(t(locale, 'outcome.decide')),
      {
        type: 'Input.ChoiceSet',
        id: OUTCOME_INPUT,
        label: t(locale, 'outcome.label'),
        style: 'expanded',
        value: input.chosenOutcome ?? s.outcome,
        choices: CONFIRMABLE_OUTCOMES.map((o) => ({ title: t(locale, `outcome.${o}`), value: o })),
        wrap: true,
      },
    );
    const outcomeError = errors.find((e) => e.questionId === OUTCOME_INPUT);
    if (outcomeError) body.push(errorText(errorFor(locale, outcomeError)));
  }

  for (const question of step.questions) {
    const items: JsonObject[] = [];
    if (question.hint) items.push(note(localized(question.hint, locale)));
    items.push(questionInput(locale, question, input.values[question.id]));
    for (const e of errors.filter((x) => x.questionId === question.id))
      items.push(errorText(errorFor(locale, e, question)));
    body.push(container(items, { spacing: 'Medium' }));
  }
  body.push(note(t(locale, 'step.saved_note')));

  const data = { caseRef: input.caseRef, seq: input.seq, step: stepIndex };
  const actions: JsonObject[] = [
    ...(input.isFirst ? [] : [executeAction(t(locale, 'step.back'), 'screening.back', data)]),
    executeAction(t(locale, input.isLast ? 'step.finish' : 'step.next'), 'screening.answer', data, {
      style: 'positive',
    }),
    executeAction(t(locale, 'step.pause'), 'screening.pause', data),
    executeAction(t(locale, 'step.abort'), 'screening.abort', data, { style: 'destructive' }),
  ];
  return adaptiveCard(body, actions);
}
