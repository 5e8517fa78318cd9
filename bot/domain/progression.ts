import { z } from 'zod';

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
