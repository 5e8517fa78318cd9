import { randomUUID } from 'node:crypto';
import { businessDate } from '../../domain/calendar';
import { caseDocId } from '../../domain/case';
import { aftercareUntil, inAftercare } from '../../domain/aftercare';
import { stampNew } from '../../domain/case-work-doc';
import { FOLLOW_UP_MODES, type FollowUpDoc } from '../../domain/follow-up';
import { InvalidInputError, NotFoundError } from '../../domain/errors';
import { teamText } from '../../i18n/team';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { FollowUpRepository } from '../../store/follow-up-repository';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import type { TenantSettings } from '../../domain/tenant-settings';
import { aftercareForm } from '../../../cards/team/aftercare-card';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { ownershipOf, readCase } from '../case-work/case-access';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { caseCardFor } from '../case/open-case';
import { saveOnce } from '../case-work/save-once';

/**
 * Aftercare (efterværn, issue 15 item 5; seed 000: "opfølgende besøg og efterværn"): a case closed
 * because the citizen got a job stays open for aftercare contacts for `aftercareMonths` (default 6)
 * without being re-opened. Each contact is a follow-up of type AFTERCARE, so the case facts carry it
 * (M14 counts aftercare visits from there), and it is written with the case's own retention stamp:
 * aftercare never extends how long the case is kept. The case's jobformidler only (`case.aftercare`).
 */
const label = (ctx: HandlerContext) => (field: string) => {
  const key = `aftercare.${field}`;
  return (teamText.keys as readonly string[]).includes(key)
    ? teamText(ctx.actor.locale, key as Parameters<typeof teamText>[1])
    : field;
};

/** The aftercare window of a closed case on `today`, or undefined when there is none (any more). */
function openWindow(
  caseDoc: CaseDoc,
  settings: Pick<TenantSettings, 'aftercareMonths'>,
  today: string,
): { from: string; until: string } | undefined {
  const until = aftercareUntil(caseDoc.closure, settings.aftercareMonths);
  const from = caseDoc.closure?.date;
  if (caseDoc.status !== 'CLOSED' || until === undefined || from === undefined || !inAftercare(until, from, today))
    return undefined;
  return { from, until };
}

export function aftercareFormFor(
  ctx: HandlerContext,
  caseRef: string,
  options: { error?: string; draft?: Record<string, string>; submissionId?: string } = {},
): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'aftercare.new',
    async ({ caseDoc, settings, today }) => {
      const open = openWindow(caseDoc, settings, today);
      if (open === undefined) return messageCard(teamText(ctx.actor.locale, 'aftercare.over'), { tone: 'attention' });
      return aftercareForm({
        locale: ctx.actor.locale,
        caseRef,
        until: open.until,
        draft: options.draft ?? { date: today, mode: 'PHONE' },
        submissionId: options.submissionId ?? randomUUID(),
        error: options.error,
      });
    },
    'case.aftercare',
  );
}

export function saveAftercare(
  ctx: HandlerContext,
  data: { caseRef: string; submissionId: string } & FormValues,
): Promise<ActionOutcome> {
  const { tenantId, userId } = ctx.actor;
  const { caseRef, submissionId } = data;
  return answerForm(ctx, {
    catalogue: teamText,
    invalid: (message) => aftercareFormFor(ctx, caseRef, { error: message, draft: draftOf(data), submissionId }),
    conflict: async (message) => ({ card: await aftercareFormFor(ctx, caseRef, { error: message }) }),
    save: async () => {
      const caseDoc = await new CaseRepository(ctx.services.store).get(tenantId, caseRef);
      if (caseDoc === undefined) throw new NotFoundError(`case ${caseRef}`);
      const settings = await ctx.services.directory.getSettings(tenantId);
      const today = businessDate(ctx.now, settings.timeZone);
      await ctx.guard.run(
        {
          action: 'case.aftercare',
          kind: 'write',
          purpose: 'follow_up',
          caseRef,
          resource: ownershipOf(caseDoc),
          auditAction: 'aftercare.write',
        },
        async () => {
          const open = openWindow(caseDoc, settings, today);
          if (open === undefined) throw new InvalidInputError('aftercare.over');
          const form = new FormReader(data, label(ctx));
          const date = form.date('date', { required: true, notAfter: today, notBefore: open.from }) ?? today;
          const mode = form.choice('mode', FOLLOW_UP_MODES, { required: true }) ?? 'PHONE';
          const note = form.text('note', { max: 500 });
          await saveOnce(
            new FollowUpRepository(ctx.services.store),
            { tenantId, caseRef, key: submissionId },
            { submissionId, etag: '' },
            (): FollowUpDoc => ({
              id: caseDocId(tenantId, 'followup', submissionId),
              tenantId,
              caseRef,
              type: 'follow_up',
              ...stampNew(userId, ctx.now),
              followUpId: submissionId,
              date,
              contactType: 'AFTERCARE',
              mode,
              direction: 'CITIZEN_FACING',
              topics: [],
              outcome: 'CONTINUE',
              ...(note !== undefined ? { note } : {}),
              nextFollowUpDue: open.until,
              // The case's own expiry: aftercare does not extend retention.
              ...(caseDoc.ttl !== undefined ? { ttl: caseDoc.ttl } : {}),
              ...(caseDoc.expiresAt !== undefined ? { expiresAt: caseDoc.expiresAt } : {}),
            }),
          );
          await new CaseFactsRepository(ctx.services.store).rebuild(tenantId, caseRef, settings, ctx.now);
        },
      );
      const card = await caseCardFor(ctx, caseRef, {
        text: teamText(ctx.actor.locale, 'aftercare.saved'),
        tone: 'good',
      });
      return { card, refreshFor: 'everyone' };
    },
  });
}
