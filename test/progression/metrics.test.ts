import { progressionM22, type M22CaseFacts } from '../../bot/features/progression/metrics';

const T = '2025-06-02'; // a Monday: windows are [T - n days, T)

let counter = 0;
function facts(overrides: Partial<M22CaseFacts> = {}): M22CaseFacts {
  counter++;
  return {
    caseRef: `FR-${counter}`,
    status: 'ACTIVE',
    assignedJobformidlerId: 'jo-1',
    g1Intervals: [{ from: '2025-01-06' }],
    progression: [],
    ...overrides,
  };
}
const m = (measuredAt: string, meanScore: number, context = 'ROUTINE_3M', setVersion = 1) => ({
  measuredAt,
  setId: 'g1',
  setVersion,
  meanScore,
  context,
});

describe('M22 progression coverage and development', () => {
  it('counts coverage over cases active in group 1 for at least 30 days, measured in the last 92 days', () => {
    const result = progressionM22(
      [
        facts({ progression: [m('2025-03-03', 4, 'BASELINE')] }), // inside [T-92, T) = [2025-03-02, 2025-06-02)
        facts({ progression: [m('2025-03-01', 4, 'BASELINE')] }), // one day too old
        facts({ progression: [m('2025-06-02', 4, 'BASELINE')] }), // on T: after the window
        facts(), // never measured
        facts({ g1Intervals: [{ from: '2025-05-10' }], progression: [] }), // active only 23 days: not counted
        facts({ g1Intervals: [{ from: '2025-05-03' }], progression: [m('2025-05-04', 4, 'BASELINE')] }), // exactly 30 days
        facts({ status: 'PAUSED', progression: [m('2025-05-01', 4)] }),
        facts({
          status: 'CLOSED',
          closure: { date: '2025-05-20', reason: 'OTHER' },
          progression: [m('2025-05-01', 4)],
        }),
        facts({ g1Intervals: [{ from: '2025-01-06', to: '2025-04-01' }], progression: [m('2025-03-10', 4)] }),
      ],
      T,
    );
    expect(result.coverage).toEqual({ numerator: 2, denominator: 5 });
    expect(result.metricId).toBe('PROGRESSION_COVERAGE');
  });

  it('gives coverage per jobformidler for 1:1 use', () => {
    const result = progressionM22(
      [
        facts({ assignedJobformidlerId: 'a', progression: [m('2025-05-01', 3)] }),
        facts({ assignedJobformidlerId: 'a' }),
        facts({ assignedJobformidlerId: 'b', progression: [m('2025-05-01', 3)] }),
      ],
      T,
    );
    expect(result.coverageByJobformidler).toEqual({
      a: { numerator: 1, denominator: 2 },
      b: { numerator: 1, denominator: 1 },
    });
  });

  it('counts development only between a baseline and a later measurement on the same set version', () => {
    const result = progressionM22(
      [
        facts({ progression: [m('2025-01-10', 3.0, 'BASELINE'), m('2025-04-10', 4.2)] }), // improved
        facts({ progression: [m('2025-01-10', 5.0, 'BASELINE'), m('2025-04-10', 5.0)] }), // unchanged: not > 0
        facts({ progression: [m('2025-01-10', 5.0, 'BASELINE'), m('2025-04-10', 4.0)] }), // worse
        facts({ progression: [m('2025-01-10', 3.0, 'BASELINE'), m('2025-04-10', 6.0, 'ROUTINE_3M', 2)] }), // other version
        facts({ progression: [m('2025-01-10', 3.0, 'BASELINE')] }), // baseline only
        facts({ progression: [m('2025-01-10', 3.0, 'BASELINE'), m('2025-06-05', 9.0)] }), // later one is after T
      ],
      T,
    );
    expect(result.development).toEqual({ numerator: 1, denominator: 3, minN: 5, reportable: false });
  });

  it('reports development once n reaches 5, with numerator and denominator for the digest to suppress', () => {
    const improving = Array.from({ length: 4 }, () =>
      facts({ progression: [m('2025-01-10', 3, 'BASELINE'), m('2025-04-10', 4)] }),
    );
    const flat = facts({ progression: [m('2025-01-10', 3, 'BASELINE'), m('2025-04-10', 3)] });
    const result = progressionM22([...improving, flat], T);
    expect(result.development).toEqual({ numerator: 4, denominator: 5, minN: 5, reportable: true });
    // 4 of 5: the digest's k = 5 rule will hide the numerator and its complement (1) — it gets both.
    expect(result.development.denominator - result.development.numerator).toBe(1);
  });

  it('takes its windows and thresholds as options', () => {
    const result = progressionM22([facts({ progression: [m('2025-05-20', 4)] })], T, { windowDays: 10, minN: 1 });
    expect(result.coverage).toEqual({ numerator: 0, denominator: 1 });
    expect(result.development.reportable).toBe(false);
  });
});
