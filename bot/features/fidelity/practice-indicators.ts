import type { PracticeArea } from '../../domain/core-element-set';
import type { FigureId } from '../digest/figure-rules';

/**
 * Which figures from daily work speak to the same core element as the team's self-assessment, shown
 * beside it in the digest (issue 16 A.3: "the team sees self-assessment and practice side by side").
 * Data, not code: a new figure is one more id in a list.
 *
 * The issue names M2/M3 for agreements, M10/M20 for the jobformidler, M19 for CV and job goals,
 * M14/M15 for the company side and M18 for fast track.
 */
export const PRACTICE_INDICATORS: Readonly<Record<PracticeArea, readonly FigureId[]>> = {
  OWN_JOB_GOAL: ['M19', 'M19_GOAL', 'M19_UPDATED'],
  PERSONAL_JOB_BROKER: ['M10', 'M11', 'M20'],
  INDIVIDUAL_MATCH: ['M14_VISITS', 'M14_JOBS', 'M15'],
  CLEAR_AGREEMENT: ['M2', 'M3'],
  RESOURCE_FOCUS: ['M22', 'M22_IMPROVED'],
  FOLLOW_UP_PROGRESSION: ['M10', 'M5'],
  SCREENING: ['M16_IMPACT', 'M16_VISITED'],
  CV_AND_PLAN: ['M19', 'M19_UPDATED'],
  FAST_TRACK: ['M18', 'M18_WITHIN'],
  COMPANY_MATCH: ['M14_VISITS', 'M14_OPENINGS', 'M14_AFTERCARE', 'M15'],
};
