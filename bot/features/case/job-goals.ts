import { randomUUID } from 'node:crypto';
import { caseCardText } from '../../i18n/case';
import { JobGoalRepository } from '../../store/job-goal-repository';
import type { JobGoal, JobGoalsDoc } from '../../domain/job-goals';
import { goalFields, jobGoalsCard } from '../../../cards/case/job-goals-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase } from '../case-work/case-access';
import { changeCaseWork } from '../case-work/change-case-work';
import { changedBy, newCaseWorkDoc } from '../case-work/doc-stamp';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { caseCardOf } from './open-case';
import { readJobGoals } from './rules';
import { saveOnceTo } from '../case-work/save-once';

const draftOfGoals = (goals: readonly JobGoal[]): Record<string, string> =>
  Object.fromEntries(
    goals.flatMap((g) => {
      const f = goalFields(g.level);
      return [
        [f.title, g.title],
        [f.actions, g.actions.join('\n')],
        [f.own, g.citizenOwned ? 'true' : 'false'],
      ];
    }),
  );

/** The ABC form filled with the stored goals (or a notice-bearing re-render of them). */
export async function jobGoalsForm(ctx: HandlerContext, caseRef: string, error?: string): Promise<AdaptiveCard> {
  return readCase(ctx, caseRef, 'job_goals.read', async () => {
    const stored = await new JobGoalRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef, '');
    return jobGoalsCard({
      locale: ctx.actor.locale,
      caseRef,
      draft: draftOfGoals(stored?.goals ?? []),
      etag: stored?._etag,
      submissionId: randomUUID(),
      error,
    });
  });
}

export function saveJobGoals(
  ctx: HandlerContext,
  data: { caseRef: string; submissionId: string; etag: string } & FormValues,
  refusal?: InputRefusal,
): Promise<ActionOutcome> {
  const { locale } = ctx.actor;
  const label = (field: string): string =>
    caseCardText(locale, field.endsWith('_actions') ? 'goals.form.actions' : 'goals.form.job', {
      level: field.slice(4, 5),
    });
  return answerForm(ctx, {
    refusal,
    label: label,
    catalogue: caseCardText,
    invalid: (message) =>
      jobGoalsCard({
        locale,
        caseRef: data.caseRef,
        draft: draftOf(data),
        etag: data.etag,
        submissionId: data.submissionId,
        error: message,
      }),
    conflict: async (message) => ({ card: await jobGoalsForm(ctx, data.caseRef, message) }),
    save: async () => {
      const { scope } = await changeCaseWork(ctx, data.caseRef, 'job_goals.write', async ({ today }, writer) => {
        const goals = readJobGoals(new FormReader(data, label), today);
        await saveOnceTo(
          writer.target(new JobGoalRepository(ctx.services.store), ''),
          data,
          (current): JobGoalsDoc => ({
            ...(current ?? newCaseWorkDoc(ctx, data.caseRef, 'job_goals', 'job_goals')),
            goals,
            ...changedBy(ctx),
          }),
        );
      });
      const card = await caseCardOf(ctx, scope, { text: caseCardText(locale, 'goals.saved'), tone: 'good' });
      return { card, refreshFor: 'everyone' };
    },
  });
}
