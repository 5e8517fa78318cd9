import { z } from 'zod';
import { IsoDateSchema, PlacementStatusSchema, PlacementTypeSchema, type PlacementType } from './case';
import { caseWorkFields } from './case-work-doc';

/** A placement (virksomhedsforløb mv., domain-research §5.3): all types count as company-based activity. */
export const PlacementDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('placement'),
  placementId: z.string(),
  placementType: PlacementTypeSchema,
  companyName: z.string().max(120).optional(),
  /** The company record (bot/features/company), when the placement is linked to one. */
  companyId: z.string().optional(),
  agreementId: z.string().optional(),
  startDate: IsoDateSchema,
  plannedEndDate: IsoDateSchema.optional(),
  actualEndDate: IsoDateSchema.optional(),
  status: PlacementStatusSchema,
});
export type PlacementDoc = z.infer<typeof PlacementDocSchema>;

export type PlacementDates = Pick<PlacementDoc, 'status' | 'startDate' | 'plannedEndDate' | 'actualEndDate'>;

/** Statuses that close a placement: they need an actual end date. */
export const ENDED_PLACEMENT_STATUSES = ['COMPLETED', 'INTERRUPTED', 'CONVERTED_TO_EMPLOYMENT'] as const;

/** Types where the citizen is in praktik: more than 37 hours a week cannot be approved (domain-research §2.6). */
export const PRAKTIK_TYPES: readonly PlacementType[] = ['COMPANY_INTERNSHIP', 'INTERNSHIP_PLUS_ORDINARY_HOURS'];
export const MAX_PRAKTIK_HOURS = 37;

/**
 * Company-based activity on `date` (digest convention §6.1): started, not merely planned, and not
 * yet ended (actual end, else planned end).
 */
export function isPlacementActiveOn(p: PlacementDates, date: string): boolean {
  if (p.status === 'PLANNED') return false;
  const end = p.actualEndDate ?? p.plannedEndDate;
  return p.startDate <= date && (end === undefined || date <= end);
}

/** Placements running on `date`, newest start first. */
export function activePlacementsOn<T extends PlacementDates>(placements: readonly T[], date: string): T[] {
  return placements
    .filter((p) => isPlacementActiveOn(p, date))
    .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
}
