import { z } from 'zod';

/**
 * The digest's raw (unsuppressed) aggregates, metric by metric (domain-research M1-M23). They are
 * stored as each week's snapshot in `runs`, so they are zod schemas here in the domain: the store
 * validates a snapshot read back like any other document, and the digest feature computes them
 * (bot/features/digest/metrics). Suppression decides what of this may be shown where.
 */

/** Whom a digest counts: the whole municipality, or one team's jobformidlere. */
export const DigestScopeSchema = z.enum(['municipality', 'team']);
export type DigestScope = z.infer<typeof DigestScopeSchema>;

export const ShareSchema = z.object({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(0),
});
export type Share = z.infer<typeof ShareSchema>;

/** A distribution summarised: n values, their median and mean (undefined when n = 0). */
export const StatSchema = z.object({
  n: z.number().int().min(0),
  median: z.number().optional(),
  mean: z.number().optional(),
});
export type Stat = z.infer<typeof StatSchema>;

export const M1Schema = z.object({ share: ShareSchema, point: ShareSchema, mature: ShareSchema });
export type M1Result = z.infer<typeof M1Schema>;

export const M2Schema = z.object({ share: ShareSchema, hoursAtStart: StatSchema });
export type M2Result = z.infer<typeof M2Schema>;

export const M3Schema = z.object({
  share: ShareSchema,
  mostMissing: z.object({ item: z.string(), count: z.number().int() }).optional(),
});
export type M3Result = z.infer<typeof M3Schema>;

export const M4Schema = z.object({ share: ShareSchema });
export type M4Result = z.infer<typeof M4Schema>;

export const M5Schema = z.object({
  /** Cases whose ordinary hours grew (Δ > 0) among the cases measured. */
  improved: ShareSchema,
  delta: StatSchema,
  /** Team's ordinary hours per ISO week (last 12), with how many cases worked ordinary hours that week. */
  weekly: z.array(z.object({ isoWeek: z.string(), hours: z.number(), cases: z.number().int() })),
});
export type M5Result = z.infer<typeof M5Schema>;

export const M6Schema = z.object({ sustained: ShareSchema, ever3m: ShareSchema });
export type M6Result = z.infer<typeof M6Schema>;

export const M9Schema = z.object({
  days: StatSchema,
  within14: ShareSchema,
  /** Active G1 cases still without a first job conversation more than 14 days after visitation. */
  waiting: z.number().int(),
});
export type M9Result = z.infer<typeof M9Schema>;

export const M10Schema = z.object({
  activeG1: z.number().int(),
  overdue: z.number().int(),
  /** Not overdue yet but past the warning limit. */
  soon: z.number().int(),
});
export type M10Result = z.infer<typeof M10Schema>;

export const M11Schema = z.object({
  jobformidlere: z.number().int(),
  caseload: StatSchema,
  above: z.number().int(),
  within: z.number().int(),
  below: z.number().int(),
});
export type M11Result = z.infer<typeof M11Schema>;

export const M12Schema = z.object({ lastWeek: z.number().int(), last4Weeks: z.number().int() });
export type M12Result = z.infer<typeof M12Schema>;

const M14CountsSchema = z.object({
  outreachVisits: z.number().int(),
  jobOpenings: z.number().int(),
  placementsStarted: z.number().int(),
  /** Of the placements started: ordinary employment or ordinary paid hours ("formidlinger til job"). */
  jobPlacements: z.number().int(),
  aftercare: z.number().int(),
});
export type M14Counts = z.infer<typeof M14CountsSchema>;

export const M14Schema = M14CountsSchema.extend({
  /**
   * Job matches (bot/features/jobmatch): suggested, taken, and taken matches whose placement started.
   * This and `previous` (the four weeks before, the trend) are absent in snapshots from before they were kept.
   */
  matches: z.object({ proposed: z.number().int(), accepted: z.number().int(), placed: z.number().int() }).optional(),
  previous: M14CountsSchema.optional(),
});
export type M14Result = z.infer<typeof M14Schema>;

