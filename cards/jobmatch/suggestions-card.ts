import type { Locale } from '../../bot/i18n/locale';
import { jobMatchText as t } from '../../bot/i18n/jobmatch';
import { formatDate } from '../../bot/domain/calendar';
import type { JobGoalLevel } from '../../bot/domain/job-goals';
import type { MatchReason, MatchStatus } from '../../bot/domain/job-match';
import {
  actionSet,
  adaptiveCard,
  container,
  errorText,
  executeAction,
  goodText,
  heading,
  note,
  text,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/**
 * Job match suggestions, for a citizen (open openings) or for an opening (the jobformidler's own
 * citizens). Every suggestion says why it was made; the jobformidler takes it or sets it aside.
 */
export interface SuggestionRow {
  readonly caseRef: string;
  readonly openingId: string;
  readonly openingTitle: string;
  readonly companyName: string;
  readonly level: JobGoalLevel;
  readonly goalTitle: string;
  readonly reasons: readonly MatchReason[];
  readonly status: MatchStatus;
  readonly decidedOn?: string | undefined;
  readonly agreementId?: string | undefined;
}

export function reasonText(locale: Locale, r: MatchReason): string {
  if (r.rule === 'HOURS') {
    const [start = '', hours = ''] = r.detail.split('/');
    return t(locale, 'reason.HOURS', { start, hours });
  }
  return t(locale, `reason.${r.rule}`, { detail: r.detail });
}

export function suggestionsCard(input: {
  readonly locale: Locale;
  readonly mode: 'case' | 'opening';
  /** The case (mode case) or the opening's title (mode opening). */
  readonly subject: string;
  readonly caseRef?: string | undefined;
  readonly openingId?: string | undefined;
  readonly rows: readonly SuggestionRow[];
  /** Why there is nothing to show, when there is nothing. */
  readonly empty?: 'no_goals' | 'none' | undefined;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' } | undefined;
}): AdaptiveCard {
  const { locale } = input;
  const rows: JsonObject[] = input.rows.map((r) => {
    const headline =
      input.mode === 'case'
        ? t(locale, 'line.opening', { title: r.openingTitle, company: r.companyName })
        : t(locale, 'line.case', { caseRef: r.caseRef, level: r.level, goal: r.goalTitle });
    const buttons: JsonObject[] =
      r.status === 'PROPOSED'
        ? [
            executeAction(
              t(locale, 'action.take'),
              'jobmatch.take',
              { caseRef: r.caseRef, openingId: r.openingId },
              { style: 'positive' },
            ),
            executeAction(t(locale, 'action.dismiss'), 'jobmatch.dismiss', {
              caseRef: r.caseRef,
              openingId: r.openingId,
              from: input.mode,
            }),
          ]
        : r.agreementId !== undefined
          ? [
              executeAction(t(locale, 'action.agreement'), 'agreement.open', {
                caseRef: r.caseRef,
                agreementId: r.agreementId,
              }),
            ]
          : [];
    return container(
      [
        text(headline),
        ...(input.mode === 'case' ? [note(t(locale, 'line.goal', { level: r.level, goal: r.goalTitle }))] : []),
        note(r.reasons.map((x) => `• ${reasonText(locale, x)}`).join('\n')),
        ...(r.status !== 'PROPOSED' && r.decidedOn !== undefined
          ? [
              text(t(locale, `status.${r.status}`, { date: formatDate(r.decidedOn, locale) }), {
                color: 'Good',
                size: 'Small',
              }),
            ]
          : []),
        ...(buttons.length > 0 ? [actionSet(buttons)] : []),
      ],
      { separator: true, spacing: 'Medium' },
    );
  });
  const emptyText =
    input.empty === 'no_goals'
      ? t(locale, 'case.no_goals')
      : t(locale, input.mode === 'case' ? 'case.none' : 'opening.none');
  const footer: JsonObject[] = [
    ...(input.caseRef !== undefined
      ? [
          executeAction(t(locale, 'action.profile'), 'jobmatch.profile.edit', { caseRef: input.caseRef }),
          executeAction(t(locale, 'action.case'), 'case.open', { caseRef: input.caseRef }),
        ]
      : []),
    ...(input.openingId !== undefined
      ? [executeAction(t(locale, 'action.opening'), 'opening.open', { openingId: input.openingId })]
      : []),
  ];
  return adaptiveCard(
    [
      heading(
        input.mode === 'case'
          ? t(locale, 'case.title', { caseRef: input.subject })
          : t(locale, 'opening.title', { title: input.subject }),
      ),
      ...(input.notice
        ? [input.notice.tone === 'good' ? goodText(input.notice.text) : errorText(input.notice.text)]
        : []),
      note(t(locale, input.mode === 'case' ? 'case.intro' : 'opening.intro')),
      ...(rows.length === 0 ? [text(emptyText)] : rows),
      note(t(locale, 'shared.note')),
    ],
    footer,
  );
}
