import { everyNDays } from '../../bot/i18n/cadence';
import type { Locale } from '../../bot/i18n/locale';
import { caseloadText as t } from '../../bot/i18n/caseload';
import { caseText as v } from '../../bot/i18n/case-common';
import type { CaseStatus, PlacementType, RehabRecommendation } from '../../bot/domain/case';
import { rehabText } from '../../bot/i18n/rehab';
import { formatDate } from '../../bot/domain/calendar';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import { actionSet, adaptiveCard, columns, container, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { followUpFlag } from '../case/follow-up-flag';

export interface CaseloadRow {
  readonly caseRef: string;
  readonly status: CaseStatus;
  readonly placementType?: PlacementType | undefined;
  readonly ordinaryHoursLastWeek?: number | undefined;
  readonly followUp?: FollowUpStatus | undefined;
  /** Due date of a progression measurement that is due today or late (issue 6 item 4). */
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

function row(locale: Locale, r: CaseloadRow, openVerb = 'case.open'): JsonObject {
  if (r.rehab !== undefined) return rehabRow(locale, r, r.rehab);
  const flag = followUpFlag(locale, r.followUp);
  const hours =
    r.ordinaryHoursLastWeek === undefined
      ? t(locale, 'row.no_hours')
      : v(locale, 'hours.unit', { hours: String(r.ordinaryHoursLastWeek).replace('.', ',') });
  return container(
    [
      columns([
        {
          items: [
            text(`**${r.caseRef}** · ${v(locale, `status.${r.status}`)}`),
            text(
              `${r.placementType ? v(locale, `placementType.${r.placementType}`) : t(locale, 'row.no_placement')} · ${t(locale, 'row.hours')}: ${hours}`,
              { size: 'Small', isSubtle: true, spacing: 'None' },
            ),
            text(
              `${t(locale, 'row.next')}: ${r.followUp ? formatDate(r.followUp.dueDate, locale) : v(locale, 'followUp.none')}`,
              { size: 'Small', spacing: 'None' },
            ),
            ...(flag ? [{ ...flag, spacing: 'None', size: 'Small' }] : []),
            ...(r.progressionDue !== undefined
              ? [
                  text(t(locale, 'row.progression_due', { date: formatDate(r.progressionDue, locale) }), {
                    size: 'Small',
                    spacing: 'None',
                    color: 'Warning',
                  }),
                ]
              : []),
          ],
        },
        {
          width: 'auto',
          items: [actionSet([executeAction(t(locale, 'open'), openVerb, { caseRef: r.caseRef })])],
        },
      ]),
    ],
    { separator: true },
  );
}

/** "Mine borgere": one page of the caseload, flags for due and overdue follow-ups, and a next-page button. */
export function caseloadCard(input: {
  locale: Locale;
  rows: readonly CaseloadRow[];
  cadenceDays: number;
  placementCadenceDays: number;
  nextPageToken?: string | undefined;
  isFirstPage: boolean;
  /** A leader looking at a jobformidler's caseload for sparring (read-only; cases open the sparring view). */
  sparring?: { userId: string; title: string; intro: string; moveLabel: string; backLabel: string } | undefined;
}): AdaptiveCard {
  const { locale, rows } = input;
  const sparring = input.sparring;
  const count = (state: string): number => rows.filter((r) => r.followUp?.state === state).length;
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
  if (rows.length === 0 && input.isFirstPage) body.push(text(t(locale, 'empty')));
  else {
    body.push(
      text(t(locale, 'page_summary', { overdue: count('overdue'), due: count('due'), soon: count('soon') }), {
        weight: 'Bolder',
        color: count('overdue') > 0 ? 'Attention' : 'Default',
      }),
      ...rows.map((r) => row(locale, r, sparring !== undefined ? 'sparring.case' : 'case.open')),
    );
  }
  const pageVerb = sparring !== undefined ? 'sparring.caseload' : 'caseload.open';
  const who = sparring !== undefined ? { userId: sparring.userId } : {};
  const actions = [
    ...(input.nextPageToken !== undefined
      ? [executeAction(t(locale, 'next_page'), pageVerb, { ...who, continuationToken: input.nextPageToken })]
      : []),
    ...(!input.isFirstPage ? [executeAction(t(locale, 'first_page'), pageVerb, who)] : []),
    ...(sparring !== undefined
      ? [
          executeAction(sparring.moveLabel, 'reassign.bulk', { fromUserId: sparring.userId }),
          executeAction(sparring.backLabel, 'sparring.team'),
        ]
      : []),
  ];
  return adaptiveCard(body, actions);
}
