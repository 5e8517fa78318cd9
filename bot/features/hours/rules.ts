import { addDays, isValidIsoWeek, isoWeekOf, isoWeekStart, isoWeekNumber } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { ABSENCE_REASONS, HOURS_LIMITS, HOURS_SOURCES, type HoursValues } from '../../domain/weekly-hours';
import type { FormReader } from '../case-work/form-reader';

/** Weeks the quick form offers: this week and the ones before it, newest first. */
export const FORM_WEEKS = 8;

/** The oldest ISO week that may still be logged or corrected on `today`. */
export const oldestLoggableWeek = (today: string): string => isoWeekOf(addDays(today, -7 * HOURS_LIMITS.weeksBack));

/**
 * Reads one week: a real ISO week that has begun and is at most a year back; hours within bounds
 * (ordinary ≤ 48, practice ≤ 37, together ≤ 48); a reason when there is absence.
 */
export function readWeek(form: FormReader, today: string): { isoWeek: string; values: HoursValues } {
  const isoWeek = form.raw('isoWeek');
  if (!isValidIsoWeek(isoWeek)) throw new InvalidInputError('week_invalid', {}, 'isoWeek');
  const week = isoWeekNumber(isoWeek);
  if (isoWeekStart(isoWeek) > today) throw new InvalidInputError('week_future', { week }, 'isoWeek');
  if (isoWeek < oldestLoggableWeek(today))
    throw new InvalidInputError('week_too_old', { week, weeks: HOURS_LIMITS.weeksBack }, 'isoWeek');
  const ordinaryHours = form.number('ordinaryHours', { min: 0, max: HOURS_LIMITS.ordinaryMax, required: true }) ?? 0;
  const practiceHours = form.number('practiceHours', { min: 0, max: HOURS_LIMITS.practiceMax }) ?? 0;
  const absenceHours = form.number('absenceHours', { min: 0, max: HOURS_LIMITS.absenceMax }) ?? 0;
  const total = ordinaryHours + practiceHours;
  if (total > HOURS_LIMITS.workedTotalMax)
    throw new InvalidInputError(
      'total_too_high',
      { total: String(total).replace('.', ','), max: HOURS_LIMITS.workedTotalMax },
      'practiceHours',
    );
  const absenceReason = form.choice('absenceReason', ABSENCE_REASONS);
  if (absenceHours > 0 && absenceReason === undefined)
    throw new InvalidInputError('absence_reason_required', {}, 'absenceReason');
  const source = form.choice('source', HOURS_SOURCES, { required: true }) ?? 'CITIZEN';
  return {
    isoWeek,
    values: {
      ordinaryHours,
      practiceHours,
      absenceHours,
      ...(absenceHours > 0 && absenceReason !== undefined ? { absenceReason } : {}),
      source,
    },
  };
}

export const sameHours = (a: HoursValues, b: HoursValues): boolean =>
  a.ordinaryHours === b.ordinaryHours &&
  a.practiceHours === b.practiceHours &&
  a.absenceHours === b.absenceHours &&
  a.absenceReason === b.absenceReason &&
  a.source === b.source;
