import { dayNumber } from '../../bot/features/digest/calendar';
import { caseView } from '../../bot/features/digest/metrics/case-view';
import {
  caseloadAccumulator,
  m10Accumulator,
  m11FromCaseloads,
  m12Accumulator,
  m14Accumulator,
  m16Accumulator,
  m18Accumulator,
  m9Accumulator,
} from '../../bot/features/digest/metrics/flow';
import { AS_OF, ctx, facts, run, sensitive } from './facts-fixtures';

/** Flow metrics (domain-research §6.3) on hand-computed fixtures; T = Monday 2025-04-07. */

const g1Visit = (conversationAt: string) => ({
  group: 'G1_INTERVENTION' as const,
  conversationAt,
  effectiveFrom: conversationAt,
});

describe('M9 days from visitation to the first job conversation', () => {
  const cases = [
    facts({
      caseRef: 'V1',
      g1: [['2025-02-01']],
      visitations: [g1Visit('2025-02-01')],
      contacts: [{ date: '2025-02-10' }],
    }),
    facts({
      caseRef: 'V2',
      g1: [['2025-03-01']],
      visitations: [g1Visit('2025-03-01')],
      contacts: [{ date: '2025-03-20' }],
    }),
    // An uncompleted (cancelled) conversation does not count; the completed one 14 days after does.
    facts({
      caseRef: 'V3',
      g1: [['2025-03-10']],
      visitations: [g1Visit('2025-03-10')],
      contacts: [{ date: '2025-03-12', completed: false }, { date: '2025-03-24' }],
    }),
    // Visited before W, still waiting: on the waiting list, not in the median.
    facts({ caseRef: 'V4', g1: [['2024-12-01']], visitations: [g1Visit('2024-12-01')] }),
    // Visited 23 days before T, no job conversation yet: waiting.
    facts({ caseRef: 'V5', g1: [['2025-03-15']], visitations: [g1Visit('2025-03-15')] }),
    // Visited 8 days before T: not waiting yet.
    facts({ caseRef: 'V6', g1: [['2025-03-30']], visitations: [g1Visit('2025-03-30')] }),
    facts({
      caseRef: 'V7',
      visitations: [{ group: 'G2_REHABILITATION', conversationAt: '2025-02-01', effectiveFrom: '2025-02-01' }],
    }),
    // The stored first-conversation date counts when no contact in the log says so.
    facts({
      caseRef: 'V8',
      g1: [['2025-02-01']],
      visitations: [g1Visit('2025-02-01')],
      firstJobConversationAt: '2025-02-03',
    }),
  ];

  it('reports the median days, the share within 14 days and the waiting list', () => {
    const r = run(m9Accumulator(ctx()), cases);
    // Days: V1 9, V2 19, V3 14, V8 2 → median (9 + 14) / 2.
    expect(r.days).toMatchObject({ n: 4, median: 11.5 });
    expect(r.within14).toEqual({ numerator: 3, denominator: 4 });
    expect(r.waiting).toBe(2);
  });
});

