import { CV_STATUSES } from '../../domain/case';
import { InvalidInputError } from '../../domain/errors';
import { JOB_GOAL_LEVELS, type JobGoal } from '../../domain/job-goals';
import type { FormReader } from '../case-work/form-reader';

/** The input ids of one level of the ABC job goals form (the card draws them, readJobGoals reads them). */
export const goalFields = (level: string) => ({
  title: `goal${level}_title`,
  actions: `goal${level}_actions`,
  own: `goal${level}_own`,
});

/** Reads the ABC form: a level with a job is a goal; actions without a job are refused. */
export function readJobGoals(form: FormReader, today: string): JobGoal[] {
  const goals: JobGoal[] = [];
  for (const level of JOB_GOAL_LEVELS) {
    const f = goalFields(level);
    const title = form.text(f.title, { max: 120 });
    const actions = form.lines(f.actions, { maxLines: 10, maxLength: 200 });
    if (title === undefined) {
      if (actions.length > 0) throw new InvalidInputError('goals.actions_without_job', { level }, f.title);
      continue;
    }
    goals.push({ level, title, actions, citizenOwned: form.toggle(f.own), status: 'ACTIVE', lastReviewedAt: today });
  }
  return goals;
}

export interface CvInput {
  readonly status: (typeof CV_STATUSES)[number];
  readonly personalCvUpdatedAt?: string | undefined;
  readonly jobnetCvUpdatedAt?: string | undefined;
}

/** Reads the CV form: dates are real, not in the future, and only for a CV the citizen has. */
export function readCv(form: FormReader, today: string): CvInput {
  const status = form.choice('cvStatus', CV_STATUSES, { required: true }) ?? 'NONE';
  const personal = form.date('personalCvUpdatedAt', { notAfter: today, notBefore: '2000-01-01' });
  const jobnet = form.date('jobnetCvUpdatedAt', { notAfter: today, notBefore: '2000-01-01' });
  const hasPersonal = status === 'PERSONAL' || status === 'BOTH';
  const hasJobnet = status === 'JOBNET' || status === 'BOTH';
  if (personal !== undefined && !hasPersonal)
    throw new InvalidInputError('cv.date_without_cv', {}, 'personalCvUpdatedAt');
  if (jobnet !== undefined && !hasJobnet) throw new InvalidInputError('cv.date_without_cv', {}, 'jobnetCvUpdatedAt');
  return { status, personalCvUpdatedAt: personal, jobnetCvUpdatedAt: jobnet };
}
