import type { Locale } from '../../bot/i18n/locale';
import { nudgeText as t } from '../../bot/i18n/nudge';
import { caseloadText } from '../../bot/i18n/caseload';
import { formatDate } from '../../bot/domain/calendar';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import { adaptiveCard, columns, container, executeAction, heading, actionSet, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';
import { followUpFlagText } from '../case/follow-up-flag';

export interface NudgeRow {
  readonly caseRef: string;
  /** Set when the follow-up is due today or overdue. */
  readonly followUp?: FollowUpStatus | undefined;
  /** Set when a progression measurement is due (its due date). */
  readonly progressionDue?: string | undefined;
}

function rowLines(locale: Locale, r: NudgeRow): JsonObject[] {
  const lines: JsonObject[] = [];
  if (r.followUp !== undefined)
    lines.push(
      text(`${followUpFlagText(locale, r.followUp) ?? ''} · ${formatDate(r.followUp.dueDate, locale)}`, {
        size: 'Small',
        spacing: 'None',
        color: r.followUp.state === 'overdue' ? 'Attention' : 'Warning',
      }),
    );
  if (r.progressionDue !== undefined)
    lines.push(
      text(`${t(locale, 'progression_due')} · ${formatDate(r.progressionDue, locale)}`, {
        size: 'Small',
        spacing: 'None',
        color: 'Warning',
      }),
    );
  return lines;
}

/**
 * The daily 1:1 message: the cases whose follow-up is due today or overdue, or whose progression
 * measurement is due, each with an Open button. Counts are over all due cases, not only those listed.
 */
export function nudgeCard(input: {
  locale: Locale;
  rows: readonly NudgeRow[];
  followUps: number;
  progressions: number;
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'title')),
      ...(input.followUps > 0 ? [text(t(locale, 'intro', { count: input.followUps }))] : []),
      ...(input.progressions > 0 ? [text(t(locale, 'progression_intro', { count: input.progressions }))] : []),
      ...input.rows.map((r) =>
        container(
          [
            columns([
              {
                items: [text(`**${r.caseRef}**`), ...rowLines(locale, r)],
              },
              {
                width: 'auto',
                items: [actionSet([executeAction(caseloadText(locale, 'open'), 'case.open', { caseRef: r.caseRef })])],
              },
            ]),
          ],
          { separator: true },
        ),
      ),
    ],
    [executeAction(t(locale, 'caseload'), 'caseload.open')],
  );
}
