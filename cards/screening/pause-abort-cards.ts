import type { Locale } from '../../bot/i18n/locale';
import { screeningText as t } from '../../bot/i18n/screening';
import { adaptiveCard, executeAction, heading, text } from '../common/elements';
import type { AdaptiveCard } from '../types';

/** After "save and continue later": where the screening stands, and a way back in. */
export function screeningPausedCard(input: {
  locale: Locale;
  caseRef: string;
  stepNumber: number;
  totalSteps: number;
}): AdaptiveCard {
  const { locale, caseRef } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'paused.title')),
      text(t(locale, 'paused.body', { caseRef, n: input.stepNumber, total: input.totalSteps })),
    ],
    [
      executeAction(t(locale, 'paused.resume'), 'screening.resume', { caseRef }, { style: 'positive' }),
      executeAction(t(locale, 'summary.list'), 'screening.list'),
    ],
  );
}

/** Aborting deletes the answers given so far (record-step.ts: `abort`), so it asks first. */
export function confirmAbortCard(input: { locale: Locale; caseRef: string; seq: number; step: number }): AdaptiveCard {
  const { locale, caseRef } = input;
  const data = { caseRef, seq: input.seq, step: input.step };
  return adaptiveCard(
    [heading(t(locale, 'abort.title')), text(t(locale, 'abort.body', { caseRef }))],
    [
      executeAction(t(locale, 'abort.confirm'), 'screening.abort.confirm', data, { style: 'destructive' }),
      executeAction(t(locale, 'abort.cancel'), 'screening.resume', { caseRef }),
    ],
  );
}
