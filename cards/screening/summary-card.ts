import type { Locale } from '../../bot/i18n/locale';
import { screeningText as t } from '../../bot/i18n/screening';
import { businessDate, formatLongDate } from '../../bot/domain/calendar';
import { adaptiveCard, executeAction, facts, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export interface ScreeningSummary {
  readonly caseRef: string;
  readonly status: 'COMPLETED' | 'ABORTED';
  readonly conductedOn: string;
  readonly questionnaireName: string;
  readonly nextStep?: { readonly type: 'VISITATION_CONVERSATION' | 'REFERRAL' | 'NONE'; readonly bookedFor?: string };
  /** Show the visitation button (the case still waits for a decision). */
  readonly awaitingVisitation: boolean;
  /** The outcome closed the case (declined, aborted): when its data is deleted, and a way back. */
  readonly closed?: { readonly expiresAt?: string | undefined } | undefined;
}

/**
 * What stays in the chat after a screening: that it happened, when, and what happens next. No
 * health answers and no outcome (both are art. 9 data); they are one audited click away.
 */
export function screeningSummaryCard(locale: Locale, s: ScreeningSummary): AdaptiveCard {
  const rows: [string, string][] = [
    [t(locale, 'summary.case'), s.caseRef],
    [t(locale, 'summary.date'), formatLongDate(s.conductedOn, locale)],
    [t(locale, 'summary.questionnaire'), s.questionnaireName],
  ];
  if (s.nextStep !== undefined)
    rows.push([
      t(locale, 'summary.next'),
      t(locale, `summary.next.${s.nextStep.type}`, {
        date: s.nextStep.bookedFor ? formatLongDate(s.nextStep.bookedFor, locale) : '',
      }),
    ]);
  // An aborted screening has no answers left to see, and does not lead to a visitation decision.
  const aborted = s.status === 'ABORTED';
  const actions: JsonObject[] = [
    ...(s.awaitingVisitation && !aborted
      ? [
          executeAction(
            t(locale, 'summary.visitation'),
            'visitation.open',
            { caseRef: s.caseRef },
            { style: 'positive' },
          ),
        ]
      : []),
    // An aborted screening has nothing left to re-open (its answers are deleted): a new screening starts afresh.
    ...(s.closed !== undefined && !aborted
      ? [executeAction(t(locale, 'summary.reopen'), 'case.reopen', { caseRef: s.caseRef })]
      : []),
    ...(aborted ? [] : [executeAction(t(locale, 'summary.answers'), 'screening.answers', { caseRef: s.caseRef })]),
    executeAction(t(locale, 'summary.list'), 'screening.list'),
  ];
  return adaptiveCard(
    [
      heading(t(locale, s.status === 'COMPLETED' ? 'summary.completed' : 'summary.aborted')),
      facts(rows),
      ...(s.closed !== undefined
        ? [
            text(
              t(locale, 'summary.closed', {
                date:
                  s.closed.expiresAt !== undefined
                    ? formatLongDate(businessDate(new Date(s.closed.expiresAt)), locale)
                    : '–',
              }),
            ),
          ]
        : []),
      note(t(locale, aborted ? 'summary.quiet_aborted' : 'summary.quiet')),
    ],
    actions,
  );
}
