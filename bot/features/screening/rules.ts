import type { ScreeningOutcome } from '../../domain/case';
import { addDays, isValidIsoDate } from '../../domain/calendar';
import {
  questionsWithRole,
  type Condition,
  type Question,
  type Questionnaire,
  type Step,
  type WgAnswer,
  type WgDomain,
} from './questionnaire-rules';

/**
 * Pure rules of the screening: which step comes next, whether a step's answers are complete, and
 * the suggested outcome. No I/O, no clock: "today" comes in as a Danish business date.
 */

/** What a screening stores per question: a code, a set of codes, a confirmation, or a date. */
export type AnswerValue = string | boolean | string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

// ---------------------------------------------------------------- navigation

const conditionHolds = (condition: Condition | undefined, answers: Answers): boolean => {
  if (condition === undefined) return false;
  const value = answers[condition.question];
  return typeof value === 'string' && condition.in.includes(value);
};

export const isStepSkipped = (step: Step, answers: Answers): boolean => conditionHolds(step.skipWhen, answers);

/** Index of the next step that applies after `from`, or undefined when `from` is the last. */
export function nextStepIndex(q: Questionnaire, answers: Answers, from: number): number | undefined {
  for (let i = from + 1; i < q.steps.length; i++) {
    const step = q.steps[i];
    if (step !== undefined && !isStepSkipped(step, answers)) return i;
  }
  return undefined;
}

export function previousStepIndex(q: Questionnaire, answers: Answers, from: number): number | undefined {
  for (let i = from - 1; i >= 0; i--) {
    const step = q.steps[i];
    if (step !== undefined && !isStepSkipped(step, answers)) return i;
  }
  return undefined;
}

// ---------------------------------------------------------------- step input

export type StepErrorKey =
  | 'required'
  | 'date_required'
  | 'must_confirm'
  | 'invalid_choice'
  | 'invalid_date'
  | 'date_too_early'
  | 'date_too_late';

export interface StepError {
  readonly questionId: string;
  readonly key: StepErrorKey;
  readonly params?: Readonly<Record<string, string>>;
}

export interface ParsedStep {
  /** The step's answers as they will be stored (empty optional answers are absent). */
  readonly answers: Record<string, AnswerValue>;
  readonly errors: StepError[];
}

/** Card inputs are named after the question: `q_<questionId>`. */
export const inputIdOf = (questionId: string): string => `q_${questionId}`;

const rawText = (raw: Readonly<Record<string, unknown>>, questionId: string): string => {
  const value = raw[inputIdOf(questionId)];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return '';
};

/**
 * Reads one step's card inputs. `strict` (Next) reports missing required answers; `lenient`
 * (save and continue later) keeps what is valid and reports only what cannot be stored at all.
 */
export function parseStepInput(
  step: Step,
  raw: Readonly<Record<string, unknown>>,
  context: { readonly today: string; readonly answers: Answers; readonly mode: 'strict' | 'lenient' },
): ParsedStep {
  const answers: Record<string, AnswerValue> = {};
  const errors: StepError[] = [];
  const strict = context.mode === 'strict';
  const merged = (): Answers => ({ ...context.answers, ...answers });
  for (const question of step.questions) {
    const text = rawText(raw, question.id);
    const fail = (key: StepErrorKey, params?: Record<string, string>) =>
      errors.push({ questionId: question.id, key, ...(params ? { params } : {}) });
    switch (question.type) {
      case 'confirm': {
        const checked = text === 'true';
        if (checked) answers[question.id] = true;
        else if (strict && question.required) fail('must_confirm');
        break;
      }
      case 'choice': {
        if (text === '') {
          if (strict && question.required) fail('required');
        } else if (question.options.some((o) => o.value === text)) answers[question.id] = text;
        else fail('invalid_choice');
        break;
      }
      case 'multi': {
        const values = [
          ...new Set(
            text
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ];
        if (values.some((v) => !question.options.some((o) => o.value === v))) fail('invalid_choice');
        else if (values.length > 0) answers[question.id] = values;
        break;
      }
      case 'date': {
        if (text === '') {
          if (strict && conditionHolds(question.requiredWhen, merged())) fail('date_required');
          break;
        }
        if (!isValidIsoDate(text)) {
          fail('invalid_date');
          break;
        }
        const earliest = addDays(context.today, question.minDaysFromToday);
        const latest = addDays(context.today, question.maxDaysFromToday);
        if (text < earliest) fail('date_too_early', { date: earliest });
        else if (text > latest) fail('date_too_late', { date: latest });
        else answers[question.id] = text;
        break;
      }
    }
  }
  return { answers, errors };
}

/** Replaces one step's answers: questions of the step that were left empty are removed. */
export function mergeStepAnswers(step: Step, previous: Answers, stepAnswers: Answers): Record<string, AnswerValue> {
  const next: Record<string, AnswerValue> = { ...previous };
  for (const question of step.questions) delete next[question.id];
  return { ...next, ...stepAnswers };
}

/** Answers of steps that no longer apply (e.g. the citizen then declined) are not kept. */
export function dropSkippedAnswers(q: Questionnaire, answers: Answers): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = { ...answers };
  for (const step of q.steps) {
    if (isStepSkipped(step, answers)) for (const question of step.questions) delete kept[question.id];
  }
  return kept;
}

