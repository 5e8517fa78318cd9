import {
  DigestAggregatesSchema,
  TrendPointSchema,
  type DigestAggregates,
  type TrendPoint,
} from '../../../domain/digest-aggregates';
import type { CaseFacts, SensitiveFacts } from '../../../domain/case-facts';
import { addIsoWeeks, digestWeekFor } from '../calendar';
import { caseView, type CaseView } from './case-view';
import {
  caseloadAccumulator,
  m10Accumulator,
  m11FromCaseloads,
  m12Accumulator,
  m14Accumulator,
  m16Accumulator,
  m18Accumulator,
  m9Accumulator,
} from './flow';
import { m19Accumulator, m22Accumulator } from './quality';
import { m1Accumulator, m2Accumulator, m3Accumulator, m4Accumulator, m5Accumulator, m6Accumulator } from './results';
import type { MetricContext } from './types';
import { m15Accumulator, type CompanyActivity } from './company-activity';
import {
  m13Accumulator,
  m17Accumulator,
  m20Accumulator,
  m23Accumulator,
  m7Accumulator,
  m8Accumulator,
} from './follow-through';

/** The stored shapes live in bot/domain/digest-aggregates.ts (the store validates snapshots with them). */
export { DigestAggregatesSchema, TrendPointSchema, type DigestAggregates, type TrendPoint };

/** A jobformidler's workload: staff data, shown only 1:1 to a leader (never in a channel). */
export interface Workload {
  readonly userId: string;
  readonly caseload: number;
  readonly overdue: number;
  readonly jobConversationsLastWeek: number;
  /** Contacts of the last 4 weeks, company- and citizen-directed (M15 per staff member). */
  readonly companyContacts: number;
  readonly citizenContacts: number;
}

export interface DigestComputation {
  readonly aggregates: DigestAggregates;
  /** M1 recomputed from today's facts for the 11 weeks before, oldest first (used where no snapshot exists). */
  readonly m1History: readonly TrendPoint[];
  readonly workload: readonly Workload[];
}

export const TREND_WEEKS = 12;

/**
 * All metrics of one digest in one pass: every case's facts are turned into a view once and handed
 * to each accumulator, then the sensitive facts (screenings, HKO) of the same cases. Memory grows
 * with the number of cases only through a few numbers per case, never with their history.
 */
export function createDigestAccumulator(ctx: MetricContext & { readonly isoWeek: string }) {
  const m1 = m1Accumulator(ctx.asOf);
  const history = Array.from({ length: TREND_WEEKS - 1 }, (_, i) => {
    const week = digestWeekFor(addIsoWeeks(ctx.isoWeek, i - (TREND_WEEKS - 1)));
    return { isoWeek: week.isoWeek, acc: m1Accumulator(week.asOf) };
  });
  const m2 = m2Accumulator(ctx);
  const m3 = m3Accumulator(ctx);
  const m4 = m4Accumulator(ctx);
  const m5 = m5Accumulator(ctx);
  const m6 = m6Accumulator(ctx);
  const m9 = m9Accumulator(ctx);
  const staff = new Map<string, { overdue: number; jobConversationsLastWeek: number }>();
  const staffEntry = (c: CaseView) => {
    const j = c.facts.assignedJobformidlerId;
    if (j === undefined) return undefined;
    const entry = staff.get(j) ?? { overdue: 0, jobConversationsLastWeek: 0 };
    staff.set(j, entry);
    return entry;
  };
  const m10 = m10Accumulator(ctx, (c, state) => {
    const entry = staffEntry(c);
    if (entry !== undefined && state === 'overdue') entry.overdue++;
  });
  const caseloads = caseloadAccumulator(ctx);
  const m12 = m12Accumulator(ctx, (c, lastWeek) => {
    const entry = staffEntry(c);
    if (entry !== undefined) entry.jobConversationsLastWeek += lastWeek;
  });
  const m14 = m14Accumulator(ctx);
  const m15 = m15Accumulator(ctx);
  const m16 = m16Accumulator(ctx);
  const m18 = m18Accumulator(ctx);
  const m19 = m19Accumulator(ctx);
  const m22 = m22Accumulator(ctx);
  const m7 = m7Accumulator(ctx);
  const m8 = m8Accumulator(ctx);
  const m13 = m13Accumulator(ctx);
  const m17 = m17Accumulator(ctx);
  const m20 = m20Accumulator(ctx);
  const m23 = m23Accumulator(ctx);
  const caseAccumulators = [
    m7,
    m8,
    m13,
    m17,
    m20,
    m1,
    ...history.map((h) => h.acc),
    m2,
    m3,
    m4,
    m5,
    m6,
    m9,
    m10,
    caseloads,
    m12,
    m14,
    m19,
    m22,
  ];
  let cases = 0;

  return {
    addCase(facts: CaseFacts): void {
      cases++;
      const view = caseView(facts);
      for (const acc of caseAccumulators) acc.add(view);
      m15.addCase(view);
      m16.addCase(view);
      m23.addCase(view);
    },
    /** A company contact or job opening (the company side holds no case, so it comes on its own). */
    addCompanyActivity(activity: CompanyActivity): void {
      m14.addCompany(activity);
      m15.addCompany(activity);
    },
    addSensitive(facts: SensitiveFacts): void {
      m16.addSensitive(facts);
      m18.add(facts);
      m23.addSensitive(facts);
    },
    result(): DigestComputation {
      const loads = caseloads.result();
      const contacts = m15.perStaff();
      const workload = [...new Set([...loads.keys(), ...staff.keys(), ...contacts.keys()])].sort().map((userId) => ({
        userId,
        caseload: loads.get(userId) ?? 0,
        overdue: staff.get(userId)?.overdue ?? 0,
        jobConversationsLastWeek: staff.get(userId)?.jobConversationsLastWeek ?? 0,
        companyContacts: contacts.get(userId)?.company ?? 0,
        citizenContacts: contacts.get(userId)?.citizen ?? 0,
      }));
      return {
        aggregates: {
          isoWeek: ctx.isoWeek,
          asOf: ctx.asOf,
          cases,
          m1: m1.result(),
          m2: m2.result(),
          m3: m3.result(),
          m4: m4.result(),
          m5: m5.result(),
          m6: m6.result(),
          m9: m9.result(),
          m10: m10.result(),
          m11: m11FromCaseloads(loads, ctx),
          m12: m12.result(),
          m14: m14.result(),
          m15: m15.result(),
          m16: m16.result(),
          m18: m18.result(),
          m19: m19.result(),
          m22: m22.result(),
          m7: m7.result(),
          m8: m8.result(),
          m13: m13.result(),
          m17: m17.result(),
          m20: m20.result(),
          m23: m23.result(),
        },
        m1History: history.map((h): TrendPoint => ({ isoWeek: h.isoWeek, share: h.acc.result().share })),
        workload,
      };
    },
  };
}

/** Convenience for tests and the benchmark: every metric over in-memory facts. */
export function computeDigest(
  ctx: MetricContext & { readonly isoWeek: string },
  cases: Iterable<CaseFacts>,
  sensitive: Iterable<SensitiveFacts> = [],
  companyActivity: Iterable<CompanyActivity> = [],
): DigestComputation {
  const acc = createDigestAccumulator(ctx);
  for (const c of cases) acc.addCase(c);
  for (const s of sensitive) acc.addSensitive(s);
  for (const a of companyActivity) acc.addCompanyActivity(a);
  return acc.result();
}
