import { addDays, daysBetween } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { cadenceOn, latestNextDue, type CadenceSettings } from '../../domain/follow-up-cadence';
import {
  DIRECTIONS,
  FOLLOW_UP_MODES,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TOPICS,
  LOGGABLE_CONTACT_TYPES,
  type FollowUpDoc,
} from '../../domain/follow-up';
import type { PlacementDates } from '../../domain/placement';
import type { FormReader } from '../case-work/form-reader';

export type FollowUpInput = Pick<
  FollowUpDoc,
  | 'date'
  | 'contactType'
  | 'mode'
  | 'direction'
  | 'topics'
  | 'outcome'
  | 'ordinaryHoursNewAgreed'
  | 'note'
  | 'nextFollowUpDue'
>;

/**
 * Reads a follow-up entry: it happened (not in the future, at most a year ago); a change of
 * ordinary hours says to how many; the next follow-up is after it and no later than the cadence
 * allows (it defaults to the latest allowed date).
 */
export function readFollowUp(
  form: FormReader,
  today: string,
  placements: readonly PlacementDates[],
  settings: CadenceSettings,
): FollowUpInput {
  const date = form.date('date', { required: true, notAfter: today, notBefore: addDays(today, -366) }) ?? today;
  const contactType = form.choice('contactType', LOGGABLE_CONTACT_TYPES, { required: true }) ?? 'JOB_CONVERSATION';
  const mode = form.choice('mode', FOLLOW_UP_MODES, { required: true }) ?? 'IN_PERSON';
  const direction = form.choice('direction', DIRECTIONS, { required: true }) ?? 'CITIZEN_FACING';
  const topics = form.choices('topics', FOLLOW_UP_TOPICS);
  const outcome = form.choice('outcome', FOLLOW_UP_OUTCOMES, { required: true }) ?? 'CONTINUE';
  const hours = form.number('ordinaryHoursNewAgreed', { min: 0, max: 48 });
  if ((outcome === 'HOURS_INCREASED' || outcome === 'HOURS_DECREASED') && hours === undefined)
    throw new InvalidInputError('hours_required', {}, 'ordinaryHoursNewAgreed');
  const note = form.text('note', { max: 500 });
  const latest = latestNextDue(date, placements, settings);
  const next = form.date('nextFollowUpDue', { notBefore: addDays(today, -366) }) ?? latest;
  if (next <= date) throw new InvalidInputError('next_before_date', {}, 'nextFollowUpDue');
  if (next > latest)
    throw new InvalidInputError('next_after_cadence', { days: daysBetween(date, latest), latest }, 'nextFollowUpDue');
  return {
    date,
    contactType,
    mode,
    direction,
    topics,
    outcome,
    ordinaryHoursNewAgreed: hours,
    note,
    nextFollowUpDue: next,
  };
}

/** The form's suggestion for the next follow-up after a conversation today. */
export function suggestedNextDue(
  today: string,
  placements: readonly PlacementDates[],
  settings: CadenceSettings,
): { date: string; days: number; inPlacement: boolean } {
  const { intervalDays, inPlacement } = cadenceOn(today, placements, settings);
  return { date: latestNextDue(today, placements, settings), days: intervalDays, inPlacement };
}
