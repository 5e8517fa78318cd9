import type { Locale } from '../../bot/i18n/locale';
import { visitationText as t } from '../../bot/i18n/visitation';
import { formatLongDate } from '../../bot/domain/calendar';
import { adaptiveCard, executeAction, facts, heading, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';

/**
 * The 1:1 message a jobformidler gets when a citizen is handed over: the case reference and the
 * booked first job conversation, nothing about health. The buttons use the jobformidler feature's
 * verbs ("Mine borgere", open the case).
 */
export function handoverCard(
  locale: Locale,
  input: { caseRef: string; firstJobConversationAt: string; screenerName: string },
): AdaptiveCard {
  const date = formatLongDate(input.firstJobConversationAt, locale);
  return adaptiveCard(
    [
      heading(t(locale, 'handover.title')),
      text(t(locale, 'handover.body', { caseRef: input.caseRef, date })),
      facts([
        [t(locale, 'handover.case'), input.caseRef],
        [t(locale, 'handover.date'), date],
        ...(input.screenerName ? [[t(locale, 'handover.by'), input.screenerName] as [string, string]] : []),
      ]),
      note(t(locale, 'handover.quiet')),
    ],
    [
      executeAction(t(locale, 'handover.open'), 'case.open', { caseRef: input.caseRef }, { style: 'positive' }),
      executeAction(t(locale, 'handover.caseload'), 'caseload.open'),
    ],
  );
}

/** The 1:1 message the owner of a group 2 case gets: the case reference and the rehabilitation team meeting. */
export function rehabHandoverCard(
  locale: Locale,
  input: { caseRef: string; meetingAt: string; byName: string },
): AdaptiveCard {
  const date = formatLongDate(input.meetingAt, locale);
  return adaptiveCard(
    [
      heading(t(locale, 'handover.g2.title')),
      text(t(locale, 'handover.g2.body', { caseRef: input.caseRef, date })),
      facts([
        [t(locale, 'handover.case'), input.caseRef],
        [t(locale, 'handover.g2.date'), date],
        ...(input.byName ? [[t(locale, 'handover.by'), input.byName] as [string, string]] : []),
      ]),
      note(t(locale, 'handover.quiet')),
    ],
    [
      executeAction(t(locale, 'handover.open'), 'rehab.open', { caseRef: input.caseRef }, { style: 'positive' }),
      executeAction(t(locale, 'handover.caseload'), 'caseload.open'),
    ],
  );
}
