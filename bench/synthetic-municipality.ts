import { caseDocId, type PlacementType } from '../bot/domain/case';
import type { CaseFacts, SensitiveFacts } from '../bot/domain/case-facts';
import { dayNumber, isoDateOf, isoWeekOfDay } from '../bot/features/digest/calendar';
import {
  COMPANY_CONTACT_KINDS,
  companyContactDocId,
  openingDocId,
  type CompanyContactDoc,
  type JobOpeningDoc,
} from '../bot/domain/company';

/**
 * A synthetic municipality for benchmarks: `n` case-facts projections with a year of history each
 * (52 registered weeks in placements, half a year of contacts, agreements, progression) and their
 * sensitive facts. Deterministic (seeded PRNG), so runs are comparable. No real person in it.
 */
export const BENCH_TENANT = 'bench-0000-4000-8000-000000000000';
export const BENCH_AS_OF = '2025-04-07';
export const BENCH_WEEK = '2025-W15';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACEMENT_TYPES: readonly PlacementType[] = [
  'COMPANY_INTERNSHIP',
  'COMPANY_INTERNSHIP',
  'WAGE_SUBSIDY_PRIVATE',
  'WAGE_SUBSIDY_PUBLIC',
  'ORDINARY_PAID_HOURS',
  'ORDINARY_PAID_HOURS',
  'INTERNSHIP_PLUS_ORDINARY_HOURS',
  'FLEXJOB',
  'ORDINARY_EMPLOYMENT',
];
const CONTACT_TYPES = [
  'JOB_CONVERSATION',
  'JOB_CONVERSATION',
  'PHONE',
  'TRIPARTITE',
  'WORKPLACE_FOLLOW_UP',
  'MESSAGE',
  'AD_HOC_INBOUND',
  'COMPANY_OUTREACH_VISIT',
  'JOB_OPENING',
  'AFTERCARE',
] as const;
const CRITICAL = ['TASKS', 'WORKING_HOURS', 'ORDINARY_HOURS_PLAN', 'MILESTONES', 'FOLLOW_UP_PLAN'];

/**
 * Group 2 and 3 follow-through, moves and aftercare (issue 15), drawn from a second stream so the rest
 * of a municipality stays what it was for the same seed: a group 2 case has an owner, its meeting and
 * (3 in 4) a recommendation, and is closed to it half the time; group 3 is closed at the decision; a
 * group 1 case closed for a job had aftercare contacts.
 */
function followThrough(facts: CaseFacts, rnd: () => number, t: number, caseworkers: number): Partial<CaseFacts> {
  const v = facts.visitations[0];
  if (v === undefined) return {};
  const from = dayNumber(v.effectiveFrom);
  if (v.group === 'G3_NOT_EMPLOYMENT_READY')
    return { status: 'CLOSED', closure: { date: v.effectiveFrom, reason: 'REFERRED_TO_OTHER_SERVICES' } };
  if (v.group === 'G2_REHABILITATION') {
    const meeting = from + 21 + Math.floor(rnd() * 50);
    const recommended = rnd() < 0.75 && meeting + 21 < t ? meeting + 7 + Math.floor(rnd() * 14) : undefined;
    const recommendation = (['RESOURCE_COURSE', 'FLEXJOB', 'DISABILITY_PENSION', 'JOB_CLARIFICATION_COURSE'] as const)[
      Math.floor(rnd() * 4)
    ]!;
    const closed = recommended !== undefined && recommended + 28 < t && rnd() < 0.5 ? recommended + 28 : undefined;
    return {
      caseworkerId: `caseworker-${Math.floor(rnd() * caseworkers)}`,
      assignedJobformidlerId: undefined,
      rehab: {
        meetingAt: isoDateOf(meeting),
        ...(meeting < t ? { meetingHeldAt: isoDateOf(meeting) } : {}),
        ...(recommended !== undefined ? { recommendation, recommendedAt: isoDateOf(recommended) } : {}),
      },
      ...(closed !== undefined
        ? { status: 'CLOSED' as const, closure: { date: isoDateOf(closed), reason: recommendation } }
        : {}),
    };
  }
  if (facts.closure?.reason === 'EMPLOYED_SELF_SUPPORTING') {
    const closedOn = dayNumber(facts.closure.date);
    const aftercare = [closedOn + 21, closedOn + 60, closedOn + 120].filter(
      (d) => d < t && d >= t - 183 && rnd() < 0.7,
    );
    return {
      aftercareUntil: isoDateOf(closedOn + 182),
      contacts: [
        ...facts.contacts.filter((k) => dayNumber(k.date) <= closedOn),
        ...aftercare.map((d) => ({
          date: isoDateOf(d),
          type: 'AFTERCARE' as const,
          completed: true,
          direction: 'CITIZEN_FACING' as const,
        })),
      ],
    };
  }
  return {};
}

