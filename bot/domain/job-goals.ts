import { z } from 'zod';
import { CvStatusSchema, IsoDateSchema } from './case';
import { caseWorkFields } from './case-work-doc';

/**
 * ABC job goals (domain-research §2.5): A the preferred job, B the good and acceptable job, C the
 * necessary job area, each with concrete actions. One document per case holds all three levels.
 */
export const JOB_GOAL_LEVELS = ['A', 'B', 'C'] as const;
export const JobGoalLevelSchema = z.enum(JOB_GOAL_LEVELS);
export type JobGoalLevel = z.infer<typeof JobGoalLevelSchema>;

export const JobGoalSchema = z.object({
  level: JobGoalLevelSchema,
  title: z.string().min(1).max(120),
  actions: z.array(z.string().min(1).max(200)).max(10),
  /** "Borgerens eget jobmål" (FSM KE1): the citizen formulated or owns this goal. */
  citizenOwned: z.boolean(),
  status: z.enum(['ACTIVE', 'ACHIEVED', 'DROPPED']),
  lastReviewedAt: IsoDateSchema,
});
export type JobGoal = z.infer<typeof JobGoalSchema>;

export const JobGoalsDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('job_goals'),
  goals: z.array(JobGoalSchema).max(3),
});
export type JobGoalsDoc = z.infer<typeof JobGoalsDocSchema>;

/** A goal the KE1 metric counts (M19): a named job with at least one action. */
export const isConcreteGoal = (g: JobGoal): boolean => g.title.trim().length > 0 && g.actions.length > 0;

export const hasConcreteOwnGoal = (goals: readonly JobGoal[]): boolean =>
  goals.some((g) => g.status === 'ACTIVE' && g.citizenOwned && isConcreteGoal(g));

/** CV status: personal CV and/or Jobnet CV, and when each was last updated. */
export const CvDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('cv_status'),
  status: CvStatusSchema,
  personalCvUpdatedAt: IsoDateSchema.optional(),
  jobnetCvUpdatedAt: IsoDateSchema.optional(),
  lastReviewedAt: IsoDateSchema,
});
export type CvDoc = z.infer<typeof CvDocSchema>;
