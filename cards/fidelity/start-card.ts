import { coreSetKey, type CoreElementSet } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';
import { fidelityText as t } from '../../bot/i18n/fidelity';
import { MIN_RESPONDENTS } from '../../bot/features/fidelity/rules';
import { adaptiveCard, errorText, executeAction, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { coreSetLabel, formatDay } from './format';

/**
 * The leader's start form, in the team's channel: which programme's core elements and the last day to
 * answer. A refused start comes back with what the leader chose and the reason; nothing is saved.
 */
export function startRoundCard(input: {
  locale: Locale;
  sets: readonly CoreElementSet[];
  selectedKey?: string | undefined;
  endDate: string;
  minDate: string;
  maxDate: string;
  startToken: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale } = input;
  const selected = input.selectedKey ?? (input.sets[0] ? coreSetKey(input.sets[0]) : undefined);
  return adaptiveCard(
    [
      heading(t(locale, 'start.title')),
      text(t(locale, 'start.intro', { min: MIN_RESPONDENTS })),
      ...(input.error ? [errorText(input.error)] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'setKey',
        label: t(locale, 'start.set'),
        isRequired: true,
        errorMessage: t(locale, 'start.error.set'),
        ...(selected ? { value: selected } : {}),
        choices: input.sets.map((s) => ({ title: coreSetLabel(s, locale), value: coreSetKey(s) })),
      },
      {
        type: 'Input.Date',
        id: 'endDate',
        label: t(locale, 'start.end'),
        isRequired: true,
        errorMessage: t(locale, 'start.error.end'),
        value: input.endDate,
        min: input.minDate,
        max: input.maxDate,
      },
    ],
    [executeAction(t(locale, 'start.submit'), 'fidelity.start', { startToken: input.startToken })],
  );
}

/** What the channel sees once the round has started (replaces the form for everyone). */
export function roundStartedCard(input: {
  locale: Locale;
  roundId: string;
  set: CoreElementSet;
  invited: number;
  endDate: string;
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'start.done.title')),
      text(`**${input.set.programme[locale]}**`),
      goodText(t(locale, 'start.done', { count: input.invited, date: formatDay(input.endDate, locale) })),
      note(t(locale, 'report.open.note', { min: MIN_RESPONDENTS })),
    ],
    [executeAction(t(locale, 'report.refresh'), 'fidelity.report.open', { roundId: input.roundId })],
  );
}