export function* syntheticCases(n: number, seed = 42): Generator<{ facts: CaseFacts; sensitive: SensitiveFacts }> {
  const rnd = prng(seed);
  const rndFollow = prng(seed + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const t = dayNumber(BENCH_AS_OF);
  const jobformidlere = Math.max(1, Math.round(n / 35));
  for (let i = 0; i < n; i++) {
    const caseRef = `BENCH-${String(i).padStart(6, '0')}`;
    const inG1 = rnd() < 0.8;
    const from = t - 7 - Math.floor(rnd() * 530);
    const ended = inG1 && rnd() < 0.15 ? from + 30 + Math.floor(rnd() * Math.max(1, t - from - 30)) : undefined;
    const closed = ended !== undefined && rnd() < 0.5;

    const placements: CaseFacts['placements'] = [];
    const weeks: CaseFacts['weeks'] = [];
    const agreements: CaseFacts['agreements'] = [];
    if (inG1) {
      let start = Math.max(from + 7, t - 364) + Math.floor(rnd() * 60);
      for (let p = 0; p < 3 && start < t; p++) {
        const length = 28 + Math.floor(rnd() * 150);
        const end = start + length;
        const type = pick(PLACEMENT_TYPES);
        const placementId = `${caseRef}-p${p}`;
        const running = end >= t;
        placements.push({
          placementId,
          type,
          status:
            rnd() < 0.05
              ? 'PLANNED'
              : running
                ? 'ACTIVE'
                : pick(['COMPLETED', 'INTERRUPTED', 'CONVERTED_TO_EMPLOYMENT']),
          startDate: isoDateOf(start),
          plannedEndDate: isoDateOf(end),
          ...(running ? {} : { actualEndDate: isoDateOf(end) }),
          firstWeeksOrdinaryMean: Math.round(rnd() * 8),
        });
        let hours = Math.floor(rnd() * 8);
        for (let d = start; d < Math.min(end, t); d += 7) {
          hours = Math.min(37, hours + (rnd() < 0.4 ? 2 : 0));
          weeks.push({
            isoWeek: isoWeekOfDay(d),
            placementId,
            ordinaryHours: hours,
            practiceHours: Math.max(0, 30 - hours),
          });
        }
        const complete = rnd() < 0.7;
        agreements.push({
          agreementId: `${placementId}-a`,
          placementType: type,
          agreedAt: isoDateOf(start - 7),
          signedAt: isoDateOf(start - 3),
          ordinaryHoursFromStart: rnd() < 0.6,
          ordinaryHoursAtStart: Math.floor(rnd() * 10),
          complete,
          missingCritical: complete ? [] : [pick(CRITICAL)],
          hkoNeedsDiscussed: rnd() < 0.5,
        });
        start = end + 14 + Math.floor(rnd() * 40);
      }
    }
    // Keep the projection's window: the last 52 ISO weeks.
    const recentWeeks = weeks.filter((w) => w.isoWeek >= isoWeekOfDay(t - 364)).slice(-52);

    const contacts: CaseFacts['contacts'] = [];
    for (let d = t - 183 + Math.floor(rnd() * 14); d < t; d += 10 + Math.floor(rnd() * 20)) {
      const type = pick(CONTACT_TYPES);
      contacts.push({
        date: isoDateOf(d),
        type,
        completed: rnd() < 0.9,
        direction: type === 'COMPANY_OUTREACH_VISIT' || type === 'JOB_OPENING' ? 'COMPANY_FACING' : 'CITIZEN_FACING',
      });
    }

    const progression: CaseFacts['progression'] = [];
    if (inG1 && rnd() < 0.6)
      for (let d = Math.max(from, t - 364), k = 0; d < t; d += 92, k++)
        progression.push({
          measuredAt: isoDateOf(d),
          setId: 'g1-set',
          setVersion: 1,
          meanScore: 3 + rnd() * 5,
          context: k === 0 ? 'BASELINE' : 'ROUTINE_3M',
        });

    const facts: CaseFacts = {
      id: caseDocId(BENCH_TENANT, 'case_facts', caseRef),
      tenantId: BENCH_TENANT,
      type: 'case_facts',
      schemaVersion: 1,
      caseRef,
      rebuiltAt: '2025-04-07T04:00:00.000Z',
      status: closed ? 'CLOSED' : inG1 ? 'ACTIVE' : 'VISITED',
      assignedJobformidlerId: `jf-${i % jobformidlere}`,
      jobformidlerCount: 1 + Math.floor(rnd() * 2),
      visitations: [
        {
          group: inG1 ? 'G1_INTERVENTION' : pick(['G2_REHABILITATION', 'G3_NOT_EMPLOYMENT_READY'] as const),
          conversationAt: isoDateOf(from),
          effectiveFrom: isoDateOf(from),
        },
      ],
      g1Intervals: inG1
        ? [ended !== undefined ? { from: isoDateOf(from), to: isoDateOf(ended) } : { from: isoDateOf(from) }]
        : [],
      placements,
      weeks: recentWeeks,
      contacts,
      ...(inG1 ? { firstJobConversationAt: isoDateOf(from + 3 + Math.floor(rnd() * 25)) } : {}),
      agreements,
      cvStatus: pick(['NONE', 'PERSONAL', 'JOBNET', 'BOTH'] as const),
      hasConcreteOwnJobGoal: rnd() < 0.65,
      jobGoalLastReviewedAt: isoDateOf(t - Math.floor(rnd() * 300)),
      progression,
      ...(closed && ended !== undefined
        ? { closure: { date: isoDateOf(ended), reason: 'EMPLOYED_SELF_SUPPORTING' as const } }
        : {}),
    };
    Object.assign(facts, followThrough(facts, rndFollow, t, Math.max(1, Math.round(n / 150))));
    if (facts.assignedJobformidlerId === undefined) delete facts.assignedJobformidlerId;
    const hko: SensitiveFacts['hko'] = [];
    if (rnd() < 0.1) {
      const applied = t - Math.floor(rnd() * 200);
      const decided = applied + Math.floor(rnd() * 20);
      hko.push({
        type: 'WORKPLACE_AID',
        appliedAt: isoDateOf(applied),
        ...(decided < t
          ? { decidedAt: isoDateOf(decided), decision: 'GRANTED', deliveredAt: isoDateOf(Math.min(t - 1, decided + 5)) }
          : {}),
      });
    }
    const sensitive: SensitiveFacts = {
      id: caseDocId(BENCH_TENANT, 'sensitive_facts', caseRef),
      tenantId: BENCH_TENANT,
      type: 'sensitive_facts',
      schemaVersion: 1,
      caseRef,
      rebuiltAt: '2025-04-07T04:00:00.000Z',
      ...(rnd() < 0.6
        ? {
            screening: {
              conductedAt: isoDateOf(from - 14),
              outcome: pick(['NO_INDICATION', 'INDICATION_NO_JOB_IMPACT', 'INDICATION_WITH_JOB_IMPACT', 'DECLINED']),
            },
          }
        : {}),
      hko,
    };
    yield { facts, sensitive };
  }
}

/**
 * The company side of the same municipality, as stored in `directory`: job openings and company
 * contacts of the eight weeks before BENCH_AS_OF (M14 and its trend, M15). About one company contact
 * per case every two months and one opening per 20 cases; no citizen in any of it.
 */
export function* syntheticCompanySide(n: number, seed = 43): Generator<CompanyContactDoc | JobOpeningDoc> {
  const rnd = prng(seed);
  const t = dayNumber(BENCH_AS_OF);
  const jobformidlere = Math.max(1, Math.round(n / 35));
  const staff = (i: number): string =>
    i % 3 === 0 ? `vk-${i % Math.max(1, Math.round(jobformidlere / 3))}` : `jf-${i % jobformidlere}`;
  const stamp = {
    tenantId: BENCH_TENANT,
    schemaVersion: 1 as const,
    createdAt: '2025-04-01T10:00:00.000Z',
    updatedAt: '2025-04-01T10:00:00.000Z',
  };
  const companyId = (i: number): string =>
    `company:${String(10_000_000 + (i % Math.max(1, Math.round(n / 25)))).padStart(8, '0')}`;
  for (let i = 0; i < Math.round(n * 0.9); i++) {
    const contactId = `bench-contact-${i}`;
    const by = staff(i);
    yield {
      ...stamp,
      id: companyContactDocId(contactId),
      type: 'company_contact',
      contactId,
      companyId: companyId(i),
      kind: COMPANY_CONTACT_KINDS[Math.floor(rnd() * COMPANY_CONTACT_KINDS.length)]!,
      mode: 'IN_PERSON',
      date: isoDateOf(t - 1 - Math.floor(rnd() * 56)),
      staffId: by,
      createdBy: by,
      updatedBy: by,
    };
  }
  for (let i = 0; i < Math.round(n / 20); i++) {
    const openingId = `bench-opening-${i}`;
    const by = staff(i);
    const registeredOn = isoDateOf(t - 1 - Math.floor(rnd() * 56));
    yield {
      ...stamp,
      id: openingDocId(openingId),
      type: 'job_opening',
      openingId,
      companyId: companyId(i),
      title: 'Lagermedarbejder',
      placementType: 'ORDINARY_PAID_HOURS',
      hoursPerWeek: 20,
      ordinaryHoursFromStart: 5,
      accommodationPossible: false,
      fromDate: registeredOn,
      status: 'OPEN',
      registeredOn,
      ownerId: by,
      createdBy: by,
      updatedBy: by,
    };
  }
}
