import type { Locale } from '../../bot/i18n/locale';
import { teamText as t } from '../../bot/i18n/team';
import { actionSet, adaptiveCard, columns, container, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export interface TeamRow {
  readonly userId: string;
  readonly displayName: string;
  readonly caseload: number;
  readonly overdue: number;
}

/**
 * The leader's view of the team's caseloads against the band (issue 15 item 4: "caseload balancing
 * view showing each jobformidler's caseload against the band"). Staff data: only 1:1 to the leader.
 */
export function teamCard(input: {
  locale: Locale;
  rows: readonly TeamRow[];
  band: readonly [number, number];
}): AdaptiveCard {
  const { locale } = input;
  const [low, high] = input.band;
  const body: JsonObject[] = [heading(t(locale, 'team.title')), note(t(locale, 'team.intro', { low, high }))];
  if (input.rows.length === 0) body.push(text(t(locale, 'team.empty')));
  for (const r of input.rows) {
    const where = r.caseload > high ? 'above' : r.caseload < low ? 'below' : 'within';
    body.push(
      container(
        [
          columns([
            {
              items: [
                text(`**${r.displayName}**`),
                text(
                  `${t(locale, 'team.row', { caseload: r.caseload, overdue: r.overdue })} · ${t(locale, `team.${where}`)}`,
                  {
                    size: 'Small',
                    spacing: 'None',
                    color: where === 'above' ? 'Attention' : where === 'below' ? 'Warning' : 'Good',
                  },
                ),
              ],
            },
            {
              width: 'auto',
              items: [
                actionSet([
                  executeAction(t(locale, 'team.open'), 'sparring.caseload', { userId: r.userId }),
                  executeAction(t(locale, 'team.move'), 'reassign.bulk', { fromUserId: r.userId }),
                ]),
              ],
            },
          ]),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [executeAction(t(locale, 'team.title'), 'sparring.team')]);
}
