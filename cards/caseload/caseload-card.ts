import type { Locale } from '../../bot/i18n/locale';
import { caseloadText as t } from '../../bot/i18n/caseload';
import { caseText as v } from '../../bot/i18n/case-common';
import type { CaseStatus, PlacementType } from '../../bot/domain/case';
import { formatDate } from '../../bot/domain/calendar';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import type { CaseloadCounts } from '../../bot/features/caseload/rules';
import { actionSet, adaptiveCard, columns, container, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { followUpFlag } from '../case/follow-up-flag';

export interface CaseloadRow {
  readonly caseRef: string;
  readonly status: CaseStatus;
  readonly placementType?: PlacementType | undefined;
  readonly ordinaryHoursLastWeek?: number | undefined;
  readonly followUp?: FollowUpStatus | undefined;
  /** Due date of a progression measurement that applies and is due today or late. */
  readonly progressionDue?: string | undefined;
}

/**
 * Colour is never the only signal and never light text on white: the words say what is due; an
 * overdue or due-today row gets a tinted background with the default (dark) text colour on it.
 */
const rowStyle = (r: CaseloadRow): string | undefined =>
  r.followUp?.state === 'overdue' ? 'attention' : r.followUp?.state === 'due' ? 'warning' : undefined;

function row(locale: Locale, r: CaseloadRow): JsonObject {
  const flag = followUpFlag(locale, r.followUp);
  const hours =
    r.ordinaryHoursLastWeek === undefined
      ? t(locale, 'row.no_hours')
      : v(locale, 'hours.unit', { hours: String(r.ordinaryHoursLastWeek).replace('.', ',') });
  const style = rowStyle(r);
  return container(
    [
      columns([
        {
          items: [
            text(`**${r.caseRef}** · ${v(locale, `status.${r.status}`)}`),
            ...(flag
              ? // On the tinted row the dark default colour reads better than red on red.
                [{ ...flag, spacing: 'None', ...(style !== undefined ? { color: 'Default' } : {}) }]
              : [
                  text(
                    `${t(locale, 'row.next')}: ${r.followUp ? formatDate(r.followUp.dueDate, locale) : v(locale, 'followUp.none')}`,
                    { size: 'Small', spacing: 'None' },
                  ),
                ]),
            ...(r.progressionDue !== undefined
              ? [
                  text(t(locale, 'row.progression_due', { date: formatDate(r.progressionDue, locale) }), {
                    size: 'Small',
                    weight: 'Bolder',
                    spacing: 'None',
                  }),
                ]
              : []),
            text(
              `${r.placementType ? v(locale, `placementType.${r.placementType}`) : t(locale, 'row.no_placement')} · ${t(locale, 'row.hours')}: ${hours}`,
              { size: 'Small', isSubtle: true, spacing: 'None' },
            ),
          ],
        },
        {
          width: 'auto',
          items: [actionSet([executeAction(t(locale, 'open'), 'case.open', { caseRef: r.caseRef })])],
        },
      ]),
    ],
    { separator: true, ...(style !== undefined ? { style } : {}) },
  );
}

/**
 * "Mine borgere": counts over the whole caseload, then one page of it in priority order (overdue
 * follow-ups first, then due today, then soon), and buttons to page through it.
 */
export function caseloadCard(input: {
  locale: Locale;
  rows: readonly CaseloadRow[];
  counts: CaseloadCounts;
  cadenceDays: number;
  placementCadenceDays: number;
  /** The page shown (0-based) and how many there are. */
  page: number;
  pages: number;
}): AdaptiveCard {
  const { locale, rows, counts } = input;
  const body: JsonObject[] = [
    heading(t(locale, 'title')),
    note(t(locale, 'intro', { days: input.cadenceDays, placementDays: input.placementCadenceDays })),
  ];
  if (counts.cases === 0) body.push(text(t(locale, 'empty')));
  else {
    body.push(
      text(t(locale, 'summary', { overdue: counts.overdue, due: counts.due, soon: counts.soon }), {
        weight: 'Bolder',
        ...(counts.overdue > 0 ? { color: 'Attention' } : {}),
      }),
      ...(counts.progression > 0
        ? [text(t(locale, 'summary.progression', { count: counts.progression }), { spacing: 'None' })]
        : []),
      note(t(locale, 'summary.cases', { cases: counts.cases, page: input.page + 1, pages: input.pages })),
      ...rows.map((r) => row(locale, r)),
    );
  }
  const actions = [
    ...(input.page + 1 < input.pages
      ? [executeAction(t(locale, 'next_page'), 'caseload.open', { page: input.page + 1 })]
      : []),
    ...(input.page > 0 ? [executeAction(t(locale, 'previous_page'), 'caseload.open', { page: input.page - 1 })] : []),
  ];
  return adaptiveCard(body, actions);
}