describe('M10 overdue follow-up', () => {
  const active = [['2024-10-01']] as const;
  const running = [{ placementId: 'p', startDate: '2025-03-01' }];
  const cases = [
    facts({ caseRef: 'F1', g1: active, contacts: [{ date: '2025-03-31' }] }),
    facts({ caseRef: 'F2', g1: active, contacts: [{ date: '2025-02-20', type: 'PHONE' }] }),
    facts({ caseRef: 'F3', g1: active, contacts: [{ date: '2025-03-05', type: 'TRIPARTITE' }] }),
    facts({
      caseRef: 'F4',
      g1: active,
      placements: running,
      contacts: [{ date: '2025-03-25', type: 'WORKPLACE_FOLLOW_UP' }],
    }),
    facts({ caseRef: 'F5', g1: active, placements: running, contacts: [{ date: '2025-03-20' }] }),
    // Messages, company-facing calls and cancelled meetings are not follow-up: the visitation date is used.
    facts({
      caseRef: 'F6',
      g1: active,
      visitations: [g1Visit('2025-02-01')],
      contacts: [
        { date: '2025-04-01', type: 'MESSAGE' },
        { date: '2025-04-02', type: 'PHONE', direction: 'COMPANY_FACING' },
        { date: '2025-04-03', completed: false },
      ],
    }),
    facts({ caseRef: 'F7', contacts: [{ date: '2024-12-01' }] }),
    // Newly in group 1 with no contact and no visitation: counted from the start of G1.
    facts({ caseRef: 'F8', g1: [['2025-03-20']] }),
  ];

  it('counts overdue (> 42 days, > 14 in a placement) and soon (> 28, > 10) among active G1', () => {
    // Gaps: F1 7 ok, F2 46 overdue, F3 33 soon, F4 13 soon (placement), F5 18 overdue (placement),
    // F6 65 overdue, F8 18 ok; F7 is not in group 1.
    expect(run(m10Accumulator(ctx()), cases)).toEqual({ activeG1: 7, overdue: 3, soon: 2 });
  });
});

describe('M11 caseload per jobformidler (team view)', () => {
  it('counts only cases active in G1 on T − 1 per assigned jobformidler', () => {
    const loads = run(caseloadAccumulator(ctx()), [
      facts({ caseRef: '1', g1: [['2025-01-01']], assignedJobformidlerId: 'j1' }),
      facts({ caseRef: '2', g1: [['2025-01-01']], assignedJobformidlerId: 'j1' }),
      facts({ caseRef: '3', g1: [['2025-01-01', '2025-03-01']], assignedJobformidlerId: 'j1' }),
      facts({ caseRef: '4', g1: [['2025-01-01']], assignedJobformidlerId: 'j2' }),
      facts({ caseRef: '5', g1: [['2025-01-01']] }),
    ]);
    expect(Object.fromEntries(loads)).toEqual({ j1: 2, j2: 1 });
  });

  it('gives the median caseload and how many are above, within and below the 30–40 band', () => {
    const loads = new Map(Object.entries({ a: 41, b: 35, c: 29, d: 30, e: 40, f: 2 }));
    expect(m11FromCaseloads(loads, ctx())).toEqual({
      jobformidlere: 6,
      caseload: { n: 6, median: 32.5, mean: 177 / 6 },
      above: 1,
      within: 3,
      below: 2,
    });
  });
});

describe('M12 completed job conversations', () => {
  it('counts the last ISO week and the last four weeks (half-open, completed only)', () => {
    const r = run(m12Accumulator(ctx()), [
      facts({
        caseRef: 'A',
        contacts: [
          { date: '2025-04-06' },
          { date: '2025-03-31' },
          { date: '2025-03-30' },
          { date: '2025-03-10' },
          { date: '2025-03-09' },
          { date: '2025-04-07' },
          { date: '2025-04-01', completed: false },
          { date: '2025-04-02', type: 'PHONE' },
        ],
      }),
    ]);
    expect(r).toEqual({ lastWeek: 2, last4Weeks: 4 });
  });
});

