import type { Locale } from '../../bot/i18n/locale';
import { progressionText as t } from '../../bot/i18n/progression';
import { anchorFor, levelsOf, localized, scaleMax, setKey, type IndicatorSet } from '../../bot/domain/indicator-set';
import {
  MEASUREMENT_CONTEXTS,
  MEASUREMENT_NOTE_MAX,
  PARTICIPANTS,
  type MeasurementContext,
  type Participant,
} from '../../bot/domain/progression';
import { adaptiveCard, container, errorText, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { contextLabel, formatDate, setLabel } from './format';

/**
 * The scoring wizard's cards: start (set, occasion, who takes part, date), one page per indicator
 * with the anchor text of every level visible, and a summary to agree on with the citizen.
 */
export interface Score {
  readonly indicatorId: string;
  /** The jobformidler's score. */
  readonly value?: number | undefined;
  /** The citizen's own score, beside it (never averaged with it). */
  readonly citizenValue?: number | undefined;
  readonly note?: string | undefined;
}

export function startCard(input: {
  locale: Locale;
  caseRef: string;
  sets: readonly IndicatorSet[];
  selectedKey?: string | undefined;
  /** The set version earlier measurements are on, when there are some. */
  earlierSet?: IndicatorSet | undefined;
  context: MeasurementContext;
  participants?: readonly Participant[];
  today: string;
  startToken: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale } = input;
  const selected = input.selectedKey ?? (input.sets[0] ? setKey(input.sets[0]) : undefined);
  return adaptiveCard(
    [
      heading(t(locale, 'start.title', { caseRef: input.caseRef })),
      text(t(locale, 'start.intro')),
      ...(input.error ? [errorText(input.error)] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'setKey',
        label: t(locale, 'start.set'),
        isRequired: true,
        errorMessage: t(locale, 'start.error.set'),
        ...(selected ? { value: selected } : {}),
        choices: input.sets.map((s) => ({ title: setLabel(s, locale), value: setKey(s) })),
      },
      ...(input.earlierSet ? [note(t(locale, 'start.set.hint', { set: setLabel(input.earlierSet, locale) }))] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'context',
        label: t(locale, 'start.context'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t(locale, 'start.error.context'),
        value: input.context,
        choices: MEASUREMENT_CONTEXTS.map((c) => ({ title: contextLabel(c, locale), value: c })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'participants',
        label: t(locale, 'start.participants'),
        style: 'expanded',
        isMultiSelect: true,
        isRequired: true,
        errorMessage: t(locale, 'start.error.participants'),
        value: (input.participants ?? ['CITIZEN', 'JOBFORMIDLER']).join(','),
        choices: PARTICIPANTS.map((p) => ({ title: t(locale, `participant.${p}`), value: p })),
      },
      {
        type: 'Input.Date',
        id: 'measuredAt',
        label: t(locale, 'start.date'),
        isRequired: true,
        errorMessage: t(locale, 'start.error.date'),
        value: input.today,
        max: input.today,
      },
    ],
    [
      executeAction(t(locale, 'start.button'), 'progression.start', {
        caseRef: input.caseRef,
        startToken: input.startToken,
      }),
    ],
  );
}

export function indicatorPageCard(input: {
  locale: Locale;
  caseRef: string;
  measurementId: string;
  set: IndicatorSet;
  page: number;
  scores: readonly Score[];
  previous?: { readonly measuredAt: string; readonly scores: readonly Score[] } | undefined;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, set, page } = input;
  const indicator = set.indicators[page];
  if (indicator === undefined) throw new Error(`No indicator at page ${page}`);
  const current = input.scores.find((s) => s.indicatorId === indicator.indicatorId);
  const previous = input.previous?.scores.find((s) => s.indicatorId === indicator.indicatorId);
  // Every level is a choice; the first level of each anchor band carries the band's text, like a ladder.
  const choices = levelsOf(set).map((level) => {
    const anchor = anchorFor(indicator, level);
    const title = anchor && anchor.from === level ? `${level} · ${localized(anchor.text, locale)}` : String(level);
    return { title, value: String(level) };
  });
  const data = { caseRef: input.caseRef, measurementId: input.measurementId, page };
  return adaptiveCard(
    [
      note(t(locale, 'page.progress', { n: page + 1, total: set.indicators.length, set: setLabel(set, locale) })),
      heading(indicator.name[locale]),
      text(localized(indicator.description, locale)),
      ...(indicator.higherIsBetter ? [] : [note(t(locale, 'page.lower_is_better'))]),
      ...(previous && input.previous
        ? [
            note(
              t(locale, 'page.previous', {
                date: formatDate(input.previous.measuredAt, locale),
                value: previous.value ?? previous.citizenValue ?? '–',
              }),
            ),
          ]
        : []),
      ...(input.error ? [errorText(input.error)] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'score',
        label: t(locale, 'page.score.staff'),
        style: 'expanded',
        ...(current?.value !== undefined ? { value: String(current.value) } : {}),
        choices,
      },
      {
        type: 'Input.ChoiceSet',
        id: 'citizenScore',
        label: t(locale, 'page.score.citizen'),
        style: 'compact',
        ...(current?.citizenValue !== undefined ? { value: String(current.citizenValue) } : {}),
        choices,
      },
      {
        type: 'Input.Text',
        id: 'note',
        label: t(locale, 'page.note'),
        isMultiline: true,
        maxLength: MEASUREMENT_NOTE_MAX,
        ...(current?.note ? { value: current.note } : {}),
      },
      note(t(locale, 'page.resume_hint', { caseRef: input.caseRef })),
    ],
    [
      ...(page > 0
        ? [
            executeAction(
              t(locale, 'page.back'),
              'progression.page',
              { ...data, move: 'back' },
              { associatedInputs: 'none' },
            ),
          ]
        : []),
      executeAction(t(locale, 'page.next'), 'progression.page', { ...data, move: 'next' }, { style: 'positive' }),
    ],
  );
}

export function summaryCard(input: {
  locale: Locale;
  caseRef: string;
  measurementId: string;
  set: IndicatorSet;
  scores: readonly Score[];
  agreedWithCitizen: boolean;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale, set } = input;
  const rows: JsonObject[] = set.indicators.map((indicator, i) => {
    const score = input.scores.find((s) => s.indicatorId === indicator.indicatorId);
    const anchor = score?.value !== undefined ? anchorFor(indicator, score.value) : undefined;
    const max = scaleMax(set.scale);
    const shown = (v: number | undefined): string => (v === undefined ? '–' : `${v}/${max}`);
    const both = score?.citizenValue !== undefined;
    const disagree = both && score.value !== undefined && score.value !== score.citizenValue;
    return container(
      [
        text(
          `${i + 1}. ${indicator.name[locale]}: **${
            both
              ? t(locale, 'summary.both', { staff: shown(score.value), citizen: shown(score.citizenValue) })
              : shown(score?.value)
          }**`,
        ),
        ...(disagree ? [text(t(locale, 'summary.disagree'), { color: 'Warning', size: 'Small' })] : []),
        ...(anchor ? [note(localized(anchor.text, locale))] : []),
        ...(score?.note ? [text(score.note, { isSubtle: true, size: 'Small', fontType: 'Default' })] : []),
      ],
      { spacing: 'Small' },
    );
  });
  const data = { caseRef: input.caseRef, measurementId: input.measurementId };
  return adaptiveCard(
    [
      heading(t(locale, 'summary.title')),
      note(setLabel(set, locale)),
      text(t(locale, 'summary.intro')),
      ...(input.error ? [errorText(input.error)] : []),
      ...rows,
      {
        type: 'Input.Toggle',
        id: 'agreedWithCitizen',
        title: t(locale, 'summary.agreed'),
        valueOn: 'true',
        valueOff: 'false',
        value: input.agreedWithCitizen ? 'true' : 'false',
        spacing: 'Large',
      },
    ],
    [
      executeAction(
        t(locale, 'page.back'),
        'progression.page',
        { ...data, page: set.indicators.length, move: 'back' },
        { associatedInputs: 'none' },
      ),
      executeAction(t(locale, 'summary.save'), 'progression.complete', data, { style: 'positive' }),
      executeAction(t(locale, 'summary.discard'), 'progression.discard', data, {
        associatedInputs: 'none',
        style: 'destructive',
      }),
    ],
  );
}