// ---------------------------------------------------------------- outcome

/** Outcomes a screener can confirm on the outcome step (ABORTED is recorded by aborting). */
export const CONFIRMABLE_OUTCOMES = [
  'NO_INDICATION',
  'INDICATION_NO_JOB_IMPACT',
  'INDICATION_WITH_JOB_IMPACT',
  'DECLINED',
] as const satisfies readonly ScreeningOutcome[];

const SEVERE: readonly WgAnswer[] = ['A_LOT_OF_DIFFICULTY', 'CANNOT_DO_AT_ALL'];
const ON_SCALE: readonly WgAnswer[] = ['NO_DIFFICULTY', 'SOME_DIFFICULTY', 'A_LOT_OF_DIFFICULTY', 'CANNOT_DO_AT_ALL'];

export type OutcomeReason =
  | { readonly code: 'participation_declined' }
  | { readonly code: 'gateway'; readonly answer: 'YES' | 'NO' | 'DONT_KNOW' | 'REFUSED' | 'MISSING' }
  | { readonly code: 'wg_severe'; readonly domains: readonly WgDomain[] }
  | { readonly code: 'wg_not_severe' }
  | { readonly code: 'wg_unanswered'; readonly count: number }
  | { readonly code: 'nothing_answered' }
  | { readonly code: 'clarify_job_impact' };

export interface OutcomeSuggestion {
  readonly outcome: ScreeningOutcome;
  /** Why, in the order a screener reads it. */
  readonly reasons: readonly OutcomeReason[];
  /** Derived flags for aggregate statistics only (domain-research §2.4); never a label for a person. */
  readonly wgDisability1: boolean;
  readonly wgDisability3: boolean;
}

const asWgAnswer = (value: AnswerValue | undefined): WgAnswer | undefined =>
  typeof value === 'string' ? (value as WgAnswer) : undefined;

/**
 * The suggested outcome (the screener confirms or changes it; GDPR art. 22):
 * - the citizen did not want to take part → DECLINED;
 * - the gateway was refused and no functioning question has an answer on the scale → DECLINED;
 * - gateway YES → INDICATION_WITH_JOB_IMPACT (the citizen says it matters for work, whatever the WG answers);
 * - gateway NO → INDICATION_NO_JOB_IMPACT if the WG cut-off is met (≥ 1 domain "a lot of difficulty"
 *   or "cannot do at all"), else NO_INDICATION;
 * - gateway "don't know" / refused / missing → with the cut-off met INDICATION_WITH_JOB_IMPACT, to be
 *   clarified at the visitation conversation (missing someone costs more than one conversation), else NO_INDICATION.
 * "Don't know" and "refused" WG answers count neither for nor against the cut-off; how many there
 * are is shown, because they make the suggestion less certain.
 */
