import { z } from 'zod';
import { addDays } from './calendar';
import type { CaseFacts } from './case-facts';
import type { TenantSettings } from './tenant-settings';

/**
 * The vocabulary of a progression measurement (domain-research §5.3 ProgressionMeasurement): when
 * in the course it was scored, and who took part in scoring it together.
 */
export const MEASUREMENT_CONTEXTS = ['BASELINE', 'ROUTINE_3M', 'PLACEMENT_START', 'PLACEMENT_END', 'CLOSURE'] as const;
export const MeasurementContextSchema = z.enum(MEASUREMENT_CONTEXTS);
export type MeasurementContext = z.infer<typeof MeasurementContextSchema>;

export const PARTICIPANTS = ['CITIZEN', 'JOBFORMIDLER', 'EMPLOYER'] as const;
export const ParticipantSchema = z.enum(PARTICIPANTS);
export type Participant = z.infer<typeof ParticipantSchema>;

export const MEASUREMENT_NOTE_MAX = 500;

/**
 * When the next measurement is due: the baseline at the start of group 1, then `progressionCadenceDays`
 * (default 92, "every 3 months") after the latest measurement — never before the current group-1
 * start, so a citizen who comes back to group 1 gets a new baseline. Undefined outside group 1.
 * The baseline is scored together with the citizen, so it is not due before the jobformidler can
 * meet them: when the first job conversation (held, else booked) is later than the group-1 start,
 * the baseline is due on that day.
 */
export function nextProgressionDue(
  measurements: readonly { readonly measuredAt: string }[],
  g1Start: string | undefined,
  settings: Pick<TenantSettings, 'progressionCadenceDays'>,
  firstMeeting?: string,
): string | undefined {
  if (g1Start === undefined) return undefined;
  const baseline = firstMeeting !== undefined && firstMeeting > g1Start ? firstMeeting : g1Start;
  const latest = measurements.reduce<string | undefined>(
    (max, m) => (max === undefined || m.measuredAt > max ? m.measuredAt : max),
    undefined,
  );
  if (latest === undefined) return baseline;
  const next = addDays(latest, settings.progressionCadenceDays);
  return next > g1Start ? next : baseline;
}

/** A completed measurement as the case-facts projection needs it. */
export interface CompletedMeasurement {
  readonly status: 'DRAFT' | 'COMPLETED';
  readonly measuredAt: string;
  readonly indicatorSetId: string;
  readonly indicatorSetVersion: number;
  readonly meanScore?: number | undefined;
  readonly context: string;
}

/**
 * The progression part of the case-facts projection (CaseFacts.progression and nextProgressionDue),
 * for the facts rebuild: completed measurements oldest first, and when the next one is due.
 */
export function progressionProjection(
  measurements: readonly CompletedMeasurement[],
  g1Start: string | undefined,
  settings: Pick<TenantSettings, 'progressionCadenceDays'>,
  firstMeeting?: string,
): Pick<CaseFacts, 'progression' | 'nextProgressionDue'> {
  const progression = measurements
    .filter((m) => m.status === 'COMPLETED' && m.meanScore !== undefined)
    .map((m) => ({
      measuredAt: m.measuredAt,
      setId: m.indicatorSetId,
      setVersion: m.indicatorSetVersion,
      meanScore: m.meanScore ?? 0,
      context: m.context,
    }))
    .sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0));
  const due = nextProgressionDue(progression, g1Start, settings, firstMeeting);
  return { progression, ...(due !== undefined ? { nextProgressionDue: due } : {}) };
}
