import { dayNumber, isoWeekOfDay } from '../../bot/features/digest/calendar';
import {
  m1Accumulator,
  m2Accumulator,
  m3Accumulator,
  m4Accumulator,
  m5Accumulator,
  m6Accumulator,
} from '../../bot/features/digest/metrics/results';
import { AS_OF, ctx, facts, run } from './facts-fixtures';

/**
 * Results metrics (domain-research §6.2) on small hand-computed fixtures. T = Monday 2025-04-07,
 * W = [2025-01-06, 2025-04-07) = ISO weeks 2025-W02 … 2025-W14; T − 1 = Sunday 2025-04-06 (W14).
 */
describe('calendar assumptions the fixtures rely on', () => {
  it('has T − 91 days on Monday 2025-01-06 and T − 1 in ISO week 14', () => {
    expect(dayNumber(AS_OF) - 91).toBe(dayNumber('2025-01-06'));
    expect(isoWeekOfDay(dayNumber(AS_OF) - 1)).toBe('2025-W14');
    expect(isoWeekOfDay(dayNumber('2025-01-06'))).toBe('2025-W02');
  });
});

describe('M1 share of group 1 in company-based activity (3 months, point, mature)', () => {
  const cases = [
    // In W, placement Feb → counts; not in a placement on T−1; 91 G1 days (mature).
    facts({
      caseRef: 'A',
      g1: [['2025-01-01']],
      placements: [{ placementId: 'a', startDate: '2025-02-01', plannedEndDate: '2025-03-01' }],
    }),
    // Newly visited, placement running on T−1: counts in W and at the point, not mature (6 days).
    facts({
      caseRef: 'B',
      g1: [['2025-04-01']],
      placements: [{ placementId: 'b', type: 'WAGE_SUBSIDY_PRIVATE', startDate: '2025-04-03' }],
    }),
    // G1 ended the day W began (exclusive end): not in D.
    facts({ caseRef: 'C', g1: [['2024-06-01', '2025-01-06']] }),
    // Ordinary paid hours with 0 hours worked: not company-based.
    facts({
      caseRef: 'D',
      g1: [['2024-10-01']],
      placements: [{ placementId: 'd', type: 'ORDINARY_PAID_HOURS', startDate: '2025-02-03' }],
      weeks: [
        { isoWeek: '2025-W06', placementId: 'd', ordinaryHours: 0 },
        { isoWeek: '2025-W07', placementId: 'd', ordinaryHours: 0 },
      ],
    }),
    // Ordinary paid hours with 5 hours in W08: company-based that week.
    facts({
      caseRef: 'E',
      g1: [['2024-10-01']],
      placements: [{ placementId: 'e', type: 'ORDINARY_PAID_HOURS', startDate: '2025-02-03' }],
      weeks: [{ isoWeek: '2025-W08', placementId: 'e', ordinaryHours: 5 }],
    }),
    // Closed 1 Feb before the placement began: G1 is cut at closure, so no overlap; 26 G1 days.
    facts({
      caseRef: 'F',
      status: 'CLOSED',
      g1: [['2025-01-01']],
      closure: { date: '2025-02-01', reason: 'EMPLOYED_SELF_SUPPORTING' },
      placements: [{ placementId: 'f', startDate: '2025-02-10' }],
    }),
    // A PLANNED placement does not count.
    facts({
      caseRef: 'G',
      g1: [['2024-12-01']],
      placements: [{ placementId: 'g', status: 'PLANNED', startDate: '2025-02-01' }],
    }),
    // Not group 1.
    facts({
      caseRef: 'H',
      visitations: [{ group: 'G2_REHABILITATION', conversationAt: '2025-02-01', effectiveFrom: '2025-02-01' }],
    }),
    // G1 in March, placement only after G1 ended: no day is both.
    facts({
      caseRef: 'I',
      g1: [['2025-03-01', '2025-03-15']],
      placements: [{ placementId: 'i', startDate: '2025-03-20' }],
    }),
  ];

  it('counts cases active in G1 on at least one day of W, and those also in company-based activity', () => {
    const r = run(m1Accumulator(AS_OF), cases);
    // D = A B D E F G I; N = A B E.
    expect(r.share).toEqual({ numerator: 3, denominator: 7 });
  });

  it('POINT: cases active in G1 on T − 1 and in company-based activity that day', () => {
    // Active on 6 April: A B D E G; company-based that day: B.
    expect(run(m1Accumulator(AS_OF), cases).point).toEqual({ numerator: 1, denominator: 5 });
  });

  it('MATURE: only cases with ≥ 30 active-G1 days in W', () => {
    // A D E G have 91 days (B 6, F 26, I 14); of those A and E were company-based.
    expect(run(m1Accumulator(AS_OF), cases).mature).toEqual({ numerator: 2, denominator: 4 });
  });

  it('moves with the as-of date (a week earlier: B not yet in group 1, C still in W for a week)', () => {
    const r = run(m1Accumulator('2025-03-31'), cases);
    expect(r.share).toEqual({ numerator: 2, denominator: 7 });
  });
});

