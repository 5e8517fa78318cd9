import type { Locale } from '../../bot/i18n/locale';
import { rehabText as t, type RehabTextKey } from '../../bot/i18n/rehab';
import { closingText } from '../../bot/i18n/closing';
import { caseText } from '../../bot/i18n/case-common';
import { caseloadText } from '../../bot/i18n/caseload';
import { common } from '../../bot/i18n/common';
import { businessDate, formatLongDate } from '../../bot/domain/calendar';
import {
  REHAB_CLOSURE_REASONS,
  REHAB_RECOMMENDATIONS,
  type CaseStatus,
  type ClosureReason,
} from '../../bot/domain/case';
import type { Rehab } from '../../bot/domain/case-doc';
import { adaptiveCard, errorText, executeAction, facts, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { closingConfirmStep, closingReasonStep } from '../case/closing-steps';
import { choiceSet, inputDate, type FormDraft } from '../case/form-elements';

export interface RehabCardView {
  readonly locale: Locale;
  readonly caseRef: string;
  readonly status: CaseStatus;
  readonly ownerName?: string | undefined;
  readonly since?: string | undefined;
  readonly rehab: Rehab;
  readonly canWrite: boolean;
  readonly meetingOverdue: boolean;
  /** The case document's ETag: a save from an older card is refused (someone else saved meanwhile). */
  readonly etag: string;
  readonly closure?: { readonly date: string; readonly reason: ClosureReason } | undefined;
  readonly expiresAt?: string | undefined;
  readonly draft?: FormDraft | undefined;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' } | undefined;
}

const label = (locale: Locale, field: string): string => t(locale, `field.${field}` as RehabTextKey);
const date = (iso: string | undefined, locale: Locale): string =>
  iso !== undefined ? formatLongDate(iso, locale) : t(locale, 'not_yet');

/** The group 2 case for its owner: who owns it, the meeting, the recommendation, and closing it. */
export function rehabCard(view: RehabCardView): AdaptiveCard {
  const { locale, rehab } = view;
  const value = (field: keyof Rehab): string | undefined => view.draft?.[field] ?? rehab[field];
  const body: JsonObject[] = [
    heading(t(locale, 'title', { caseRef: view.caseRef })),
    ...(view.notice ? [view.notice.tone === 'good' ? goodText(view.notice.text) : errorText(view.notice.text)] : []),
    note(t(locale, 'intro')),
    facts([
      [t(locale, 'status'), caseText(locale, `status.${view.status}`)],
      ...(view.ownerName !== undefined ? [[t(locale, 'owner'), view.ownerName] as const] : []),
      ...(view.since !== undefined ? [[t(locale, 'since'), formatLongDate(view.since, locale)] as const] : []),
      [
        label(locale, 'meetingAt'),
        rehab.meetingAt !== undefined ? date(rehab.meetingAt, locale) : t(locale, 'meeting.none'),
      ],
      [label(locale, 'meetingHeldAt'), date(rehab.meetingHeldAt, locale)],
      [
        label(locale, 'recommendation'),
        rehab.recommendation !== undefined
          ? `${t(locale, `recommendation.${rehab.recommendation}`)} (${date(rehab.recommendedAt, locale)})`
          : t(locale, 'not_yet'),
      ],
    ]),
  ];
  if (view.meetingOverdue && rehab.meetingAt !== undefined)
    body.push(
      text(t(locale, 'meeting.overdue', { date: formatLongDate(rehab.meetingAt, locale) }), { color: 'Warning' }),
    );
  if (view.closure !== undefined)
    body.push(
      text(
        t(locale, 'closed', {
          reason: closingText(locale, `reason.${view.closure.reason}`),
          date: formatLongDate(view.closure.date, locale),
          expires: view.expiresAt !== undefined ? formatLongDate(businessDate(new Date(view.expiresAt)), locale) : '–',
        }),
      ),
    );
  if (!view.canWrite) {
    if (view.status === 'CLOSED') body.push(note(t(locale, 'read_only')));
    return adaptiveCard(body, [executeAction(common(locale, 'action.open'), 'rehab.open', { caseRef: view.caseRef })]);
  }
  body.push(
    inputDate('meetingAt', label(locale, 'meetingAt'), value('meetingAt')),
    inputDate('meetingHeldAt', label(locale, 'meetingHeldAt'), value('meetingHeldAt')),
    inputDate('planStartedAt', label(locale, 'planStartedAt'), value('planStartedAt')),
    choiceSet(
      'recommendation',
      label(locale, 'recommendation'),
      REHAB_RECOMMENDATIONS.map((r) => ({ title: t(locale, `recommendation.${r}`), value: r })),
      value('recommendation'),
    ),
    inputDate('recommendedAt', label(locale, 'recommendedAt'), value('recommendedAt')),
  );
  return adaptiveCard(body, [
    executeAction(t(locale, 'save'), 'rehab.save', { caseRef: view.caseRef, etag: view.etag }, { style: 'positive' }),
    executeAction(t(locale, 'close'), 'rehab.close.open', { caseRef: view.caseRef }, { associatedInputs: 'none' }),
    executeAction(caseloadText(locale, 'title'), 'caseload.open', {}, { associatedInputs: 'none' }),
  ]);
}

/** Step 1 of closing a group 2 case: reason and date. */
export function rehabCloseForm(input: {
  locale: Locale;
  caseRef: string;
  reason?: string | undefined;
  date: string;
  error?: string | undefined;
}): AdaptiveCard {
  const { locale } = input;
  return closingReasonStep({
    words: {
      ...closingLabels(locale),
      title: t(locale, 'close.title', { caseRef: input.caseRef }),
      intro: t(locale, 'close.intro'),
      next: t(locale, 'close.next'),
      cancel: t(locale, 'close.cancel'),
    },
    reasons: REHAB_CLOSURE_REASONS,
    caseRef: input.caseRef,
    reason: input.reason,
    date: input.date,
    error: input.error,
    verbs: { review: 'rehab.close.review', cancel: 'rehab.open' },
  });
}

/** Step 2: the confirmation; only its button closes the case. */
export function rehabCloseConfirm(input: {
  locale: Locale;
  caseRef: string;
  reason: ClosureReason;
  date: string;
}): AdaptiveCard {
  const { locale } = input;
  return closingConfirmStep({
    words: {
      ...closingLabels(locale),
      title: t(locale, 'close.confirm_title', { caseRef: input.caseRef }),
      intro: t(locale, 'close.confirm_intro'),
      next: t(locale, 'close.confirm'),
      cancel: t(locale, 'close.cancel'),
    },
    caseRef: input.caseRef,
    reason: input.reason,
    date: input.date,
    dateShown: formatLongDate(input.date, locale),
    verbs: { confirm: 'rehab.close.confirm', back: 'rehab.open' },
  });
}

const closingLabels = (locale: Locale) => ({
  reasonLabel: label(locale, 'reason'),
  dateLabel: label(locale, 'date'),
  reason: (r: ClosureReason) => closingText(locale, `reason.${r}`),
});

/** The daily 1:1 nudge to an owner of group 2 cases whose rehabilitation team meeting passed unrecorded. */
export function rehabNudgeCard(locale: Locale, rows: readonly { caseRef: string; meetingAt: string }[]): AdaptiveCard {
  return adaptiveCard([
    heading(t(locale, 'nudge.title')),
    text(t(locale, 'nudge.intro', { count: rows.length })),
    ...rows.map((r) => ({
      type: 'ColumnSet',
      separator: true,
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [text(t(locale, 'nudge.row', { caseRef: r.caseRef, date: formatLongDate(r.meetingAt, locale) }))],
        },
        {
          type: 'Column',
          width: 'auto',
          items: [
            {
              type: 'ActionSet',
              actions: [executeAction(t(locale, 'nudge.open'), 'rehab.open', { caseRef: r.caseRef })],
            },
          ],
        },
      ],
    })),
  ]);
}
