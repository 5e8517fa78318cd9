import { localizedText, elementLabel, type CoreElementSet } from '../../bot/domain/core-element-set';
import type { Locale } from '../../bot/i18n/locale';
import { fidelityText as t } from '../../bot/i18n/fidelity';
import { DONT_KNOW, MIN_RESPONDENTS, type Levels } from '../../bot/features/fidelity/rules';
import { adaptiveCard, container, errorText, executeAction, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { formatDay } from './format';

/**
 * What a team member sees 1:1: the invitation (or a reminder), one card per core element with the
 * level of every statement, "check and send", and thanks. The cards never show anyone else's answers.
 */
interface RoundRef {
  readonly roundId: string;
  readonly endDate: string;
}

export function invitationCard(input: {
  locale: Locale;
  round: RoundRef;
  set: CoreElementSet;
  reminder: boolean;
}): AdaptiveCard {
  const { locale, round, set } = input;
  const date = formatDay(round.endDate, locale);
  return adaptiveCard(
    [
      heading(t(locale, input.reminder ? 'remind.title' : 'invite.title')),
      text(
        input.reminder
          ? t(locale, 'remind.text', { programme: set.programme[locale], date })
          : t(locale, 'invite.text', { programme: set.programme[locale], steps: set.elements.length, date }),
      ),
      note(t(locale, 'invite.anonymous', { min: MIN_RESPONDENTS })),
    ],
    [
      executeAction(t(locale, input.reminder ? 'invite.continue' : 'invite.start'), 'fidelity.answer.open', {
        roundId: round.roundId,
      }),
    ],
  );
}

/** Input ids of a step: one per statement. */
export const levelInputId = (itemId: string): string => `l_${itemId}`;

function levelChoices(locale: Locale, anchors: CoreElementSet['elements'][number]['items'][number]['anchors']) {
  const label = (level: 1 | 2 | 3 | 4 | 5): string => {
    const anchor = anchors[String(level) as '1' | '2' | '3' | '4' | '5'];
    return anchor
      ? t(locale, 'level.anchored', {
          level,
          label: t(locale, `level.${level}`),
          anchor: localizedText(anchor, locale),
        })
      : t(locale, 'level.plain', { level, label: t(locale, `level.${level}`) });
  };
  return [
    ...([1, 2, 3, 4, 5] as const).map((level) => ({ title: label(level), value: String(level) })),
    { title: t(locale, 'level.0'), value: String(DONT_KNOW) },
  ];
}

/** One core element: its statements, each with the five levels (1, 3 and 5 described) and "don't know". */
export function stepCard(input: {
  locale: Locale;
  round: RoundRef;
  set: CoreElementSet;
  step: number;
  /** What the member chose on this step (saved, or just sent back with an error). */
  chosen: Readonly<Record<string, number | undefined>>;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, round, set, step } = input;
  const element = set.elements[step];
  if (element === undefined) throw new Error(`No step ${step} in ${set.setId}`);
  const items: JsonObject[] = element.items.map((item, i) => {
    const chosen = input.chosen[item.itemId];
    return container(
      [
        {
          type: 'Input.ChoiceSet',
          id: levelInputId(item.itemId),
          style: 'expanded',
          wrap: true,
          label: `${i + 1}. ${localizedText(item.text, locale)}`,
          ...(chosen !== undefined ? { value: String(chosen) } : {}),
          choices: levelChoices(locale, item.anchors),
        },
      ],
      { spacing: 'Medium', separator: i > 0 },
    );
  });
  const data = { roundId: round.roundId, step };
  return adaptiveCard(
    [
      note(t(locale, 'step.progress', { step: step + 1, steps: set.elements.length })),
      heading(elementLabel(element, locale)),
      text(element.name[locale], { weight: 'Bolder' }),
      ...(element.description ? [text(localizedText(element.description, locale))] : []),
      ...(input.error ? [errorText(input.error)] : []),
      ...items,
      note(t(locale, 'step.saved')),
    ],
    [
      executeAction(t(locale, 'step.next'), 'fidelity.answer.step', { ...data, move: 'next' }, { style: 'positive' }),
      ...(step > 0 ? [executeAction(t(locale, 'step.back'), 'fidelity.answer.step', { ...data, move: 'back' })] : []),
      executeAction(t(locale, 'step.later'), 'fidelity.answer.step', { ...data, move: 'later' }),
    ],
  );
}

/** Every answer at a glance before sending; sending adds them to the team's sums for good. */
export function reviewCard(input: {
  locale: Locale;
  round: RoundRef;
  set: CoreElementSet;
  levels: Levels;
}): AdaptiveCard {
  const { locale, round, set } = input;
  const rows = set.elements.map((element) => {
    const given = input.levels[element.elementId] ?? {};
    const values = element.items.map((item) => {
      const level = given[item.itemId];
      return level === undefined ? '?' : level === DONT_KNOW ? t(locale, 'review.dont_know') : String(level);
    });
    return { title: elementLabel(element, locale), value: values.join(' · ') };
  });
  return adaptiveCard(
    [heading(t(locale, 'review.title')), text(t(locale, 'review.intro')), { type: 'FactSet', facts: rows }],
    [
      executeAction(
        t(locale, 'review.send'),
        'fidelity.answer.send',
        { roundId: round.roundId },
        { style: 'positive' },
      ),
      executeAction(t(locale, 'step.back'), 'fidelity.answer.step', {
        roundId: round.roundId,
        step: set.elements.length,
        move: 'back',
      }),
    ],
  );
}

export function thanksCard(locale: Locale, round: RoundRef): AdaptiveCard {
  return adaptiveCard([
    heading(t(locale, 'thanks.title')),
    goodText(t(locale, 'thanks.text', { date: formatDay(round.endDate, locale), min: MIN_RESPONDENTS })),
  ]);
}

export function laterCard(locale: Locale, round: RoundRef): AdaptiveCard {
  return adaptiveCard(
    [heading(t(locale, 'later.title')), text(t(locale, 'later.text', { date: formatDay(round.endDate, locale) }))],
    [executeAction(t(locale, 'invite.continue'), 'fidelity.answer.open', { roundId: round.roundId })],
  );
}

/** The member's open rounds ("fidelitetsrunde" in the 1:1 chat). */
export function myRoundsCard(input: {
  locale: Locale;
  rows: readonly { round: RoundRef; set: CoreElementSet; answered: boolean }[];
}): AdaptiveCard {
  const { locale } = input;
  if (input.rows.length === 0) return adaptiveCard([heading(t(locale, 'mine.title')), text(t(locale, 'mine.none'))]);
  return adaptiveCard([
    heading(t(locale, 'mine.title')),
    ...input.rows.map((r) =>
      container(
        [
          text(t(locale, 'mine.row', { programme: r.set.programme[locale], date: formatDay(r.round.endDate, locale) })),
          r.answered
            ? note(t(locale, 'mine.answered'))
            : {
                type: 'ActionSet',
                actions: [
                  executeAction(t(locale, 'invite.continue'), 'fidelity.answer.open', { roundId: r.round.roundId }),
                ],
              },
        ],
        { separator: true },
      ),
    ),
  ]);
}
