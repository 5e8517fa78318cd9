import type { TenantSettings } from './tenant-settings';
import { addDays, daysBetween, minDate } from './calendar';
import { activePlacementsOn, type PlacementDates } from './placement';

/**
 * When the next follow-up is due (domain-research §2.9, metric M10): a conversation every 42 days
 * by default, every 14 days while a placement is active (both per municipality). The interval is
 * counted from the last cadence contact with the citizen (or the visitation, before the first one).
 * A jobformidler may plan the next follow-up earlier, never later: the cadence is the longest gap.
 */
export type CadenceSettings = Pick<
  TenantSettings,
  'cadenceDaysDefault' | 'cadenceDaysWarn' | 'cadenceDaysInPlacement' | 'cadenceDaysWarnInPlacement'
>;

export type FollowUpState = 'ok' | 'soon' | 'due' | 'overdue';

export interface FollowUpStatus {
  readonly state: FollowUpState;
  readonly dueDate: string;
  /** The date the interval counts from (last contact, else visitation). */
  readonly since: string;
  readonly intervalDays: number;
  readonly inPlacement: boolean;
  /** Positive when overdue, 0 on the due date, negative before it. */
  readonly daysPastDue: number;
}

export interface CadenceInput {
  readonly lastContactAt?: string | undefined;
  /** Where the interval starts before any contact: the visitation conversation or decision. */
  readonly baselineDate?: string | undefined;
  /** A next date planned in the follow-up log. */
  readonly plannedNextDue?: string | undefined;
  readonly placements: readonly PlacementDates[];
}

/** The longest gap allowed on `date`: the placement interval while a placement is active. */
export function cadenceOn(
  date: string,
  placements: readonly PlacementDates[],
  settings: CadenceSettings,
): { intervalDays: number; warnDays: number; inPlacement: boolean } {
  const inPlacement = activePlacementsOn(placements, date).length > 0;
  return inPlacement
    ? { intervalDays: settings.cadenceDaysInPlacement, warnDays: settings.cadenceDaysWarnInPlacement, inPlacement }
    : { intervalDays: settings.cadenceDaysDefault, warnDays: settings.cadenceDaysWarn, inPlacement };
}

/** The default (and latest allowed) next follow-up after a contact on `date`. */
export function latestNextDue(date: string, placements: readonly PlacementDates[], settings: CadenceSettings): string {
  return addDays(date, cadenceOn(date, placements, settings).intervalDays);
}

/** Follow-up status of a case on `today`; undefined when nothing to count from (no visitation, no contact). */
export function followUpStatus(
  input: CadenceInput,
  settings: CadenceSettings,
  today: string,
): FollowUpStatus | undefined {
  const since = input.lastContactAt ?? input.baselineDate;
  if (since === undefined) return undefined;
  const { intervalDays, warnDays, inPlacement } = cadenceOn(today, input.placements, settings);
  const byCadence = addDays(since, intervalDays);
  const planned = input.plannedNextDue !== undefined && input.plannedNextDue > since ? input.plannedNextDue : undefined;
  const dueDate = planned !== undefined ? minDate(planned, byCadence) : byCadence;
  const daysPastDue = daysBetween(dueDate, today);
  // The warn window has the same length before any due date: interval minus warn threshold.
  const warnFrom = addDays(dueDate, -(intervalDays - warnDays));
  const state: FollowUpState =
    daysPastDue > 0 ? 'overdue' : daysPastDue === 0 ? 'due' : today >= warnFrom ? 'soon' : 'ok';
  return { state, dueDate, since, intervalDays, inPlacement, daysPastDue };
}

/** States the daily nudge lists. */
export const needsNudge = (s: FollowUpStatus | undefined): boolean => s?.state === 'due' || s?.state === 'overdue';
/** States "Mine borgere" flags. */
export const needsAttention = (s: FollowUpStatus | undefined): boolean => s !== undefined && s.state !== 'ok';
