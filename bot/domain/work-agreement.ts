import { z } from 'zod';
import { IsoDateSchema, PlacementTypeSchema } from './case';
import { caseWorkFields } from './case-work-doc';

/**
 * The work agreement (arbejdsaftale) as a checklist: the 19 items of domain-research §2.6. The six
 * critical items come from the fidelity item "klare aftaler om opgaver, arbejdstid, delmål og
 * ordinære timer" (seed 001); an agreement is complete when all six are agreed (an ordinary-hours
 * item may instead be "not relevant" with a reason).
 */
export type ChecklistValueKind = 'text' | 'hours' | 'yes';

export const CHECKLIST_ITEMS = [
  { key: 'TASKS', critical: true, kind: 'text' },
  { key: 'WORKING_HOURS', critical: true, kind: 'hours' },
  { key: 'WEEKLY_SCHEDULE', critical: false, kind: 'text' },
  { key: 'ORDINARY_HOURS_FROM_START', critical: true, kind: 'hours' },
  { key: 'ORDINARY_HOURS_PLAN', critical: true, kind: 'text' },
  { key: 'WAGE_TERMS', critical: false, kind: 'text' },
  { key: 'MILESTONES', critical: true, kind: 'text' },
  { key: 'FOLLOW_UP_PLAN', critical: true, kind: 'text' },
  { key: 'COMPANY_CONTACT', critical: false, kind: 'text' },
  { key: 'MENTOR', critical: false, kind: 'text' },
  { key: 'ACCOMMODATIONS', critical: false, kind: 'text' },
  { key: 'HKO_NEEDS', critical: false, kind: 'text' },
  { key: 'DISCLOSURE', critical: false, kind: 'text' },
  { key: 'START_AND_DURATION', critical: false, kind: 'text' },
  { key: 'ABSENCE_PROCEDURE', critical: false, kind: 'text' },
  { key: 'PAYSLIP_TO_BENEFITS', critical: false, kind: 'yes' },
  { key: 'TAX_CARD', critical: false, kind: 'yes' },
  { key: 'PRACTICALITIES', critical: false, kind: 'text' },
  { key: 'RATIO_CHECK', critical: false, kind: 'yes' },
] as const satisfies readonly { key: string; critical: boolean; kind: ChecklistValueKind }[];

export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];
export const CHECKLIST_KEYS = CHECKLIST_ITEMS.map((i) => i.key) as ChecklistKey[];
export const CRITICAL_KEYS = CHECKLIST_ITEMS.filter((i) => i.critical).map((i) => i.key) as ChecklistKey[];
export const ChecklistKeySchema = z.enum(CHECKLIST_KEYS as [ChecklistKey, ...ChecklistKey[]]);

/** Items that may be "not relevant" and still count as complete (with a reason): ordinary hours. */
export const NOT_RELEVANT_WITH_REASON: readonly ChecklistKey[] = ['ORDINARY_HOURS_FROM_START', 'ORDINARY_HOURS_PLAN'];

export const CHECKLIST_STATUSES = ['NOT_DISCUSSED', 'AGREED', 'NOT_RELEVANT'] as const;
export const ChecklistStatusSchema = z.enum(CHECKLIST_STATUSES);
export type ChecklistStatus = z.infer<typeof ChecklistStatusSchema>;

/** Longest value of one item: the card with all 19 items filled must stay under Teams' 28 KB. */
export const CHECKLIST_VALUE_MAX = 250;

export const ChecklistEntrySchema = z.object({
  key: ChecklistKeySchema,
  status: ChecklistStatusSchema,
  value: z.string().max(CHECKLIST_VALUE_MAX).optional(),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntrySchema>;

export const AGREEMENT_STATUSES = ['DRAFT', 'AGREED', 'SIGNED', 'REVISED', 'ENDED'] as const;
export const AgreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;

export const CompanySchema = z.object({
  cvr: z.string().regex(/^\d{8}$/),
  name: z.string().min(1).max(120),
  contactName: z.string().min(1).max(120),
});
export type Company = z.infer<typeof CompanySchema>;

/** One revision: when, by whom, and each field that changed (values shortened). */
export const RevisionSchema = z.object({
  /** The version this revision produced (the agreement starts at version 1). */
  version: z.number().int().min(2),
  at: z.string(),
  by: z.string(),
  changes: z.array(z.object({ key: z.string(), from: z.string().max(120), to: z.string().max(120) })),
  reason: z.string().max(300).optional(),
});
export type Revision = z.infer<typeof RevisionSchema>;

/** Revisions kept per agreement; older ones drop off so the document stays small. */
export const MAX_REVISIONS = 30;

export const AgreementDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('work_agreement'),
  agreementId: z.string(),
  placementType: PlacementTypeSchema,
  company: CompanySchema,
  /** The company record of this CVR (bot/features/company); absent on agreements not linked yet. */
  companyId: z.string().optional(),
  status: AgreementStatusSchema,
  /** Counts saves; a card carries the version it shows, so a conflict can tell the user's own changes apart. */
  version: z.number().int().min(1),
  checklist: z.array(ChecklistEntrySchema).length(CHECKLIST_ITEMS.length),
  agreedAt: IsoDateSchema.optional(),
  signedAt: IsoDateSchema.optional(),
  revisions: z.array(RevisionSchema).max(MAX_REVISIONS),
});
export type AgreementDoc = z.infer<typeof AgreementDocSchema>;

