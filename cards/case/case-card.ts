import { everyNDays } from '../../bot/i18n/cadence';
import type { Locale } from '../../bot/i18n/locale';
import { caseCardText as t } from '../../bot/i18n/case';
import { closingText } from '../../bot/i18n/closing';
import { caseText as v } from '../../bot/i18n/case-common';
import { agreementText } from '../../bot/i18n/agreement';
import { followUpText } from '../../bot/i18n/followup';
import { hkoText } from '../../bot/i18n/hko';
import { jobMatchText } from '../../bot/i18n/jobmatch';
import { teamText } from '../../bot/i18n/team';
import type { CaseStatus } from '../../bot/domain/case';
import { formatDate } from '../../bot/domain/calendar';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import type { FollowUpDoc } from '../../bot/domain/follow-up';
import { daysApplicationToDecision, type HkoDoc } from '../../bot/domain/hko';
import type { CvDoc, JobGoal } from '../../bot/domain/job-goals';
import type { PlacementDoc } from '../../bot/domain/placement';
import type { AgreementStatus, Completeness } from '../../bot/domain/work-agreement';
import {
  actionSet,
  adaptiveCard,
  columns,
  container,
  errorText,
  executeAction,
  facts,
  goodText,
  heading,
  note,
  subheading,
  text,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { hoursChart, type HoursPoint } from './hours-chart';
import { followUpFlag } from './follow-up-flag';

/** What the case card shows; built by bot/features/case/open-case.ts. */
export interface CaseCardView {
  readonly locale: Locale;
  readonly caseRef: string;
  readonly status: CaseStatus;
  readonly canWrite: boolean;
  /** Why the card has no buttons to change anything. */
  readonly readOnly?: 'admin' | 'closed' | undefined;
  readonly followUp?: FollowUpStatus | undefined;
  readonly lastContactAt?: string | undefined;
  readonly goals: readonly JobGoal[];
  readonly cv?: CvDoc | undefined;
  readonly agreement?:
    | {
        readonly agreementId: string;
        readonly companyName: string;
        readonly status: AgreementStatus;
        readonly completeness: Completeness;
      }
    | undefined;
  readonly placements: readonly PlacementDoc[];
  readonly hoursWeeks: readonly HoursPoint[];
  readonly hoursTarget: number;
  readonly recentFollowUps: readonly FollowUpDoc[];
  /** Undefined when the viewer may not see art. 9 data. */
  readonly hko?: readonly HkoDoc[] | undefined;
  readonly hkoFastTrackDays: number;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' } | undefined;
  /** A leader's read-only look for sparring (no art. 9 data): progression in a line, a way to move the case. */
  readonly sparring?:
    | { readonly jobformidlerId?: string | undefined; readonly progression: string; readonly mayMove: boolean }
    | undefined;
  /** The owner may hand the case to a colleague; a pending handover names who is asked. */
  readonly transfer?: { readonly mayRequest: boolean; readonly pendingName?: string | undefined } | undefined;
  /** A case closed for a job: aftercare contacts may be logged until this day. */
  readonly aftercare?: { readonly until: string; readonly mayLog: boolean } | undefined;
  /** Offer the screening answers (the viewer may read them, and there are some). */
  readonly screeningAnswers?: boolean | undefined;
}

const section = (title: string, items: JsonObject[]): JsonObject =>
  container([subheading(title), ...items], { separator: true, spacing: 'Medium' });

function goalsSection(view: CaseCardView): JsonObject {
  const { locale } = view;
  const items: JsonObject[] =
    view.goals.length === 0
      ? [note(t(locale, 'goals.none'))]
      : view.goals.flatMap((g) => [
          text(
            `**${t(locale, `goals.level.${g.level}`)}:** ${g.title}${g.citizenOwned ? ` (${t(locale, 'goals.own')})` : ''}`,
          ),
          ...(g.actions.length > 0 ? [note(g.actions.map((a) => `• ${a}`).join('\n'))] : []),
        ]);
  const cv = view.cv;
  items.push(
    facts([
      [t(locale, 'cv.title'), v(locale, `cv.${cv?.status ?? 'NONE'}`)],
      ...(cv?.personalCvUpdatedAt
        ? [[t(locale, 'cv.personal_updated'), formatDate(cv.personalCvUpdatedAt, locale)] as const]
        : []),
      ...(cv?.jobnetCvUpdatedAt
        ? [[t(locale, 'cv.jobnet_updated'), formatDate(cv.jobnetCvUpdatedAt, locale)] as const]
        : []),
    ]),
  );
  if (view.canWrite)
    items.push(
      actionSet([
        executeAction(t(locale, 'goals.edit'), 'case.goals.edit', { caseRef: view.caseRef }),
        executeAction(t(locale, 'cv.edit'), 'case.cv.edit', { caseRef: view.caseRef }),
        executeAction(jobMatchText(locale, 'cmd.button'), 'jobmatch.for_case', { caseRef: view.caseRef }),
      ]),
    );
  return section(t(locale, 'goals.title'), items);
}

function agreementSection(view: CaseCardView): JsonObject {
  const { locale, agreement } = view;
  const items: JsonObject[] = [];
  if (agreement === undefined) items.push(note(t(locale, 'agreement.none')));
  else {
    const c = agreement.completeness;
    items.push(
      text(
        t(locale, 'agreement.summary', {
          company: agreement.companyName,
          status: agreementText(locale, `status.${agreement.status}`),
        }),
      ),
      text(
        t(locale, 'agreement.completeness', {
          critical: c.criticalSettled,
          criticalTotal: c.criticalTotal,
          discussed: c.discussed,
          total: c.total,
        }),
        { color: c.complete ? 'Good' : 'Warning', size: 'Small' },
      ),
    );
  }
  const buttons = [
    ...(agreement !== undefined
      ? [
          executeAction(t(locale, 'agreement.open'), 'agreement.open', {
            caseRef: view.caseRef,
            agreementId: agreement.agreementId,
          }),
        ]
      : []),
    ...(view.canWrite ? [executeAction(t(locale, 'agreement.new'), 'agreement.new', { caseRef: view.caseRef })] : []),
  ];
  if (buttons.length > 0) items.push(actionSet(buttons));
  return section(t(locale, 'agreement.title'), items);
}

function placementsSection(view: CaseCardView): JsonObject {
  const { locale } = view;
  const line = (p: PlacementDoc): JsonObject =>
    text(
      t(locale, 'placements.line', {
        type: v(locale, `placementType.${p.placementType}`),
        company: p.companyName ?? v(locale, 'none'),
        from: formatDate(p.startDate, locale),
        to: (p.actualEndDate ?? p.plannedEndDate) ? formatDate(p.actualEndDate ?? p.plannedEndDate ?? '', locale) : '…',
        status: v(locale, `placementStatus.${p.status}`),
      }),
      { size: 'Small' },
    );
  // A visible button beside each placement: a click on the line itself did not look like it did anything.
  const items: JsonObject[] =
    view.placements.length === 0
      ? [note(t(locale, 'placements.none'))]
      : view.placements.slice(0, 4).map((p) =>
          view.canWrite
            ? columns([
                { items: [line(p)] },
                {
                  width: 'auto',
                  items: [
                    actionSet([
                      executeAction(t(locale, 'placements.edit'), 'placement.edit', {
                        caseRef: view.caseRef,
                        placementId: p.placementId,
                      }),
                    ]),
                  ],
                },
              ])
            : line(p),
        );
  if (view.canWrite)
    items.push(actionSet([executeAction(t(locale, 'placements.new'), 'placement.new', { caseRef: view.caseRef })]));
  return section(t(locale, 'placements.title'), items);
}

function hoursSection(view: CaseCardView): JsonObject {
  const { locale } = view;
  const items: JsonObject[] =
    view.hoursWeeks.length === 0
      ? [note(t(locale, 'hours.none'))]
      : [hoursChart(locale, view.hoursWeeks, view.hoursTarget)];
  if (view.canWrite)
    items.push(actionSet([executeAction(t(locale, 'hours.log'), 'hours.new', { caseRef: view.caseRef })]));
  return section(t(locale, 'hours.title'), items);
}

function followUpsSection(view: CaseCardView): JsonObject {
  const { locale } = view;
  const items: JsonObject[] =
    view.recentFollowUps.length === 0
      ? [note(t(locale, 'followups.none'))]
      : view.recentFollowUps.map((f) =>
          text(
            t(locale, 'followups.line', {
              date: formatDate(f.date, locale),
              type: v(locale, `contact.${f.contactType}`),
              outcome:
                f.outcome === 'HOURS_INCREASED' && f.ordinaryHoursNewAgreed !== undefined
                  ? followUpText(locale, 'outcome.increased_to', { hours: f.ordinaryHoursNewAgreed })
                  : followUpText(locale, `outcome.${f.outcome}`),
            }),
            { size: 'Small' },
          ),
        );
  if (view.canWrite)
    items.push(actionSet([executeAction(t(locale, 'followups.log'), 'followup.new', { caseRef: view.caseRef })]));
  return section(t(locale, 'followups.title'), items);
}

function hkoSection(view: CaseCardView): JsonObject {
  const { locale } = view;
  if (view.hko === undefined) return section(t(locale, 'hko.title'), [note(t(locale, 'hko.hidden'))]);
  const items: JsonObject[] =
    view.hko.length === 0
      ? [note(t(locale, 'hko.none'))]
      : view.hko.map((h) => {
          const days = daysApplicationToDecision(h);
          const line = [
            v(locale, `hkoType.${h.hkoType}`),
            h.appliedAt ? hkoText(locale, 'line.applied', { date: formatDate(h.appliedAt, locale) }) : undefined,
            h.decision ? v(locale, `hkoDecision.${h.decision}`) : undefined,
            days !== undefined ? hkoText(locale, 'line.days', { days }) : undefined,
          ]
            .filter((s): s is string => s !== undefined)
            .join(' · ');
          return container([
            text(line, {
              size: 'Small',
              ...(days !== undefined ? { color: days <= view.hkoFastTrackDays ? 'Good' : 'Warning' } : {}),
            }),
            ...(view.canWrite
              ? [
                  actionSet([
                    executeAction(t(locale, 'hko.edit'), 'hko.edit', { caseRef: view.caseRef, hkoId: h.hkoId }),
                  ]),
                ]
              : []),
          ]);
        });
  if (view.canWrite) items.push(actionSet([executeAction(t(locale, 'hko.new'), 'hko.new', { caseRef: view.caseRef })]));
  return section(t(locale, 'hko.title'), items);
}

/** The case card: follow-up state, ABC goals and CV, agreement, placements, hours chart, follow-ups and HKO. */
export function caseCard(view: CaseCardView): AdaptiveCard {
  const { locale } = view;
  const flag = followUpFlag(locale, view.followUp);
  const body: JsonObject[] = [
    heading(t(locale, 'card.title', { caseRef: view.caseRef })),
    ...(view.notice ? [view.notice.tone === 'good' ? goodText(view.notice.text) : errorText(view.notice.text)] : []),
    facts([
      [t(locale, 'card.status'), v(locale, `status.${view.status}`)],
      [
        t(locale, 'card.next_follow_up'),
        view.followUp ? formatDate(view.followUp.dueDate, locale) : v(locale, 'followUp.none'),
      ],
      ...(view.lastContactAt
        ? [[t(locale, 'card.last_contact'), formatDate(view.lastContactAt, locale)] as const]
        : []),
      ...(view.followUp
        ? [
            [
              t(locale, 'card.cadence'),
              t(locale, view.followUp.inPlacement ? 'card.cadence.placement' : 'card.cadence.value', {
                every: everyNDays(locale, view.followUp.intervalDays),
              }),
            ] as const,
          ]
        : []),
    ]),
    ...(flag ? [flag] : []),
  ];
  if (view.sparring !== undefined)
    body.push(note(teamText(locale, 'sparring.case_note')), text(view.sparring.progression, { size: 'Small' }));
  else if (view.readOnly !== undefined)
    body.push(note(t(locale, view.readOnly === 'admin' ? 'card.read_only' : 'card.closed')));
  if (view.transfer?.pendingName !== undefined)
    body.push(text(teamText(locale, 'transfer.pending', { name: view.transfer.pendingName }), { color: 'Warning' }));
  if (view.aftercare !== undefined)
    body.push(
      container(
        [
          text(teamText(locale, 'aftercare.until', { date: formatDate(view.aftercare.until, locale) })),
          ...(view.aftercare.mayLog
            ? [
                actionSet([
                  executeAction(teamText(locale, 'aftercare.log'), 'aftercare.new', { caseRef: view.caseRef }),
                ]),
              ]
            : []),
        ],
        { separator: true, spacing: 'Medium' },
      ),
    );
  body.push(
    goalsSection(view),
    agreementSection(view),
    placementsSection(view),
    hoursSection(view),
    followUpsSection(view),
    hkoSection(view),
  );
  if (view.sparring !== undefined) {
    const sp = view.sparring;
    return adaptiveCard(body, [
      executeAction(t(locale, 'card.refresh'), 'sparring.case', { caseRef: view.caseRef }),
      ...(sp.mayMove
        ? [executeAction(teamText(locale, 'team.move_one'), 'reassign.form', { caseRef: view.caseRef })]
        : []),
      ...(sp.jobformidlerId !== undefined
        ? [executeAction(teamText(locale, 'sparring.back'), 'sparring.caseload', { userId: sp.jobformidlerId })]
        : []),
    ]);
  }
  return adaptiveCard(body, [
    executeAction(t(locale, 'card.refresh'), 'case.open', { caseRef: view.caseRef }),
    // The handover card says the answers can be seen from the case: here (an audited look-up).
    ...(view.screeningAnswers
      ? [
          executeAction(t(locale, 'card.screening_answers'), 'screening.answers', {
            caseRef: view.caseRef,
            from: 'case',
          }),
        ]
      : []),
    ...(view.canWrite ? [executeAction(t(locale, 'card.caseload'), 'caseload.open')] : []),
    ...(view.canWrite
      ? [executeAction(closingText(locale, 'open'), 'case.close.open', { caseRef: view.caseRef })]
      : []),
    ...(view.transfer?.mayRequest && view.transfer.pendingName === undefined
      ? [executeAction(teamText(locale, 'transfer.open'), 'transfer.open', { caseRef: view.caseRef })]
      : []),
  ]);
}
