import { randomUUID } from 'node:crypto';
import { caseCardText } from '../../i18n/case';
import { CvStatusRepository } from '../../store/job-goal-repository';
import type { CvDoc } from '../../domain/job-goals';
import { cvCard } from '../../../cards/case/cv-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase } from '../case-work/case-access';
import { changeCaseWork } from '../case-work/change-case-work';
import { changedBy, newCaseWorkDoc } from '../case-work/doc-stamp';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { caseCardOf } from './open-case';
import { readCv } from './rules';
import { saveOnceTo } from '../case-work/save-once';

const LABELS = {
  cvStatus: 'cv.form.status',
  personalCvUpdatedAt: 'cv.personal_updated',
  jobnetCvUpdatedAt: 'cv.jobnet_updated',
} as const;

export async function cvForm(ctx: HandlerContext, caseRef: string, error?: string): Promise<AdaptiveCard> {
  return readCase(ctx, caseRef, 'cv_status.read', async () => {
    const stored = await new CvStatusRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef, '');
    return cvCard({
      locale: ctx.actor.locale,
      caseRef,
      draft: {
        cvStatus: stored?.status ?? 'NONE',
        personalCvUpdatedAt: stored?.personalCvUpdatedAt,
        jobnetCvUpdatedAt: stored?.jobnetCvUpdatedAt,
      },
      etag: stored?._etag,
      submissionId: randomUUID(),
      error,
    });
  });
}

export function saveCv(
  ctx: HandlerContext,
  data: { caseRef: string; submissionId: string; etag: string } & FormValues,
  refusal?: InputRefusal,
): Promise<ActionOutcome> {
  const { locale } = ctx.actor;
  const label = (field: string): string =>
    field in LABELS ? caseCardText(locale, LABELS[field as keyof typeof LABELS]) : field;
  return answerForm(ctx, {
    refusal,
    label: label,
    catalogue: caseCardText,
    invalid: (message) =>
      cvCard({
        locale,
        caseRef: data.caseRef,
        draft: draftOf(data),
        etag: data.etag,
        submissionId: data.submissionId,
        error: message,
      }),
    conflict: async (message) => ({ card: await cvForm(ctx, data.caseRef, message) }),
    save: async () => {
      const { scope } = await changeCaseWork(ctx, data.caseRef, 'cv_status.write', async ({ today }, writer) => {
        const cv = readCv(new FormReader(data, label), today);
        await saveOnceTo(writer.target(new CvStatusRepository(ctx.services.store), ''), data, (current): CvDoc => ({
          ...(current ?? newCaseWorkDoc(ctx, data.caseRef, 'cv_status', 'cv_status')),
          status: cv.status,
          personalCvUpdatedAt: cv.personalCvUpdatedAt,
          jobnetCvUpdatedAt: cv.jobnetCvUpdatedAt,
          lastReviewedAt: today,
          ...changedBy(ctx),
        }));
      });
      const card = await caseCardOf(ctx, scope, { text: caseCardText(locale, 'cv.saved'), tone: 'good' });
      return { card, refreshFor: 'everyone' };
    },
  });
}