export const emptyChecklist = (): ChecklistEntry[] =>
  CHECKLIST_KEYS.map((key) => ({ key, status: 'NOT_DISCUSSED' as const }));

export const entryOf = (checklist: readonly ChecklistEntry[], key: ChecklistKey): ChecklistEntry =>
  checklist.find((e) => e.key === key) ?? { key, status: 'NOT_DISCUSSED' };

/** Parses an hours value as stored ("7,5" or "7.5"); undefined when it is not a number. */
export function hoursValue(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

const isSettled = (e: ChecklistEntry): boolean =>
  e.status === 'AGREED' ||
  (e.status === 'NOT_RELEVANT' && NOT_RELEVANT_WITH_REASON.includes(e.key) && (e.value ?? '').trim().length > 0);

export interface Completeness {
  readonly criticalSettled: number;
  readonly criticalTotal: number;
  readonly discussed: number;
  readonly total: number;
  readonly complete: boolean;
  readonly missingCritical: ChecklistKey[];
}

/** The completeness indicator (M3): critical items settled, and items discussed at all. */
export function completeness(checklist: readonly ChecklistEntry[]): Completeness {
  const missingCritical = CRITICAL_KEYS.filter((k) => !isSettled(entryOf(checklist, k)));
  return {
    criticalSettled: CRITICAL_KEYS.length - missingCritical.length,
    criticalTotal: CRITICAL_KEYS.length,
    discussed: CHECKLIST_KEYS.filter((k) => entryOf(checklist, k).status !== 'NOT_DISCUSSED').length,
    total: CHECKLIST_KEYS.length,
    complete: missingCritical.length === 0,
    missingCritical,
  };
}

/** Ordinary paid hours a week agreed from the start (0 when none were agreed) (M2). */
export function ordinaryHoursAtStart(checklist: readonly ChecklistEntry[]): number {
  const e = entryOf(checklist, 'ORDINARY_HOURS_FROM_START');
  return e.status === 'AGREED' ? (hoursValue(e.value) ?? 0) : 0;
}

export const ordinaryHoursFromStart = (checklist: readonly ChecklistEntry[]): boolean =>
  ordinaryHoursAtStart(checklist) > 0;

export function totalHoursAtStart(checklist: readonly ChecklistEntry[]): number | undefined {
  const e = entryOf(checklist, 'WORKING_HOURS');
  return e.status === 'AGREED' ? hoursValue(e.value) : undefined;
}

export const hkoNeedsDiscussed = (checklist: readonly ChecklistEntry[]): boolean =>
  entryOf(checklist, 'HKO_NEEDS').status !== 'NOT_DISCUSSED';

/**
 * The status an agreement has after a save: a new signature makes it signed; a change to an agreed
 * agreement makes it revised (justeret); otherwise the dates decide.
 */
export function agreementStatusAfterSave(input: {
  previous: AgreementStatus;
  agreedAt?: string | undefined;
  signedAt?: string | undefined;
  signedAtChanged: boolean;
  contentChanged: boolean;
}): AgreementStatus {
  if (input.previous === 'ENDED') return 'ENDED';
  if (input.signedAt !== undefined && input.signedAtChanged) return 'SIGNED';
  if (input.previous !== 'DRAFT' && (input.contentChanged || input.previous === 'REVISED')) return 'REVISED';
  if (input.signedAt !== undefined) return 'SIGNED';
  if (input.agreedAt !== undefined) return 'AGREED';
  return 'DRAFT';
}

/** The agreement the case card shows: the newest one that has not ended. */
export function currentAgreement<T extends Pick<AgreementDoc, 'status' | 'createdAt'>>(
  agreements: readonly T[],
): T | undefined {
  return [...agreements].filter((a) => a.status !== 'ENDED').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
}
