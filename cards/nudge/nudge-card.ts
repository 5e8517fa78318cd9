import type { Locale } from '../../bot/i18n/locale';
import { nudgeText as t } from '../../bot/i18n/nudge';
import { caseloadText } from '../../bot/i18n/caseload';
import { formatDate } from '../../bot/domain/calendar';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import { adaptiveCard, columns, container, executeAction, heading, actionSet, text } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { followUpFlagText } from '../case/follow-up-flag';

export interface NudgeRow {
  readonly caseRef: string;
  readonly followUp: FollowUpStatus;
}

/** The daily 1:1 message: the cases whose follow-up is due today or overdue, each with an Open button. */
export function nudgeCard(input: { locale: Locale; rows: readonly NudgeRow[]; total: number }): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    [
      heading(t(locale, 'title')),
      text(t(locale, 'intro', { count: input.total })),
      ...input.rows.map((r) =>
        container(
          [
            columns([
              {
                items: [
                  text(`**${r.caseRef}**`),
                  text(`${followUpFlagText(locale, r.followUp) ?? ''} · ${formatDate(r.followUp.dueDate, locale)}`, {
                    size: 'Small',
                    spacing: 'None',
                    color: r.followUp.state === 'overdue' ? 'Attention' : 'Warning',
                  }),
                ],
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
