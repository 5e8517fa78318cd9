import { z } from 'zod';
import { caseWorkFields } from './case-work-doc';

/**
 * Hours of one ISO week (one document per case and week: a week is corrected, never duplicated).
 * Ordinary hours are paid hours at normal terms; practice hours are praktik without pay.
 */
export const HOURS_SOURCES = ['PAYSLIP', 'EMPLOYER', 'CITIZEN'] as const;
export const HoursSourceSchema = z.enum(HOURS_SOURCES);
export type HoursSource = z.infer<typeof HoursSourceSchema>;

export const ABSENCE_REASONS = ['SICK', 'OTHER'] as const;

/** Bounds of one week (clear messages in the hours feature). */
export const HOURS_LIMITS = {
  ordinaryMax: 48,
  practiceMax: 37,
  absenceMax: 48,
  /** Ordinary and practice together: more than the working-time directive's 48 is not a real week. */
  workedTotalMax: 48,
  /** How far back a week may be logged or corrected. */
  weeksBack: 52,
} as const;

const HoursValuesSchema = z.object({
  ordinaryHours: z.number().min(0).max(HOURS_LIMITS.ordinaryMax),
  practiceHours: z.number().min(0).max(HOURS_LIMITS.practiceMax),
  absenceHours: z.number().min(0).max(HOURS_LIMITS.absenceMax),
  absenceReason: z.enum(ABSENCE_REASONS).optional(),
  source: HoursSourceSchema,
});
export type HoursValues = z.infer<typeof HoursValuesSchema>;

export const WeeklyHoursDocSchema = z.object({
  ...caseWorkFields,
  ...HoursValuesSchema.shape,
  type: z.literal('weekly_hours'),
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
  placementId: z.string().optional(),
  /** Earlier values of a corrected week, newest last (bounded). */
  corrections: z
    .array(z.object({ at: z.string(), by: z.string(), previous: HoursValuesSchema }))
    .max(10)
    .default([]),
});
export type WeeklyHoursDoc = z.infer<typeof WeeklyHoursDocSchema>;