export function suggestOutcome(q: Questionnaire, answers: Answers): OutcomeSuggestion {
  const wgQuestions = questionsWithRole(q, 'wg').filter(
    (x): x is Extract<Question, { type: 'choice' }> => x.type === 'choice',
  );
  const wg = wgQuestions.map((x) => ({ domain: x.domain as WgDomain, answer: asWgAnswer(answers[x.id]) }));
  const severeDomains = wg.filter((w) => w.answer !== undefined && SEVERE.includes(w.answer)).map((w) => w.domain);
  const onScale = wg.filter((w) => w.answer !== undefined && ON_SCALE.includes(w.answer)).length;
  const wgDisability3 = severeDomains.length > 0;
  const wgDisability1 = wg.some(
    (w) => w.answer !== undefined && w.answer !== 'NO_DIFFICULTY' && ON_SCALE.includes(w.answer),
  );
  const flags = { wgDisability1, wgDisability3 };

  const participation = questionsWithRole(q, 'participation')[0];
  if (participation !== undefined && answers[participation.id] === 'NO')
    return { outcome: 'DECLINED', reasons: [{ code: 'participation_declined' }], ...flags };

  const gatewayQuestion = questionsWithRole(q, 'gateway')[0];
  const rawGateway = gatewayQuestion !== undefined ? answers[gatewayQuestion.id] : undefined;
  const gateway =
    rawGateway === 'YES' || rawGateway === 'NO' || rawGateway === 'DONT_KNOW' || rawGateway === 'REFUSED'
      ? rawGateway
      : 'MISSING';
  const reasons: OutcomeReason[] = [{ code: 'gateway', answer: gateway }];
  reasons.push(wgDisability3 ? { code: 'wg_severe', domains: severeDomains } : { code: 'wg_not_severe' });
  const unanswered = wg.length - onScale;
  if (unanswered > 0) reasons.push({ code: 'wg_unanswered', count: unanswered });

  if ((gateway === 'REFUSED' || gateway === 'MISSING') && onScale === 0)
    return {
      outcome: 'DECLINED',
      reasons: [{ code: 'gateway', answer: gateway }, { code: 'nothing_answered' }],
      ...flags,
    };
  if (gateway === 'YES') return { outcome: 'INDICATION_WITH_JOB_IMPACT', reasons, ...flags };
  if (gateway === 'NO')
    return { outcome: wgDisability3 ? 'INDICATION_NO_JOB_IMPACT' : 'NO_INDICATION', reasons, ...flags };
  if (wgDisability3)
    return {
      outcome: 'INDICATION_WITH_JOB_IMPACT',
      reasons: [...reasons, { code: 'clarify_job_impact' }],
      ...flags,
    };
  return { outcome: 'NO_INDICATION', reasons, ...flags };
}

// ---------------------------------------------------------------- case number

export type CaseNumberCheck =
  { readonly ok: true; readonly caseRef: string } | { readonly ok: false; readonly reason: 'format' | 'cpr_shaped' };

/** Six digits, optional hyphen or space, four digits: the shape of a CPR number, date valid or not. */
const CPR_SHAPE = /(?<!\d)\d{6}[-\s]?\d{4}(?!\d)/;
const CASE_NUMBER = /^[A-Z0-9][A-Z0-9._-]{2,39}$/;

/**
 * A municipality's own case number typed by the screener. It becomes the case's partition key and
 * is shown in chat, so it is stricter than free text: anything shaped like a CPR number is refused
 * even when its first six digits are not a real date.
 */
export function checkCaseNumber(input: string): CaseNumberCheck {
  const value = input.trim().toUpperCase();
  if (CPR_SHAPE.test(value)) return { ok: false, reason: 'cpr_shaped' };
  if (!CASE_NUMBER.test(value)) return { ok: false, reason: 'format' };
  return { ok: true, caseRef: value };
}

/** Case references as they arrive in card data and commands (already checked when the case was created). */
export const CASE_REF_PATTERN = /^[A-Z0-9][A-Z0-9._-]{2,39}$/;
