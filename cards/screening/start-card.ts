import type { Locale } from '../../bot/i18n/locale';
import { screeningText as t } from '../../bot/i18n/screening';
import { adaptiveCard, errorText, executeAction, heading, text } from '../common/elements';
import type { AdaptiveCard } from '../types';

/** Starts a screening: the case number (optional), nothing else about the citizen. */
export function startScreeningCard(input: { locale: Locale; error?: string }): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'start.title')),
      text(t(locale, 'start.intro')),
      ...(input.error ? [errorText(input.error)] : []),
      {
        type: 'Input.Text',
        id: 'caseNumber',
        label: t(locale, 'start.case_number'),
        placeholder: t(locale, 'start.placeholder'),
        maxLength: 40,
      },
    ],
    [executeAction(t(locale, 'start.button'), 'screening.start', {}, { style: 'positive' })],
  );
}
