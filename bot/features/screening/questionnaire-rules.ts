import { z } from 'zod';
import type { Locale } from '../../i18n/locale';

/**
 * A screening questionnaire is data (PRODUCT.md §1: admins manage questionnaire versions). This is
 * the schema every version is validated against when it is loaded, so a broken file fails at start
 * instead of in front of a citizen. The rules (rules.ts) find the gateway and Washington Group
 * answers through question `role`s, never through question ids, so a new version may rename or
 * reword questions without changing how the outcome is derived for either version.
 */

export const WG_DOMAINS = ['SEEING', 'HEARING', 'MOBILITY', 'COGNITION', 'SELF_CARE', 'COMMUNICATION'] as const;
export type WgDomain = (typeof WG_DOMAINS)[number];

/** The four Washington Group categories plus the two survey-practice non-answers (domain-research §2.4). */
export const WG_ANSWERS = [
  'NO_DIFFICULTY',
  'SOME_DIFFICULTY',
  'A_LOT_OF_DIFFICULTY',
  'CANNOT_DO_AT_ALL',
  'DONT_KNOW',
  'REFUSED',
] as const;
export type WgAnswer = (typeof WG_ANSWERS)[number];

export const GATEWAY_ANSWERS = ['YES', 'NO', 'DONT_KNOW', 'REFUSED'] as const;
export type GatewayAnswer = (typeof GATEWAY_ANSWERS)[number];

export const NEXT_STEP_TYPES = ['VISITATION_CONVERSATION', 'REFERRAL', 'NONE'] as const;
export type NextStepType = (typeof NEXT_STEP_TYPES)[number];

const LocalizedSchema = z.strictObject({ da: z.string().min(1).max(1500), en: z.string().min(1).max(1500) });
export type Localized = z.infer<typeof LocalizedSchema>;

const CodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'option values are UPPER_SNAKE codes');
const IdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'ids are lowerCamel');

const OptionSchema = z.strictObject({ value: CodeSchema, label: LocalizedSchema });
export type Option = z.infer<typeof OptionSchema>;

/** Options inline, or the name of a shared option set of the questionnaire. */
const OptionsSchema = z.union([z.array(OptionSchema).min(2).max(20), IdSchema]);

/** "Only when an earlier single-choice question was answered with one of these values." */
const ConditionSchema = z.strictObject({ question: IdSchema, in: z.array(CodeSchema).min(1) });
export type Condition = z.infer<typeof ConditionSchema>;

const base = { id: IdSchema, label: LocalizedSchema, hint: LocalizedSchema.optional() };

const ConfirmQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('confirm'),
  /** A required confirmation must be ticked to go on. */
  required: z.boolean().default(false),
  role: z.enum(['informed']).optional(),
});

const ChoiceQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('choice'),
  options: OptionsSchema,
  required: z.boolean().default(true),
  role: z.enum(['participation', 'gateway', 'wg', 'nextStep']).optional(),
  domain: z.enum(WG_DOMAINS).optional(),
});

const MultiQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('multi'),
  options: OptionsSchema,
  role: z.enum(['accommodations', 'possibleHko']).optional(),
});

const DateQuestionSchema = z.strictObject({
  ...base,
  type: z.literal('date'),
  requiredWhen: ConditionSchema.optional(),
  role: z.enum(['nextStepDate']).optional(),
  /** Allowed window relative to the screening day (Europe/Copenhagen). */
  minDaysFromToday: z.number().int().min(-3650).max(3650).default(0),
  maxDaysFromToday: z.number().int().min(-3650).max(3650).default(365),
});

const QuestionSchema = z.discriminatedUnion('type', [
  ConfirmQuestionSchema,
  ChoiceQuestionSchema,
  MultiQuestionSchema,
  DateQuestionSchema,
]);

const StepSchema = z.strictObject({
  id: IdSchema,
  /** `outcome` is the step where the screener confirms or changes the suggested outcome. */
  kind: z.enum(['questions', 'outcome']).default('questions'),
  title: LocalizedSchema,
  /** Paragraphs read to (or shown for) the citizen before the questions. */
  intro: z.array(LocalizedSchema).max(10).default([]),
  questions: z.array(QuestionSchema).max(8).default([]),
  skipWhen: ConditionSchema.optional(),
});

const RawQuestionnaireSchema = z.strictObject({
  $comment: z.string().optional(),
  id: IdSchema,
  version: z.number().int().min(1),
  name: LocalizedSchema,
  optionSets: z.record(IdSchema, z.array(OptionSchema).min(2).max(20)).default({}),
  steps: z.array(StepSchema).min(2).max(20),
});
type RawQuestionnaire = z.infer<typeof RawQuestionnaireSchema>;

/** A question after option sets are resolved: every choice carries its own options. */
export type Question =
  | z.infer<typeof ConfirmQuestionSchema>
  | (Omit<z.infer<typeof ChoiceQuestionSchema>, 'options'> & { options: Option[] })
  | (Omit<z.infer<typeof MultiQuestionSchema>, 'options'> & { options: Option[] })
  | z.infer<typeof DateQuestionSchema>;
export type ChoiceQuestion = Extract<Question, { type: 'choice' }>;

export interface Step {
  readonly id: string;
  readonly kind: 'questions' | 'outcome';
  readonly title: Localized;
  readonly intro: readonly Localized[];
  readonly questions: readonly Question[];
  readonly skipWhen?: Condition | undefined;
}