export const M16Schema = z.object({
  screenings: z.number().int(),
  withImpact: z.number().int(),
  visitedWithin14: z.number().int(),
  startedG1: z.number().int(),
});
export type M16Result = z.infer<typeof M16Schema>;

export const M18Schema = z.object({
  decisionDays: StatSchema,
  decidedWithinTarget: ShareSchema,
  deliveryDays: StatSchema,
  /** Applications without a decision, older than 10 days. */
  openOver10: z.number().int(),
});
export type M18Result = z.infer<typeof M18Schema>;

export const M7Schema = z.object({ share: ShareSchema });
export type M7Result = z.infer<typeof M7Schema>;

export const M8Schema = z.object({ share: ShareSchema });
export type M8Result = z.infer<typeof M8Schema>;

export const M13Schema = z.object({ lastWeek: z.number().int(), last4Weeks: z.number().int() });
export type M13Result = z.infer<typeof M13Schema>;

const GroupCountsSchema = z.object({
  G1_INTERVENTION: z.number(),
  G2_REHABILITATION: z.number(),
  G3_NOT_EMPLOYMENT_READY: z.number(),
});

export const M17Schema = z.object({
  /** The calendar year the plan is for (T − 1's year). */
  year: z.number().int(),
  /** Citizens visited this year up to T, by the group of their first decision. */
  actual: GroupCountsSchema,
  /** "Outside the target group" decisions (not planned, shown for the whole picture). */
  outOfScope: z.number().int(),
  /** The year's plan pro rata to T (days of the year up to T over the days of the year); absent: no plan. */
  plannedToDate: GroupCountsSchema.optional(),
});
export type M17Result = z.infer<typeof M17Schema>;

export const M20Schema = z.object({ share: ShareSchema });
export type M20Result = z.infer<typeof M20Schema>;

export const M23Schema = z.object({
  share: ShareSchema,
  /** Compensation schemes granted in the last 12 months (decided GRANTED in [T − 365 d, T)). */
  grantedLast12m: z.number().int(),
});
export type M23Result = z.infer<typeof M23Schema>;

export const M19Schema = z.object({ cv: ShareSchema, goal: ShareSchema, goalUpdated: ShareSchema });
export type M19Result = z.infer<typeof M19Schema>;

export const M22Schema = z.object({
  /** Cases active in G1 for ≥ 30 days with a measurement in the last 92 days. */
  coverage: ShareSchema,
  /** Cases with a baseline and a later measurement on the same set version whose mean score rose. */
  improved: ShareSchema,
});
export type M22Result = z.infer<typeof M22Schema>;

export const M15Schema = z.object({
  /** Company-directed contacts of the last 4 weeks: logged on companies, or on cases as company-facing. */
  companyFacing: z.number().int().min(0),
  /** All contacts of the last 4 weeks, citizen- and company-directed. */
  all: z.number().int().min(0),
});
export type M15Result = z.infer<typeof M15Schema>;

export const DigestAggregatesSchema = z.object({
  isoWeek: z.string(),
  asOf: z.string(),
  cases: z.number().int(),
  m1: M1Schema,
  m2: M2Schema,
  m3: M3Schema,
  m4: M4Schema,
  m5: M5Schema,
  m6: M6Schema,
  m9: M9Schema,
  m10: M10Schema,
  m11: M11Schema,
  m12: M12Schema,
  m14: M14Schema,
  /** Absent in snapshots from before the company side was counted. */
  m15: M15Schema.optional(),
  m16: M16Schema,
  m18: M18Schema,
  m19: M19Schema,
  m22: M22Schema,
  // Issue 15 item 7. Optional only so that a snapshot stored before they existed still reads.
  m7: M7Schema.optional(),
  m8: M8Schema.optional(),
  m13: M13Schema.optional(),
  m17: M17Schema.optional(),
  m20: M20Schema.optional(),
  m23: M23Schema.optional(),
});
export type DigestAggregates = z.infer<typeof DigestAggregatesSchema>;

export const TrendPointSchema = z.object({ isoWeek: z.string(), share: ShareSchema });
export type TrendPoint = z.infer<typeof TrendPointSchema>;
