import type { Locale } from '../../bot/i18n/locale';
import { screeningText as t } from '../../bot/i18n/screening';
import { localized, type Question, type Questionnaire } from '../../bot/features/screening/questionnaire-rules';
import type { Answers } from '../../bot/features/screening/rules';
import type { ScreeningOutcome } from '../../bot/domain/case';
import { formatLongDate } from '../../bot/domain/calendar';
import { adaptiveCard, executeAction, facts, heading, note, subheading, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export interface AnswersView {
  readonly caseRef: string;
  readonly questionnaire: Questionnaire;
  readonly status: 'IN_PROGRESS' | 'COMPLETED' | 'ABORTED';
  readonly answers: Answers;
  readonly outcome?: ScreeningOutcome | undefined;
  readonly suggestedOutcome?: ScreeningOutcome | undefined;
  readonly outcomeChangedByScreener?: boolean | undefined;
}

function answerText(locale: Locale, q: Question, value: Answers[string] | undefined): string {
  if (value === undefined) return t(locale, 'answers.none');
  switch (q.type) {
    case 'confirm':
      return t(locale, value === true ? 'step.yes' : 'step.no');
    case 'date':
      return typeof value === 'string' ? formatLongDate(value, locale) : t(locale, 'answers.none');
    case 'choice':
    case 'multi': {
      const codes = Array.isArray(value) ? value : [String(value)];
      return codes.map((c) => q.options.find((o) => o.value === c)?.label[locale] ?? c).join('; ');
    }
  }
}

/**
 * A screening's answers, read with its own questionnaire version (so a later version never changes
 * how it reads). Shown only on request, to the screener or the case's jobformidler, with a button
 * that puts the redacted summary back.
 */
export function screeningAnswersCard(
  locale: Locale,
  view: AnswersView,
  hide: { verb: string; data: Record<string, string> },
): AdaptiveCard {
  const q = view.questionnaire;
  const body: JsonObject[] = [
    heading(t(locale, 'answers.title', { caseRef: view.caseRef })),
    note(`${localized(q.name, locale)} · ${t(locale, `answers.status.${view.status}`)}`),
    text(t(locale, 'answers.confidential'), { color: 'Attention' }),
  ];
  for (const step of q.steps) {
    if (step.kind === 'outcome') {
      if (view.outcome === undefined) continue;
      const outcome = t(locale, `outcome.${view.outcome}`);
      const rows: [string, string][] = [
        [
          t(locale, 'answers.outcome'),
          view.outcomeChangedByScreener ? t(locale, 'answers.changed', { outcome }) : outcome,
        ],
      ];
      if (view.suggestedOutcome !== undefined && view.outcomeChangedByScreener)
        rows.push([t(locale, 'answers.suggested'), t(locale, `outcome.${view.suggestedOutcome}`)]);
      body.push(subheading(localized(step.title, locale)), facts(rows));
      continue;
    }
    const answered = step.questions.filter((x) => view.answers[x.id] !== undefined);
    if (answered.length === 0) continue;
    body.push(subheading(localized(step.title, locale)));
    for (const question of answered)
      body.push(
        text(localized(question.label, locale), { weight: 'Bolder', spacing: 'Small' }),
        text(answerText(locale, question, view.answers[question.id]), { spacing: 'None' }),
      );
  }
  return adaptiveCard(body, [executeAction(t(locale, 'answers.hide'), hide.verb, hide.data)]);
}