export interface Questionnaire {
  readonly id: string;
  readonly version: number;
  readonly name: Localized;
  readonly steps: readonly Step[];
}

const sameSet = (values: readonly string[], expected: readonly string[]): boolean =>
  values.length === expected.length && expected.every((v) => values.includes(v));

function resolve(raw: RawQuestionnaire, ctx: z.RefinementCtx): Questionnaire {
  const issue = (message: string): void => ctx.addIssue({ code: 'custom', message });
  const seen = new Map<string, { question: Question; step: number }>();
  const stepIds = new Set<string>();
  const steps: Step[] = raw.steps.map((step, stepIndex) => {
    if (stepIds.has(step.id)) issue(`duplicate step id ${step.id}`);
    stepIds.add(step.id);
    const questions: Question[] = step.questions.map((q) => {
      if (q.type !== 'choice' && q.type !== 'multi') return q;
      const options = typeof q.options === 'string' ? raw.optionSets[q.options] : q.options;
      if (options === undefined) {
        issue(`question ${q.id} refers to unknown option set ${String(q.options)}`);
        return { ...q, options: [] };
      }
      if (new Set(options.map((o) => o.value)).size !== options.length) issue(`question ${q.id} repeats an option`);
      return { ...q, options };
    });
    const checkCondition = (condition: Condition | undefined, where: string): void => {
      if (condition === undefined) return;
      const target = seen.get(condition.question);
      if (target === undefined || target.question.type !== 'choice')
        return issue(`${where} refers to ${condition.question}, which is not an earlier single-choice question`);
      const values = target.question.options.map((o) => o.value);
      for (const v of condition.in)
        if (!values.includes(v)) issue(`${where} uses ${v}, not an option of ${target.question.id}`);
    };
    checkCondition(step.skipWhen, `step ${step.id}`);
    for (const q of questions) {
      if (seen.has(q.id)) issue(`duplicate question id ${q.id}`);
      if (q.type === 'date') checkCondition(q.requiredWhen, `question ${q.id}`);
      seen.set(q.id, { question: q, step: stepIndex });
    }
    if (step.kind === 'outcome' && questions.length > 0) issue(`outcome step ${step.id} cannot hold questions`);
    return { id: step.id, kind: step.kind, title: step.title, intro: step.intro, questions, skipWhen: step.skipWhen };
  });

  const all = [...seen.values()];
  const withRole = (role: string) => all.filter((e) => 'role' in e.question && e.question.role === role);
  const outcomeSteps = steps.map((s, i) => (s.kind === 'outcome' ? i : -1)).filter((i) => i >= 0);
  if (outcomeSteps.length !== 1) issue('a questionnaire has exactly one outcome step');
  const outcomeAt = outcomeSteps[0] ?? -1;

  const gateway = withRole('gateway');
  if (gateway.length !== 1) issue('a questionnaire has exactly one gateway question');
  for (const g of gateway) {
    if (
      g.question.type !== 'choice' ||
      !sameSet(
        g.question.options.map((o) => o.value),
        GATEWAY_ANSWERS,
      )
    )
      issue(`gateway question ${g.question.id} must offer ${GATEWAY_ANSWERS.join(', ')}`);
    if (g.step > outcomeAt) issue('the gateway question comes before the outcome step');
  }
  const wg = withRole('wg');
  const domains = wg.map((e) => (e.question.type === 'choice' ? e.question.domain : undefined));
  if (
    !sameSet(
      domains.filter((d): d is WgDomain => d !== undefined),
      WG_DOMAINS,
    ) ||
    new Set(domains).size !== 6
  )
    issue('the six Washington Group domains each have exactly one question');
  for (const e of wg) {
    if (
      e.question.type !== 'choice' ||
      !sameSet(
        e.question.options.map((o) => o.value),
        WG_ANSWERS,
      )
    )
      issue(`Washington Group question ${e.question.id} must offer ${WG_ANSWERS.join(', ')}`);
    if (e.step > outcomeAt) issue('the Washington Group questions come before the outcome step');
  }
  for (const e of withRole('participation')) {
    if (
      e.question.type !== 'choice' ||
      !sameSet(
        e.question.options.map((o) => o.value),
        ['YES', 'NO'],
      )
    )
      issue(`participation question ${e.question.id} must offer YES, NO`);
  }
  if (withRole('participation').length > 1) issue('at most one participation question');
  for (const e of withRole('nextStep')) {
    if (
      e.question.type !== 'choice' ||
      !e.question.options.every((o) => (NEXT_STEP_TYPES as readonly string[]).includes(o.value))
    )
      issue(`next-step question ${e.question.id} offers only ${NEXT_STEP_TYPES.join(', ')}`);
  }
  for (const role of ['nextStep', 'nextStepDate', 'informed']) {
    if (withRole(role).length > 1) issue(`at most one question with role ${role}`);
  }
  return { id: raw.id, version: raw.version, name: raw.name, steps };
}

/** Validates a questionnaire file (unknown JSON) and resolves its option sets. */
export const QuestionnaireSchema = RawQuestionnaireSchema.transform((raw, ctx) => resolve(raw, ctx));

export const localized = (text: Localized, locale: Locale): string => text[locale];

export const questionsWithRole = (q: Questionnaire, role: string): Question[] =>
  q.steps.flatMap((s) => s.questions.filter((x) => 'role' in x && x.role === role));

export const findQuestion = (q: Questionnaire, id: string): Question | undefined =>
  q.steps.flatMap((s) => s.questions).find((x) => x.id === id);
