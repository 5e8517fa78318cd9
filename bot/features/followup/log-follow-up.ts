import { randomUUID } from 'node:crypto';
import { formatDate } from '../../domain/calendar';
import type { FollowUpDoc } from '../../domain/follow-up';
import { activePlacementsOn } from '../../domain/placement';
import { followUpText } from '../../i18n/followup';
import { FollowUpRepository } from '../../store/follow-up-repository';
import { PlacementRepository } from '../../store/placement-repository';
import { followUpCard } from '../../../cards/followup/follow-up-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase } from '../case-work/case-access';
import { changeCaseWork } from '../case-work/change-case-work';
import { catalogueFieldLabel } from '../case-work/field-label';
import { newCaseWorkDoc } from '../case-work/doc-stamp';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { caseCardOf } from '../case/open-case';
import { saveOnceTo } from '../case-work/save-once';
import { readFollowUp, suggestedNextDue } from './rules';

type FollowUpSubmission = { caseRef: string; submissionId: string; etag: string } & FormValues;

const label = (ctx: HandlerContext): ((field: string) => string) => catalogueFieldLabel(followUpText, ctx.actor.locale);

/** The follow-up form, with the next date suggested from the cadence (14 days in a placement, else 42). */
export function followUpForm(
  ctx: HandlerContext,
  caseRef: string,
  options: { error?: string; draft?: Record<string, string>; submissionId?: string } = {},
): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'followup.new',
    async ({ today, settings }) => {
      const placements = await new PlacementRepository(ctx.services.store).listForCase(ctx.actor.tenantId, caseRef);
      const next = suggestedNextDue(today, placements, settings);
      return followUpCard({
        locale: ctx.actor.locale,
        caseRef,
        draft: options.draft ?? {
          date: today,
          contactType: 'JOB_CONVERSATION',
          mode: 'IN_PERSON',
          direction: 'CITIZEN_FACING',
          outcome: 'CONTINUE',
          nextFollowUpDue: next.date,
        },
        submissionId: options.submissionId ?? randomUUID(),
        cadenceDays: next.days,
        inPlacement: next.inPlacement,
        error: options.error,
      });
    },
    'case.write',
  );
}

/** Logs a follow-up once (its id is the form's submission id) and answers with the case card. */
export function logFollowUp(
  ctx: HandlerContext,
  data: FollowUpSubmission,
  refusal?: InputRefusal,
): Promise<ActionOutcome> {
  const { locale } = ctx.actor;
  return answerForm(ctx, {
    refusal,
    label: label(ctx),
    catalogue: followUpText,
    invalid: (message) =>
      followUpForm(ctx, data.caseRef, { error: message, draft: draftOf(data), submissionId: data.submissionId }),
    conflict: async (message) => ({ card: await followUpForm(ctx, data.caseRef, { error: message }) }),
    save: async () => {
      const { result: saved, scope } = await changeCaseWork(
        ctx,
        data.caseRef,
        'followup.write',
        async ({ today, settings }, writer) => {
          const placements = writer.work.placements;
          const input = readFollowUp(new FormReader(data, label(ctx)), today, placements, settings);
          const placement = activePlacementsOn(placements, input.date)[0];
          return saveOnceTo(
            writer.target(new FollowUpRepository(ctx.services.store), data.submissionId),
            { submissionId: data.submissionId, etag: '' },
            (): FollowUpDoc => ({
              ...newCaseWorkDoc(ctx, data.caseRef, 'follow_up', 'followup', data.submissionId),
              followUpId: data.submissionId,
              ...input,
              ...(placement !== undefined ? { placementId: placement.placementId } : {}),
            }),
          );
        },
      );
      const card = await caseCardOf(ctx, scope, {
        text: followUpText(locale, 'saved', { date: formatDate(saved.doc.nextFollowUpDue, locale) }),
        tone: 'good',
      });
      return { card, refreshFor: 'everyone' };
    },
  });
}
