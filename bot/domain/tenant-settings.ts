import { z } from 'zod';

/**
 * The smallest number a channel may show (Danmarks Statistik's discretion rule, PRODUCT.md §4). A
 * municipality may raise it, never lower it; an older stored value below it is read as the floor.
 */
export const K_SUPPRESSION_FLOOR = 5;

/**
 * A municipality's thresholds. Defaults are the model's headline numbers (PRODUCT.md §1,
 * domain-research §5.3 Tenant.thresholds); an admin may change them per municipality.
 */
export const TenantSettingsSchema = z.object({
  g1CompanyShareTarget: z.number().min(0).max(1).default(0.4),
  ordinaryHoursTarget: z.number().min(1).max(37).default(30),
  cadenceDaysDefault: z.number().int().min(1).max(365).default(42),
  cadenceDaysWarn: z.number().int().min(1).max(365).default(28),
  cadenceDaysInPlacement: z.number().int().min(1).max(90).default(14),
  cadenceDaysWarnInPlacement: z.number().int().min(1).max(90).default(10),
  caseloadBand: z.tuple([z.number().int().min(1), z.number().int().min(1)]).default([30, 40]),
  hkoFastTrackDays: z.number().int().min(1).max(90).default(7),
  kSuppression: z
    .number()
    .int()
    .max(20)
    .default(K_SUPPRESSION_FLOOR)
    .transform((k) => Math.max(k, K_SUPPRESSION_FLOOR)),
  progressionCadenceDays: z.number().int().min(14).max(366).default(92),
  /**
   * M15: the share of company-directed contacts the model aims for ("gå på to ben", seed 000). The
   * default band is domain-research's proposal.
   */
  companyContactShareBand: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.3, 0.5]),
  retentionDaysAfterClosure: z.number().int().min(1).max(3650).default(365),
  auditRetentionDays: z.number().int().min(183).max(3650).default(183),
  /** Months a case closed for employment stays open for aftercare contacts (efterværn, seed 000). */
  aftercareMonths: z.number().int().min(0).max(24).default(6),
  /**
   * The municipality's planned visitations for one calendar year, per group (M17, FSM success
   * criterion 1: "at kommunen fik visiteret borgerne som planlagt"). Absent: no plan set.
   */
  visitationPlan: z
    .object({
      year: z.number().int().min(2000).max(2100),
      G1_INTERVENTION: z.number().int().min(0).max(100000),
      G2_REHABILITATION: z.number().int().min(0).max(100000),
      G3_NOT_EMPLOYMENT_READY: z.number().int().min(0).max(100000),
    })
    .optional(),
  timeZone: z.string().default('Europe/Copenhagen'),
});

export type TenantSettings = z.output<typeof TenantSettingsSchema>;

export const defaultTenantSettings = (): TenantSettings => TenantSettingsSchema.parse({});
