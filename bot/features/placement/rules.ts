import { PLACEMENT_STATUSES, PLACEMENT_TYPES, type PlacementStatus, type PlacementType } from '../../domain/case';
import { addDays } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { ENDED_PLACEMENT_STATUSES } from '../../domain/placement';
import type { FormReader } from '../case-work/form-reader';

export interface PlacementInput {
  readonly placementType: PlacementType;
  readonly companyName?: string | undefined;
  readonly startDate: string;
  readonly plannedEndDate?: string | undefined;
  readonly actualEndDate?: string | undefined;
  readonly status: PlacementStatus;
}

const isEnded = (s: PlacementStatus): boolean => (ENDED_PLACEMENT_STATUSES as readonly string[]).includes(s);

/**
 * Reads the placement form: real dates in order; a placement is active only from its start; an
 * ended one has an actual end (not in the future), and only an ended one has it.
 */
export function readPlacement(form: FormReader, today: string): PlacementInput {
  const placementType = form.choice('placementType', PLACEMENT_TYPES, { required: true }) ?? 'COMPANY_INTERNSHIP';
  const companyName = form.text('companyName', { max: 120 });
  const window = { notBefore: addDays(today, -2 * 366) };
  const startDate = form.date('startDate', { required: true, ...window, notAfter: addDays(today, 366) }) ?? today;
  const plannedEndDate = form.date('plannedEndDate', { notAfter: addDays(startDate, 3 * 366) });
  form.order('startDate', startDate, 'plannedEndDate', plannedEndDate);
  const status = form.choice('status', PLACEMENT_STATUSES, { required: true }) ?? 'PLANNED';
  const rawEnd = form.raw('actualEndDate');
  const actualEndDate = form.date('actualEndDate', { ...window });
  if (actualEndDate !== undefined && actualEndDate > today)
    throw new InvalidInputError('end_in_future', {}, 'actualEndDate');
  form.order('startDate', startDate, 'actualEndDate', actualEndDate);
  if (status !== 'PLANNED' && startDate > today) throw new InvalidInputError('active_before_start', {}, 'status');
  if (isEnded(status) && actualEndDate === undefined) throw new InvalidInputError('end_required', {}, 'actualEndDate');
  if (!isEnded(status) && rawEnd !== '') throw new InvalidInputError('end_only_when_ended', {}, 'actualEndDate');
  return { placementType, companyName, startDate, plannedEndDate, actualEndDate, status };
}
