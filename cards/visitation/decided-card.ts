import type { Locale } from '../../bot/i18n/locale';
import { visitationText as t } from '../../bot/i18n/visitation';
import { businessDate, formatLongDate } from '../../bot/domain/calendar';
import { closingText } from '../../bot/i18n/closing';
import type { CaseDoc, PastVisitation } from '../../bot/domain/case-doc';
import type { HandoverDelivery } from '../../bot/features/visitation/rules';
import { adaptiveCard, executeAction, facts, goodText, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const sub = (v: unknown, key: string): string | undefined =>
  v !== null && typeof v === 'object' ? str((v as Record<string, unknown>)[key]) : undefined;

/** What was decided, and whether the jobformidler was told. No screening answers. */
export function visitationDecidedCard(input: {
  locale: Locale;
  caseDoc: CaseDoc;
  jobformidlerName?: string | undefined;
  handover?: HandoverDelivery | undefined;
  already: boolean;
  ownerName?: string | undefined;
  replaced?: PastVisitation | undefined;
  mayReopen?: boolean | undefined;
}): AdaptiveCard {
  const { locale, caseDoc } = input;
  const v = caseDoc.visitation;
  const rows: [string, string][] = [[t(locale, 'decided.case'), caseDoc.caseRef]];
  if (v !== undefined) {
    rows.push(
      [t(locale, 'decided.group'), t(locale, `group.${v.group}`)],
      [t(locale, 'decided.conversation_at'), formatLongDate(v.conversationAt, locale)],
    );
    const rationale = str(v.rationaleCode);
    if (rationale)
      rows.push([t(locale, 'decided.rationale'), t(locale, `rationale.${rationale}` as 'rationale.OTHER')]);
    if (input.jobformidlerName) rows.push([t(locale, 'decided.jobformidler'), input.jobformidlerName]);
    if (input.ownerName) rows.push([t(locale, 'decided.owner'), input.ownerName]);
    const first = str(v.firstJobConversationBookedFor);
    if (first) rows.push([t(locale, 'decided.first_job_conversation'), formatLongDate(first, locale)]);
    const meeting = sub(v.g2, 'rehabTeamMeetingAt');
    if (meeting) rows.push([t(locale, 'decided.rehab_team_meeting_at'), formatLongDate(meeting, locale)]);
    const plan = sub(v.g2, 'rehabPlanStartedAt');
    if (plan) rows.push([t(locale, 'decided.rehab_plan_started_at'), formatLongDate(plan, locale)]);
    const recipient = sub(v.g3, 'recipient');
    if (recipient) {
      const date = sub(v.g3, 'notificationDate');
      const what = t(locale, `g3.recipient.${recipient}` as 'g3.recipient.NOT_RELEVANT');
      rows.push([t(locale, 'decided.notification'), date ? `${what}, ${formatLongDate(date, locale)}` : what]);
    }
  }
  const body: JsonObject[] = [heading(t(locale, 'decided.title'))];
  if (input.already) body.push(note(t(locale, 'decided.already')));
  body.push(facts(rows));
  const r = input.replaced;
  if (r !== undefined)
    body.push(
      note(
        t(locale, 'change.replaced', {
          group: t(locale, `group.${r.group}`),
          from: formatLongDate(r.effectiveFrom, locale),
          to: formatLongDate(r.effectiveTo, locale),
        }),
      ),
    );
  if (caseDoc.status === 'CLOSED' && caseDoc.closure !== undefined)
    body.push(
      text(
        t(locale, 'decided.closed', {
          reason: closingText(locale, `reason.${caseDoc.closure.reason}`),
          date:
            caseDoc.expiresAt !== undefined ? formatLongDate(businessDate(new Date(caseDoc.expiresAt)), locale) : '–',
        }),
      ),
    );
  const name = input.jobformidlerName ?? input.ownerName ?? '';
  if (input.handover === 'sent') body.push(goodText(t(locale, 'handover.sent', { name })));
  else if (input.handover === 'pending')
    body.push(text(t(locale, 'handover.pending', { name }), { color: 'Attention' }));
  else if (input.handover === 'no_reference') body.push(text(t(locale, 'handover.no_reference', { name })));
  else if (input.handover === 'failed') body.push(text(t(locale, 'handover.failed', { name }), { color: 'Attention' }));
  return adaptiveCard(body, [
    ...(input.mayReopen
      ? [executeAction(t(locale, 'decided.reopen'), 'case.reopen', { caseRef: caseDoc.caseRef })]
      : []),
    executeAction(t(locale, 'decided.list'), 'screening.list'),
  ]);
}
