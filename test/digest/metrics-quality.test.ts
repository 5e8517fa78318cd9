import { m19Accumulator, m22Accumulator } from '../../bot/features/digest/metrics/quality';
import { progressionM22 } from '../../bot/features/progression/metrics';
import { BENCH_AS_OF, syntheticCases } from '../../bench/synthetic-municipality';
import { computeDigest } from '../../bot/features/digest/metrics/digest-metrics';
import { AS_OF_WEEK, ctx, facts, run } from './facts-fixtures';

/** Quality metrics (domain-research §6.4) and the one-pass composition; T = Monday 2025-04-07. */

describe('M19 CV and concrete job goal', () => {
  it('shares of active G1 cases with a CV, an own concrete goal, and a goal reviewed in 180 days', () => {
    const r = run(m19Accumulator(ctx()), [
      facts({
        caseRef: 'q1',
        g1: [['2024-10-01']],
        cvStatus: 'JOBNET',
        hasConcreteOwnJobGoal: true,
        jobGoalLastReviewedAt: '2025-01-01',
      }),
      facts({ caseRef: 'q2', g1: [['2024-10-01']], jobGoalLastReviewedAt: '2024-09-01' }),
      facts({ caseRef: 'q3', g1: [['2024-10-01']], cvStatus: 'PERSONAL', hasConcreteOwnJobGoal: true }),
      facts({ caseRef: 'q4', g1: [['2024-10-01', '2025-02-01']], cvStatus: 'BOTH', hasConcreteOwnJobGoal: true }),
    ]);
    expect(r).toEqual({
      cv: { numerator: 2, denominator: 3 },
      goal: { numerator: 2, denominator: 3 },
      goalUpdated: { numerator: 1, denominator: 3 },
    });
  });
});

describe('M22 progression coverage and development', () => {
  const m = (measuredAt: string, meanScore: number, context = 'ROUTINE_3M', setVersion = 1) => ({
    measuredAt,
    setId: 'g1-set',
    setVersion,
    meanScore,
    context,
  });

  it('coverage among cases active in G1 for ≥ 30 days; development where a baseline and a later measurement share a set version', () => {
    const r = run(m22Accumulator(ctx()), [
      facts({ caseRef: 'r1', g1: [['2025-01-01']], progression: [m('2025-01-10', 4, 'BASELINE'), m('2025-03-20', 5)] }),
      facts({ caseRef: 'r2', g1: [['2024-06-01']], progression: [m('2024-07-01', 6, 'BASELINE'), m('2024-10-01', 5)] }),
      facts({ caseRef: 'r3', g1: [['2025-03-20']], progression: [m('2025-03-21', 4, 'BASELINE')] }),
      facts({
        caseRef: 'r4',
        g1: [['2024-01-01']],
        progression: [m('2025-02-01', 3, 'BASELINE', 2), m('2025-03-01', 7, 'ROUTINE_3M', 1)],
      }),
      facts({ caseRef: 'r5', g1: [['2024-01-01']] }),
      facts({ caseRef: 'r6', g1: [['2024-01-01']], progression: [m('2025-02-01', 4, 'BASELINE'), m('2025-04-08', 9)] }),
    ]);
    // r1 improved; r2 went down; r3 too new for coverage and has one measurement; r4's versions differ;
    // r5 never measured; r6's later measurement is after T.
    expect(r).toEqual({ coverage: { numerator: 3, denominator: 5 }, improved: { numerator: 1, denominator: 2 } });
  });

  it("agrees with the progression feature's own M22 on a synthetic municipality", () => {
    const cases = [...syntheticCases(400, 7)].map((d) => d.facts);
    const ours = run(m22Accumulator(ctx(BENCH_AS_OF)), cases);
    const theirs = progressionM22(cases, BENCH_AS_OF);
    expect(ours.coverage).toEqual(theirs.coverage);
    expect(ours.improved).toEqual({
      numerator: theirs.development.numerator,
      denominator: theirs.development.denominator,
    });
    expect(ours.coverage.denominator).toBeGreaterThan(100);
    expect(ours.improved.denominator).toBeGreaterThan(50);
  });
});

describe('the whole digest in one pass', () => {
  it('adds up every metric, the M1 history and the per-jobformidler workload (kept apart from the aggregates)', () => {
    const cases = [
      facts({
        caseRef: 'A',
        assignedJobformidlerId: 'j1',
        g1: [['2024-10-01']],
        placements: [{ placementId: 'a', startDate: '2025-03-01' }],
        contacts: [{ date: '2025-04-02' }],
      }),
      facts({ caseRef: 'B', assignedJobformidlerId: 'j1', g1: [['2024-10-01']], contacts: [{ date: '2025-01-02' }] }),
      facts({ caseRef: 'C', assignedJobformidlerId: 'j2', g1: [['2025-02-10']], contacts: [{ date: '2025-04-06' }] }),
    ];
    const r = computeDigest({ ...ctx(), isoWeek: AS_OF_WEEK }, cases);
    expect(r.aggregates.cases).toBe(3);
    expect(r.aggregates.m1.share).toEqual({ numerator: 1, denominator: 3 });
    expect(r.aggregates.m10).toEqual({ activeG1: 3, overdue: 1, soon: 0 });
    expect(r.aggregates.m11).toMatchObject({ jobformidlere: 2, below: 2 });
    // Trend: 11 earlier weeks, oldest first; C was not in G1 before 10 February (week 7).
    expect(r.m1History.map((p) => p.isoWeek)).toEqual([
      '2025-W04',
      '2025-W05',
      '2025-W06',
      '2025-W07',
      '2025-W08',
      '2025-W09',
      '2025-W10',
      '2025-W11',
      '2025-W12',
      '2025-W13',
      '2025-W14',
    ]);
    expect(r.m1History[0]?.share).toEqual({ numerator: 0, denominator: 2 });
    expect(r.m1History[10]?.share).toEqual({ numerator: 1, denominator: 3 });
    expect(r.workload).toEqual([
      // M15 per staff member: the job conversations of A (2 April) and C (6 April) are in the last 4 weeks.
      { userId: 'j1', caseload: 2, overdue: 1, jobConversationsLastWeek: 1, companyContacts: 0, citizenContacts: 1 },
      { userId: 'j2', caseload: 1, overdue: 0, jobConversationsLastWeek: 1, companyContacts: 0, citizenContacts: 1 },
    ]);
    expect(JSON.stringify(r.aggregates)).not.toMatch(/j1|j2|"A"|"B"|"C"/);
  });
});
