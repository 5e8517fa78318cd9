import type { ScreeningOutcome } from '../../domain/case';
import type { ScreeningDoc } from '../../store/screening-repository';
import { screeningStepCard } from '../../../cards/screening/step-card';
import { screeningPausedCard } from '../../../cards/screening/pause-abort-cards';
import { screeningSummaryCard } from '../../../cards/screening/summary-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { Locale } from '../../i18n/locale';
import { localized, type Questionnaire } from './questionnaire-rules';
import { questionnaires } from './questionnaires/registry';
import { previousStepIndex, nextStepIndex, suggestOutcome, type Answers, type StepError } from './rules';

/**
 * What a screening action answers with, before it becomes a card: the step to show (with values
 * and inline errors), the "saved for later" notice, or the redacted summary of a finished screening.
 */
export type ScreeningView =
  | {
      readonly kind: 'step';
      readonly screening: ScreeningDoc;
      /** What the inputs show: saved answers, or what was just sent when it had errors. */
      readonly values?: Answers;
      readonly errors?: readonly StepError[];
      readonly chosenOutcome?: ScreeningOutcome;
      readonly notice?: string;
    }
  | { readonly kind: 'paused'; readonly screening: ScreeningDoc }
  | {
      readonly kind: 'finished';
      readonly screening: ScreeningDoc;
      readonly awaitingVisitation: boolean;
      /** The case was closed by this outcome (declined or aborted): its data is deleted after `expiresAt`. */
      readonly closed?: { readonly expiresAt?: string | undefined } | undefined;
    };

/** The questionnaire version a screening was started with (never the current one, unless they are the same). */
export function questionnaireOf(
  screening: Pick<ScreeningDoc, 'questionnaireId' | 'questionnaireVersion'>,
): Questionnaire {
  const q = questionnaires.get(screening.questionnaireId, screening.questionnaireVersion);
  if (q === undefined)
    throw new Error(`Questionnaire ${screening.questionnaireId}@${screening.questionnaireVersion} is not registered`);
  return q;
}

export function renderScreeningView(locale: Locale, view: ScreeningView): AdaptiveCard {
  const s = view.screening;
  const q = questionnaireOf(s);
  switch (view.kind) {
    case 'step': {
      const step = q.steps[s.stepIndex];
      const values = view.values ?? s.answers;
      return screeningStepCard({
        locale,
        caseRef: s.caseRef,
        questionnaire: q,
        stepIndex: s.stepIndex,
        seq: s.seq,
        values,
        errors: view.errors ?? [],
        isFirst: previousStepIndex(q, s.answers, s.stepIndex) === undefined,
        isLast: nextStepIndex(q, s.answers, s.stepIndex) === undefined,
        ...(view.notice !== undefined ? { notice: view.notice } : {}),
        ...(step?.kind === 'outcome'
          ? {
              suggestion: suggestOutcome(q, s.answers),
              ...((view.chosenOutcome ?? s.outcome) !== undefined
                ? { chosenOutcome: view.chosenOutcome ?? s.outcome }
                : {}),
            }
          : {}),
      });
    }
    case 'paused':
      return screeningPausedCard({
        locale,
        caseRef: s.caseRef,
        stepNumber: s.stepIndex + 1,
        totalSteps: q.steps.length,
      });
    case 'finished':
      return screeningSummaryCard(locale, {
        caseRef: s.caseRef,
        status: s.status === 'ABORTED' ? 'ABORTED' : 'COMPLETED',
        conductedOn: s.conductedOn ?? s.updatedAt.slice(0, 10),
        questionnaireName: localized(q.name, locale),
        ...(s.nextStep !== undefined ? { nextStep: s.nextStep } : {}),
        awaitingVisitation: view.awaitingVisitation,
        ...(view.closed !== undefined ? { closed: view.closed } : {}),
      });
  }
}
