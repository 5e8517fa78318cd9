import { z } from 'zod';
import { CompanyContactKindSchema } from '../../../domain/company';
import { dayNumber } from '../calendar';
import type { CaseView } from './case-view';
import type { MetricContext } from './types';
import { type M15Result } from '../../../domain/digest-aggregates';

/**
 * What the digest reads of the company side (bot/features/company): each company contact and each
 * job opening as a date and who did it. No citizen is in it.
 */
export const CompanyActivitySchema = z.object({
  kind: z.enum(['contact', 'opening']),
  /** The contact's date, or the day the opening was obtained. */
  date: z.string(),
  staffId: z.string(),
  contactKind: CompanyContactKindSchema.optional(),
});
export type CompanyActivity = z.infer<typeof CompanyActivitySchema>;

const FOUR_WEEKS = 28;

// ---- M15 CITIZEN_VS_COMPANY_BALANCE ----

/** A staff member's contacts of the last 4 weeks (the leader's private view only). */
export interface StaffContacts {
  company: number;
  citizen: number;
}

/**
 * M15: the share of company-directed contacts ("gå på to ben", seed 000) over the last 4 weeks.
 * Citizen-directed contacts are the cases' own; company-directed ones are those logged on a
 * company plus company-facing contacts logged on a case directly (a company contact that also went
 * onto a case is counted once, on the company). Per staff member: company contacts by who had
 * them, case contacts by the case's jobformidler.
 */
export function m15Accumulator(ctx: MetricContext): {
  addCase(c: CaseView): void;
  addCompany(a: CompanyActivity): void;
  result(): M15Result;
  perStaff(): ReadonlyMap<string, StaffContacts>;
} {
  const t = dayNumber(ctx.asOf);
  const inWindow = (date: string): boolean => {
    const d = dayNumber(date);
    return d >= t - FOUR_WEEKS && d < t;
  };
  const r = { companyFacing: 0, all: 0 };
  const staff = new Map<string, StaffContacts>();
  const entry = (id: string): StaffContacts => {
    const e = staff.get(id) ?? { company: 0, citizen: 0 };
    staff.set(id, e);
    return e;
  };
  return {
    addCase(c) {
      const owner = c.facts.assignedJobformidlerId;
      for (const k of c.facts.contacts) {
        if (!k.completed || k.companyContactId !== undefined || !inWindow(k.date)) continue;
        r.all++;
        const company = k.direction === 'COMPANY_FACING';
        if (company) r.companyFacing++;
        if (owner !== undefined) entry(owner)[company ? 'company' : 'citizen']++;
      }
    },
    addCompany(a) {
      if (a.kind !== 'contact' || !inWindow(a.date)) return;
      r.all++;
      r.companyFacing++;
      entry(a.staffId).company++;
    },
    result: () => ({ ...r }),
    perStaff: () => staff,
  };
}
