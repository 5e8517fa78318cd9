import { addDays } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { REHAB_CLOSURE_REASONS, REHAB_RECOMMENDATIONS, type ClosureReason } from '../../domain/case';
import type { Rehab } from '../../store/case-repository';
import type { FormReader } from '../case-work/form-reader';

/**
 * Pure rules of the group 2 track (domain-research §2.2: "rehabiliteringsspor med etablering af
 * rehabiliteringsplan og forelæggelse for rehabiliteringsteam og efterfølgende indstilling til
 * ressourceforløb, fleksjob, førtidspension mv."). "today" is the municipality's business date.
 */

/** Reads the rehabilitation form. Dates that happened are not in the future; a recommendation has a date. */
export function readRehab(form: FormReader, today: string): Rehab {
  const oldest = addDays(today, -366);
  const meetingAt = form.date('meetingAt', { notBefore: oldest });
  if (meetingAt !== undefined && meetingAt > addDays(today, 366))
    throw new InvalidInputError('error.date_too_far', { field: form.labelOf('meetingAt') }, 'meetingAt');
  const meetingHeldAt = form.date('meetingHeldAt', { notAfter: today, notBefore: oldest });
  const planStartedAt = form.date('planStartedAt', { notAfter: today, notBefore: oldest });
  const recommendation = form.choice('recommendation', REHAB_RECOMMENDATIONS);
  const recommendedAt = form.date('recommendedAt', { notAfter: today, notBefore: oldest });
  if (recommendation !== undefined && recommendedAt === undefined)
    throw new InvalidInputError('error.recommendation_date', {}, 'recommendedAt');
  return {
    ...(meetingAt !== undefined ? { meetingAt } : {}),
    ...(meetingHeldAt !== undefined ? { meetingHeldAt } : {}),
    ...(planStartedAt !== undefined ? { planStartedAt } : {}),
    ...(recommendation !== undefined ? { recommendation } : {}),
    ...(recommendation !== undefined && recommendedAt !== undefined ? { recommendedAt } : {}),
  };
}

/** Reads reason and date of a group 2 closure (the date happened, at most a year back). */
export function readRehabClosure(form: FormReader, today: string): { reason: ClosureReason; date: string } {
  const reason = form.choice('reason', REHAB_CLOSURE_REASONS, { required: true });
  const date = form.date('date', { required: true, notAfter: today, notBefore: addDays(today, -366) });
  if (reason === undefined || date === undefined) throw new InvalidInputError('error.required');
  return { reason, date };
}

/**
 * The planned meeting's date has passed and nothing says it was held (issue 15 item 1: "a nudge
 * when the meeting date passes without an entry"). A meeting held before a later planned one does
 * not count for it.
 */
export function meetingOverdue(rehab: Pick<Rehab, 'meetingAt' | 'meetingHeldAt'> | undefined, today: string): boolean {
  if (rehab?.meetingAt === undefined || rehab.meetingAt >= today) return false;
  return rehab.meetingHeldAt === undefined || rehab.meetingHeldAt < rehab.meetingAt;
}
