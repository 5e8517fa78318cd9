import type { Locale } from '../../bot/i18n/locale';
import { companyText as t } from '../../bot/i18n/company';
import { caseText as v } from '../../bot/i18n/case-common';
import { formatDate } from '../../bot/domain/calendar';
import type { JobOpeningDoc } from '../../bot/domain/company';
import {
  actionSet,
  adaptiveCard,
  columns,
  container,
  executeAction,
  facts,
  goodText,
  heading,
  note,
  subheading,
  text,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export interface OpeningCardView {
  readonly locale: Locale;
  readonly opening: Pick<
    JobOpeningDoc,
    | 'openingId'
    | 'companyId'
    | 'title'
    | 'occupationCode'
    | 'placementType'
    | 'hoursPerWeek'
    | 'ordinaryHoursFromStart'
    | 'tasks'
    | 'accommodationPossible'
    | 'fromDate'
    | 'untilDate'
    | 'status'
  >;
  readonly companyName: string;
  readonly matches: { readonly proposed: number; readonly accepted: number; readonly placed: number };
  /** Taken matches the reader may see the case reference of (shared with them, or their own). */
  readonly shared: readonly { readonly caseRef: string; readonly jobformidler: string; readonly date: string }[];
  readonly canWrite: boolean;
  /** A jobformidler may look for matching citizens of their own caseload. */
  readonly canSuggest: boolean;
  readonly notice?: string | undefined;
}

export const periodText = (locale: Locale, from: string, until: string | undefined): string =>
  until !== undefined
    ? t(locale, 'period.range', { from: formatDate(from, locale), until: formatDate(until, locale) })
    : t(locale, 'period.from', { from: formatDate(from, locale) });

/** A job opening: what it is, the hours from the start, the period, and its job matches. */
export function openingCard(view: OpeningCardView): AdaptiveCard {
  const { locale, opening: o } = view;
  const body: JsonObject[] = [
    heading(o.title),
    ...(view.notice ? [goodText(view.notice)] : []),
    facts([
      [t(locale, 'opening.card.company'), view.companyName],
      [t(locale, 'opening.card.kind'), v(locale, `placementType.${o.placementType}`)],
      [
        t(locale, 'opening.card.hours'),
        t(locale, 'opening.card.hours.value', { hours: o.hoursPerWeek, ordinary: o.ordinaryHoursFromStart }),
      ],
      [t(locale, 'opening.card.period'), periodText(locale, o.fromDate, o.untilDate)],
      [t(locale, 'opening.card.status'), capitalise(t(locale, `status.${o.status}`))],
      [
        t(locale, 'opening.card.accommodation'),
        t(locale, o.accommodationPossible ? 'opening.card.accommodation.yes' : 'opening.card.accommodation.no'),
      ],
      ...(o.occupationCode ? [[t(locale, 'opening.card.code'), o.occupationCode] as const] : []),
    ]),
    ...(o.tasks ? [text(`**${t(locale, 'opening.card.tasks')}:** ${o.tasks}`, { size: 'Small' })] : []),
    container(
      [
        subheading(t(locale, 'opening.card.matches')),
        text(t(locale, 'opening.card.matches.counts', view.matches)),
        ...(view.shared.length > 0
          ? [
              note(t(locale, 'opening.card.matches.shared')),
              ...view.shared.map((s) =>
                text(
                  t(locale, 'opening.card.matches.line', {
                    caseRef: s.caseRef,
                    jobformidler: s.jobformidler,
                    date: formatDate(s.date, locale),
                  }),
                  { size: 'Small' },
                ),
              ),
            ]
          : []),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  ];
  const buttons: JsonObject[] = [
    ...(view.canSuggest && o.status === 'OPEN'
      ? [executeAction(t(locale, 'opening.action.find'), 'jobmatch.for_opening', { openingId: o.openingId })]
      : []),
    ...(view.canWrite
      ? [executeAction(t(locale, 'opening.action.edit'), 'opening.edit', { openingId: o.openingId })]
      : []),
    executeAction(t(locale, 'opening.action.company'), 'company.open', { companyId: o.companyId }),
  ];
  return adaptiveCard(body, buttons);
}

/** The municipality's open job openings, newest first. */
export function openingsListCard(input: {
  readonly locale: Locale;
  readonly openings: readonly {
    readonly openingId: string;
    readonly title: string;
    readonly company: string;
    readonly hoursPerWeek: number;
  }[];
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard([
    heading(t(locale, 'openings.title')),
    ...(input.openings.length === 0
      ? [note(t(locale, 'openings.none'))]
      : input.openings.map((o) =>
          columns([
            {
              items: [text(t(locale, 'openings.line', { title: o.title, company: o.company, hours: o.hoursPerWeek }))],
            },
            {
              width: 'auto',
              items: [
                actionSet([
                  executeAction(t(locale, 'opening.action.open'), 'opening.open', { openingId: o.openingId }),
                ]),
              ],
            },
          ]),
        )),
  ]);
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
