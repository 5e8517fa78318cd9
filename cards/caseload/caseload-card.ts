import { everyNDays } from '../../bot/i18n/cadence';
import type { Locale } from '../../bot/i18n/locale';
import { caseloadText as t } from '../../bot/i18n/caseload';
import { caseText as v } from '../../bot/i18n/case-common';
import type { CaseStatus, PlacementType, RehabRecommendation } from '../../bot/domain/case';
import { rehabText } from '../../bot/i18n/rehab';
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
  /** A group 2 case the user owns: its rehabilitation team meeting and recommendation. */
  readonly rehab?:
    | {
        readonly meetingAt?: string | undefined;
        readonly recommendation?: RehabRecommendation | undefined;
        readonly meetingOverdue: boolean;
      }
    | undefined;
}

function rehabRow(locale: Locale, r: CaseloadRow, rehab: NonNullable<CaseloadRow['rehab']>): JsonObject {
  return container(
    [
      columns([
        {
          items: [
            text(`**${r.caseRef}** · ${rehabText(locale, 'row.group2')}`),
            text(
              rehab.recommendation !== undefined
                ? rehabText(locale, 'row.recommended', {
                    recommendation: rehabText(locale, `recommendation.${rehab.recommendation}`),
                  })
                : rehabText(locale, 'row.meeting', {
                    date: rehab.meetingAt !== undefined ? formatDate(rehab.meetingAt, locale) : '–',
                  }),
              { size: 'Small', spacing: 'None', ...(rehab.meetingOverdue ? { color: 'Warning' } : {}) },
            ),
          ],
        },
        {
          width: 'auto',
          items: [actionSet([executeAction(t(locale, 'open'), 'rehab.open', { caseRef: r.caseRef })])],
        },
      ]),
    ],
    { separator: true },
  );
}

/**
 * Colour is never the only signal and never light text on white: the words say what is due; an
 * overdue or due-today row gets a tinted background with the default (dark) text colour on it.
 */
const rowStyle = (r: CaseloadRow): string | undefined =>
  r.followUp?.state === 'overdue' ? 'attention' : r.followUp?.state === 'due' ? 'warning' : undefined;

function row(locale: Locale, r: CaseloadRow, openVerb = 'case.open'): JsonObject {
  if (r.rehab !== undefined) return rehabRow(locale, r, r.rehab);
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
          items: [actionSet([executeAction(t(locale, 'open'), openVerb, { caseRef: r.caseRef })])],
        },
      ]),
    ],
    { separator: true, ...(style !== undefined ? { style } : {}) },
  );
}

/**
 * How the card pages: by page number over the prioritised caseload ("Mine borgere"), or with the
 * store's continuation token (a leader's sparring view of a colleague's caseload, in case order).
 */
export type CaseloadPaging =
  | { readonly kind: 'pages'; readonly page: number; readonly pages: number }
  | { readonly kind: 'token'; readonly nextPageToken?: string | undefined; readonly isFirstPage: boolean };

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
  paging: CaseloadPaging;
  /** A leader looking at a jobformidler's caseload for sparring (read-only; cases open the sparring view). */
  sparring?: { userId: string; title: string; intro: string; moveLabel: string; backLabel: string } | undefined;
}): AdaptiveCard {
  const { locale, rows, counts, paging } = input;
  const sparring = input.sparring;
  const body: JsonObject[] = [
    heading(sparring?.title ?? t(locale, 'title')),
    note(
      sparring?.intro ??
        t(locale, 'intro', {
          every: everyNDays(locale, input.cadenceDays),
          everyInPlacement: everyNDays(locale, input.placementCadenceDays),
        }),
    ),
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
      ...(paging.kind === 'pages'
        ? [note(t(locale, 'summary.cases', { cases: counts.cases, page: paging.page + 1, pages: paging.pages }))]
        : []),
      ...rows.map((r) => row(locale, r, sparring !== undefined ? 'sparring.case' : 'case.open')),
    );
  }
  const pageVerb = sparring !== undefined ? 'sparring.caseload' : 'caseload.open';
  const who = sparring !== undefined ? { userId: sparring.userId } : {};
  const actions = [
    ...(paging.kind === 'pages'
      ? [
          ...(paging.page + 1 < paging.pages
            ? [executeAction(t(locale, 'next_page'), pageVerb, { ...who, page: paging.page + 1 })]
            : []),
          ...(paging.page > 0
            ? [executeAction(t(locale, 'previous_page'), pageVerb, { ...who, page: paging.page - 1 })]
            : []),
        ]
      : [
          ...(paging.nextPageToken !== undefined
            ? [executeAction(t(locale, 'next_page'), pageVerb, { ...who, continuationToken: paging.nextPageToken })]
            : []),
          ...(!paging.isFirstPage ? [executeAction(t(locale, 'first_page'), pageVerb, who)] : []),
        ]),
    ...(sparring !== undefined
      ? [
          executeAction(sparring.moveLabel, 'reassign.bulk', { fromUserId: sparring.userId }),
          executeAction(sparring.backLabel, 'sparring.team'),
        ]
      : []),
  ];
  return adaptiveCard(body, actions);
}
