import { K_SUPPRESSION_FLOOR, TenantSettingsSchema, type TenantSettings } from '../../domain/tenant-settings';

/**
 * The editable thresholds as form fields: how each maps to TenantSettings and its allowed range.
 * Pure, so the card and the save handler agree on names and bounds.
 */
export const SETTINGS_FIELDS = [
  {
    key: 'g1CompanyShareTarget',
    min: 1,
    max: 100,
    read: (s: TenantSettings) => Math.round(s.g1CompanyShareTarget * 100),
  },
  { key: 'ordinaryHoursTarget', min: 1, max: 37, read: (s: TenantSettings) => s.ordinaryHoursTarget },
  { key: 'cadenceDaysDefault', min: 7, max: 180, read: (s: TenantSettings) => s.cadenceDaysDefault },
  { key: 'cadenceDaysInPlacement', min: 3, max: 60, read: (s: TenantSettings) => s.cadenceDaysInPlacement },
  { key: 'caseloadLow', min: 1, max: 200, read: (s: TenantSettings) => s.caseloadBand[0] },
  { key: 'caseloadHigh', min: 1, max: 200, read: (s: TenantSettings) => s.caseloadBand[1] },
  { key: 'hkoFastTrackDays', min: 1, max: 90, read: (s: TenantSettings) => s.hkoFastTrackDays },
  { key: 'kSuppression', min: K_SUPPRESSION_FLOOR, max: 20, read: (s: TenantSettings) => s.kSuppression },
  { key: 'progressionCadenceDays', min: 14, max: 366, read: (s: TenantSettings) => s.progressionCadenceDays },
  { key: 'retentionDaysAfterClosure', min: 1, max: 3650, read: (s: TenantSettings) => s.retentionDaysAfterClosure },
  { key: 'auditRetentionDays', min: 183, max: 3650, read: (s: TenantSettings) => s.auditRetentionDays },
  {
    key: 'companyShareLow',
    min: 0,
    max: 100,
    read: (s: TenantSettings) => Math.round(s.companyContactShareBand[0] * 100),
  },
  {
    key: 'companyShareHigh',
    min: 0,
    max: 100,
    read: (s: TenantSettings) => Math.round(s.companyContactShareBand[1] * 100),
  },
  { key: 'aftercareMonths', min: 0, max: 24, read: (s: TenantSettings) => s.aftercareMonths },
  // The year's planned visitations per group (M17); all three 0 means no plan. Saved for the current year.
  {
    key: 'visitationPlanG1',
    min: 0,
    max: 100000,
    read: (s: TenantSettings) => s.visitationPlan?.G1_INTERVENTION ?? 0,
  },
  {
    key: 'visitationPlanG2',
    min: 0,
    max: 100000,
    read: (s: TenantSettings) => s.visitationPlan?.G2_REHABILITATION ?? 0,
  },
  {
    key: 'visitationPlanG3',
    min: 0,
    max: 100000,
    read: (s: TenantSettings) => s.visitationPlan?.G3_NOT_EMPLOYMENT_READY ?? 0,
  },
] as const;

export type SettingsFieldKey = (typeof SETTINGS_FIELDS)[number]['key'];

export type SettingsFormResult =
  | { readonly ok: true; readonly settings: TenantSettings }
  | {
      readonly ok: false;
      readonly field: SettingsFieldKey | 'caseloadBand' | 'companyShareBand';
      readonly min?: number;
      readonly max?: number;
    };

/** Applies submitted form values (strings from Input.Number) to the current settings; the first bad field is named. */
export function applySettingsForm(
  current: TenantSettings,
  values: Readonly<Record<string, unknown>>,
  /** The calendar year a visitation plan typed now is for (the municipality's current year). */
  planYear: number = current.visitationPlan?.year ?? new Date().getUTCFullYear(),
): SettingsFormResult {
  const numbers: Partial<Record<SettingsFieldKey, number>> = {};
  for (const field of SETTINGS_FIELDS) {
    const raw = values[field.key];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < field.min || n > field.max)
      return { ok: false, field: field.key, min: field.min, max: field.max };
    numbers[field.key] = n;
  }
  const low = numbers.caseloadLow ?? current.caseloadBand[0];
  const high = numbers.caseloadHigh ?? current.caseloadBand[1];
  if (low >= high) return { ok: false, field: 'caseloadBand' };
  const shareLow = numbers.companyShareLow ?? Math.round(current.companyContactShareBand[0] * 100);
  const shareHigh = numbers.companyShareHigh ?? Math.round(current.companyContactShareBand[1] * 100);
  if (shareLow >= shareHigh) return { ok: false, field: 'companyShareBand' };
  const plan = {
    G1_INTERVENTION: numbers.visitationPlanG1 ?? 0,
    G2_REHABILITATION: numbers.visitationPlanG2 ?? 0,
    G3_NOT_EMPLOYMENT_READY: numbers.visitationPlanG3 ?? 0,
  };
  const { visitationPlan: _previousPlan, ...rest } = current;
  const next = TenantSettingsSchema.parse({
    ...rest,
    aftercareMonths: numbers.aftercareMonths,
    ...(plan.G1_INTERVENTION + plan.G2_REHABILITATION + plan.G3_NOT_EMPLOYMENT_READY > 0
      ? { visitationPlan: { year: planYear, ...plan } }
      : {}),
    g1CompanyShareTarget: (numbers.g1CompanyShareTarget ?? 40) / 100,
    ordinaryHoursTarget: numbers.ordinaryHoursTarget,
    cadenceDaysDefault: numbers.cadenceDaysDefault,
    cadenceDaysInPlacement: numbers.cadenceDaysInPlacement,
    caseloadBand: [low, high],
    hkoFastTrackDays: numbers.hkoFastTrackDays,
    kSuppression: numbers.kSuppression,
    progressionCadenceDays: numbers.progressionCadenceDays,
    retentionDaysAfterClosure: numbers.retentionDaysAfterClosure,
    auditRetentionDays: numbers.auditRetentionDays,
    companyContactShareBand: [shareLow / 100, shareHigh / 100],
  });
  return { ok: true, settings: next };
}