describe('M14 company-facing activity (last four weeks)', () => {
  it('counts outreach visits, job openings, aftercare, placements started and job placements', () => {
    const r = run(m14Accumulator(ctx()), [
      facts({
        caseRef: 'A',
        contacts: [
          { date: '2025-03-15', type: 'COMPANY_OUTREACH_VISIT', direction: 'COMPANY_FACING' },
          { date: '2025-03-09', type: 'COMPANY_OUTREACH_VISIT', direction: 'COMPANY_FACING' },
          { date: '2025-03-20', type: 'COMPANY_OUTREACH_VISIT', direction: 'COMPANY_FACING', completed: false },
          { date: '2025-04-01', type: 'JOB_OPENING', direction: 'COMPANY_FACING' },
          { date: '2025-04-01', type: 'JOB_OPENING', direction: 'COMPANY_FACING' },
          { date: '2025-03-10', type: 'AFTERCARE' },
        ],
        placements: [
          { placementId: 'p1', startDate: '2025-03-12' },
          { placementId: 'p2', type: 'ORDINARY_PAID_HOURS', startDate: '2025-04-06' },
          { placementId: 'p3', type: 'ORDINARY_EMPLOYMENT', startDate: '2025-03-01' },
          { placementId: 'p4', type: 'FLEXJOB', status: 'PLANNED', startDate: '2025-03-20' },
          { placementId: 'p5', type: 'ORDINARY_EMPLOYMENT', status: 'COMPLETED', startDate: '2025-03-25' },
        ],
      }),
    ]);
    // The four weeks before [2025-02-10, 2025-03-10) are the trend: the outreach visit of 9 March and p3.
    expect(r).toEqual({
      outreachVisits: 1,
      jobOpenings: 2,
      placementsStarted: 3,
      jobPlacements: 2,
      aftercare: 1,
      matches: { proposed: 0, accepted: 0, placed: 0 },
      previous: { outreachVisits: 1, jobOpenings: 0, placementsStarted: 1, jobPlacements: 1, aftercare: 0 },
    });
  });
});

describe('M16 screening funnel', () => {
  it('joins screenings (sensitive facts) with visitations and first job conversations', () => {
    const acc = m16Accumulator(ctx());
    const cases = [
      facts({ caseRef: 's1', visitations: [g1Visit('2025-03-20')], contacts: [{ date: '2025-03-25' }] }),
      facts({ caseRef: 's2', visitations: [g1Visit('2025-04-02')], contacts: [{ date: '2025-04-04' }] }),
      facts({
        caseRef: 's3',
        visitations: [{ group: 'G2_REHABILITATION', conversationAt: '2025-03-25', effectiveFrom: '2025-03-25' }],
      }),
      facts({ caseRef: 's4' }),
    ];
    for (const c of cases) acc.addCase(caseView(c));
    const screened = (caseRef: string, conductedAt: string, outcome = 'INDICATION_WITH_JOB_IMPACT') =>
      sensitive({ caseRef, screening: { conductedAt, outcome } });
    for (const s of [
      screened('s1', '2025-03-12'),
      screened('s2', '2025-03-15'),
      screened('s3', '2025-03-20'),
      screened('s4', '2025-03-25', 'NO_INDICATION'),
      screened('s5', '2025-03-01'),
      screened('s6', '2025-04-01'),
      sensitive({ caseRef: 's7', hko: [{ type: 'PERSONAL_ASSISTANCE', appliedAt: '2025-03-01' }] }),
    ])
      acc.addSensitive(s);
    expect(acc.result()).toEqual({ screenings: 5, withImpact: 4, visitedWithin14: 2, startedG1: 2 });
  });
});

describe('M18 HKO processing time (fast track)', () => {
  it('gives median days to decision and to delivery over 180 days, and open applications over 10 days', () => {
    const r = m18Accumulator(ctx());
    r.add(
      sensitive({
        caseRef: 'h',
        hko: [
          { type: 'A', appliedAt: '2025-03-01', decidedAt: '2025-03-05', deliveredAt: '2025-03-10' },
          { type: 'B', appliedAt: '2025-02-01', decidedAt: '2025-02-11' },
          { type: 'C', appliedAt: '2024-09-01', decidedAt: '2024-09-05', deliveredAt: '2024-10-10' },
          { type: 'D', appliedAt: '2025-03-20' },
          { type: 'E', appliedAt: '2025-04-01' },
          { type: 'F', appliedAt: '2025-03-01', decidedAt: '2025-04-07' },
          { type: 'G', decidedAt: '2025-03-03' },
        ],
      }),
    );
    expect(dayNumber(AS_OF) - 180).toBe(dayNumber('2024-10-09'));
    const result = r.result();
    expect(result.decisionDays).toMatchObject({ n: 2, median: 7 });
    expect(result.decidedWithinTarget).toEqual({ numerator: 1, denominator: 2 });
    expect(result.deliveryDays).toMatchObject({ n: 2, median: 20 });
    expect(result.openOver10).toBe(2);
  });
});