describe('M2 ordinary hours from the start / M3 complete agreements', () => {
  const cases = [
    facts({
      caseRef: 'A',
      agreementsIn: [
        {
          agreementId: 'a1',
          placementType: 'COMPANY_INTERNSHIP',
          signedAt: '2025-02-01',
          ordinaryHoursFromStart: true,
          ordinaryHoursAtStart: 5,
          complete: true,
        },
      ],
    }),
    facts({
      caseRef: 'B',
      agreementsIn: [
        // Only agreed (not signed) in W: counts; hours from start ticked but 0 hours: not N.
        {
          agreementId: 'a2',
          placementType: 'WAGE_SUBSIDY_PRIVATE',
          agreedAt: '2025-04-02',
          ordinaryHoursFromStart: true,
          ordinaryHoursAtStart: 0,
          missingCritical: ['ORDINARY_HOURS_PLAN', 'MILESTONES'],
        },
      ],
    }),
    facts({
      caseRef: 'D',
      // Signed on T itself: outside the half-open window.
      agreementsIn: [
        { agreementId: 'a3', signedAt: '2025-04-07', ordinaryHoursFromStart: true, ordinaryHoursAtStart: 8 },
      ],
    }),
    facts({
      caseRef: 'E',
      // Ordinary employment is not a placement with an agreement of this kind.
      agreementsIn: [{ agreementId: 'a4', placementType: 'ORDINARY_EMPLOYMENT', signedAt: '2025-02-15' }],
    }),
    facts({
      caseRef: 'G',
      agreementsIn: [
        // Signed on the first day of W: counts.
        {
          agreementId: 'a5',
          placementType: 'ORDINARY_PAID_HOURS',
          signedAt: '2025-01-06',
          agreedAt: '2024-12-20',
          ordinaryHoursFromStart: true,
          ordinaryHoursAtStart: 10,
          missingCritical: ['MILESTONES'],
        },
        // Neither agreed nor signed: a draft, not counted.
        { agreementId: 'a7', ordinaryHoursFromStart: true, ordinaryHoursAtStart: 12, complete: true },
      ],
    }),
    facts({ caseRef: 'I', agreementsIn: [{ agreementId: 'a6', signedAt: '2024-12-30', complete: true }] }),
  ];

  it('M2: agreements in W with ordinary hours > 0 from the start, and their mean hours', () => {
    const r = run(m2Accumulator(ctx()), cases);
    expect(r.share).toEqual({ numerator: 2, denominator: 3 });
    expect(r.hoursAtStart).toEqual({ n: 2, median: 7.5, mean: 7.5 });
  });

  it('M3: complete agreements in W, and the item most often missing', () => {
    const r = run(m3Accumulator(ctx()), cases);
    expect(r.share).toEqual({ numerator: 1, denominator: 3 });
    expect(r.mostMissing).toEqual({ item: 'MILESTONES', count: 2 });
  });
});

