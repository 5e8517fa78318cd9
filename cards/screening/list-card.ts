import type { Locale } from '../../bot/i18n/locale';
import { screeningText as t } from '../../bot/i18n/screening';
import { formatLongDate } from '../../bot/domain/calendar';
import { actionSet, adaptiveCard, columns, executeAction, heading, note, subheading, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export interface ListRow {
  readonly caseRef: string;
}

export interface MyScreenings {
  readonly inProgress: readonly (ListRow & {
    readonly stepNumber: number;
    readonly totalSteps: number;
    readonly startedOn: string;
  })[];
  readonly awaitingVisitation: readonly (ListRow & { readonly screenedOn: string })[];
  readonly finishedThisWeek: readonly (ListRow & {
    readonly status: 'COMPLETED' | 'ABORTED';
    readonly finishedOn: string;
  })[];
  readonly capped: number | undefined;
}

function row(caseRef: string, detail: string, button?: JsonObject): JsonObject {
  return columns([
    { items: [text(caseRef, { weight: 'Bolder' }), note(detail)] },
    ...(button ? [{ width: 'auto', items: [actionSet([button])] }] : []),
  ]);
}

/** "Mine screeninger": open work first (resumable), then this week's finished screenings. */
export function myScreeningsCard(locale: Locale, list: MyScreenings): AdaptiveCard {
  const body: JsonObject[] = [heading(t(locale, 'list.title'))];
  if (list.inProgress.length > 0) {
    body.push(subheading(t(locale, 'list.in_progress')));
    for (const r of list.inProgress)
      body.push(
        row(
          r.caseRef,
          t(locale, 'list.row.progress', {
            n: r.stepNumber,
            total: r.totalSteps,
            date: formatLongDate(r.startedOn, locale),
          }),
          executeAction(t(locale, 'list.resume'), 'screening.resume', { caseRef: r.caseRef }),
        ),
      );
  }
  if (list.awaitingVisitation.length > 0) {
    body.push(subheading(t(locale, 'list.awaiting')));
    for (const r of list.awaitingVisitation)
      body.push(
        row(
          r.caseRef,
          t(locale, 'list.row.awaiting', { date: formatLongDate(r.screenedOn, locale) }),
          executeAction(t(locale, 'list.visit'), 'visitation.open', { caseRef: r.caseRef }),
        ),
      );
  }
  if (list.finishedThisWeek.length > 0) {
    body.push(subheading(t(locale, 'list.this_week')));
    for (const r of list.finishedThisWeek)
      body.push(
        row(
          r.caseRef,
          t(locale, 'list.row.done', {
            status: t(locale, `answers.status.${r.status}`),
            date: formatLongDate(r.finishedOn, locale),
          }),
        ),
      );
  }
  if (list.inProgress.length + list.awaitingVisitation.length + list.finishedThisWeek.length === 0)
    body.push(text(t(locale, 'list.empty')));
  if (list.capped !== undefined) body.push(note(t(locale, 'list.capped', { shown: list.capped })));
  return adaptiveCard(body, [
    executeAction(t(locale, 'list.new'), 'command.run', {
      command: locale === 'da' ? 'ny screening' : 'new screening',
    }),
  ]);
}