describe('M4 active placements with ordinary hours in the last week', () => {
  it('counts placements running on T − 1 and those with ordinary hours worked in that ISO week', () => {
    const cases = [
      facts({
        caseRef: 'B',
        placements: [{ placementId: 'b', startDate: '2025-04-03' }],
        weeks: [{ isoWeek: '2025-W14', placementId: 'b', ordinaryHours: 3 }],
      }),
      facts({ caseRef: 'D', placements: [{ placementId: 'd', type: 'ORDINARY_PAID_HOURS', startDate: '2025-02-03' }] }),
      // A registration without a placement id counts for the case's placement.
      facts({
        caseRef: 'E',
        placements: [{ placementId: 'e', startDate: '2025-02-03' }],
        weeks: [{ isoWeek: '2025-W14', ordinaryHours: 2 }],
      }),
      facts({ caseRef: 'G', placements: [{ placementId: 'g', status: 'PLANNED', startDate: '2025-02-01' }] }),
      facts({
        caseRef: 'I',
        placements: [{ placementId: 'i', startDate: '2025-03-20' }],
        weeks: [
          { isoWeek: '2025-W14', placementId: 'i', ordinaryHours: 0, practiceHours: 20 },
          { isoWeek: '2025-W13', placementId: 'i', ordinaryHours: 4 },
        ],
      }),
      // Ended on Saturday 5 April (inclusive): not running on Sunday 6 April.
      facts({
        caseRef: 'J',
        placements: [{ placementId: 'j', startDate: '2025-03-01', actualEndDate: '2025-04-05', status: 'COMPLETED' }],
        weeks: [{ isoWeek: '2025-W14', placementId: 'j', ordinaryHours: 9 }],
      }),
    ];
    expect(run(m4Accumulator(ctx()), cases).share).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('M5 progression in ordinary hours', () => {
  const weeks = (placementId: string, from: number, hours: number[]) =>
    hours.map((ordinaryHours, i) => ({
      isoWeek: `2025-W${String(from + i).padStart(2, '0')}`,
      placementId,
      ordinaryHours,
    }));
  const cases = [
    // Base mean 2 (W02–W05), latest 4 (W11–W14) mean 7: Δ = +5.
    facts({
      caseRef: 'P1',
      placements: [{ placementId: 'p1', startDate: '2025-01-06' }],
      weeks: [...weeks('p1', 2, [2, 2, 2, 2]), ...weeks('p1', 11, [6, 6, 8, 8])],
    }),
    // Started W08: only 7 ISO weeks up to W14, not measured yet.
    facts({
      caseRef: 'P2',
      placements: [{ placementId: 'p2', startDate: '2025-02-17' }],
      weeks: weeks('p2', 8, [1, 1, 1, 1, 1, 1, 1]),
    }),
    // Started W07 (8 weeks): base from the stored first-weeks mean 10, latest mean 9: Δ = −1.
    facts({
      caseRef: 'P3',
      placements: [{ placementId: 'p3', startDate: '2025-02-10', firstWeeksOrdinaryMean: 10 }],
      weeks: weeks('p3', 11, [10, 10, 8, 8]),
    }),
    // Only three registered weeks: cannot be measured.
    facts({
      caseRef: 'P4',
      placements: [{ placementId: 'p4', startDate: '2025-01-06' }],
      weeks: weeks('p4', 12, [1, 1, 1]),
    }),
    // Placement ended before the last week.
    facts({
      caseRef: 'P5',
      placements: [{ placementId: 'p5', startDate: '2024-11-04', actualEndDate: '2025-03-01', status: 'COMPLETED' }],
      weeks: weeks('p5', 2, [1, 2, 3, 4, 5, 6]),
    }),
  ];

  it('shares of cases whose ordinary hours grew, and the median change', () => {
    const r = run(m5Accumulator(ctx()), cases);
    expect(r.improved).toEqual({ numerator: 1, denominator: 2 });
    expect(r.delta).toMatchObject({ n: 2, median: 2 });
  });

  it("sums the team's ordinary hours per week over the last 12 weeks", () => {
    const r = run(m5Accumulator(ctx()), cases);
    expect(r.weekly).toHaveLength(12);
    expect(r.weekly[0]).toEqual({ isoWeek: '2025-W03', hours: 2 + 2, cases: 2 });
    expect(r.weekly[11]).toEqual({ isoWeek: '2025-W14', hours: 8 + 1 + 8 + 1, cases: 4 });
  });
});

describe('M6 citizens with ≥ 30 ordinary hours a week', () => {
  const w = (isoWeek: string, ordinaryHours: number) => ({ isoWeek, ordinaryHours });
  const active = [['2024-10-01']] as const;
  const cases = [
    facts({
      caseRef: 'S1',
      g1: active,
      weeks: [w('2025-W11', 30), w('2025-W12', 31), w('2025-W13', 35), w('2025-W14', 30)],
    }),
    facts({
      caseRef: 'S2',
      g1: active,
      weeks: [w('2025-W10', 40), w('2025-W11', 30), w('2025-W12', 30), w('2025-W13', 29), w('2025-W14', 30)],
    }),
    facts({ caseRef: 'S3', g1: active, weeks: [w('2025-W12', 35), w('2025-W13', 35), w('2025-W14', 35)] }),
    facts({ caseRef: 'S4', g1: [['2024-10-01', '2025-02-01']], weeks: [w('2025-W03', 32)] }),
    facts({ caseRef: 'S5', g1: active }),
    // Two registrations a week (two employers) are added up; a week before W does not count as "ever in W".
    facts({
      caseRef: 'S6',
      g1: active,
      weeks: [
        w('2024-W50', 35),
        ...['2025-W11', '2025-W12', '2025-W13', '2025-W14'].flatMap((x) => [w(x, 15), w(x, 15)]),
      ],
    }),
    facts({ caseRef: 'S7', g1: active, weeks: [w('2024-W50', 35)] }),
  ];

  it('sustained: each of the latest 4 registered weeks at or above 30, among cases active on T − 1', () => {
    expect(run(m6Accumulator(ctx()), cases).sustained).toEqual({ numerator: 2, denominator: 6 });
  });

  it('ever in 3 months: at least one week in W at or above 30, among cases active in W', () => {
    expect(run(m6Accumulator(ctx()), cases).ever3m).toEqual({ numerator: 5, denominator: 7 });
  });
});
