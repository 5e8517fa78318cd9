import { BUILT_IN_SETS } from '../../bot/features/progression/indicator-sets';
import {
  comparablePair,
  compareMeasurements,
  meanScore,
  nextProgressionDue,
  progressionDueState,
  progressionProjection,
} from '../../bot/features/progression/rules';
import type { IndicatorSet } from '../../bot/domain/indicator-set';

const set = BUILT_IN_SETS[0] as IndicatorSet;
const ids = set.indicators.map((i) => i.indicatorId);
const scores = (values: number[]) => values.map((value, i) => ({ indicatorId: ids[i] ?? '', value }));
const cadence = { progressionCadenceDays: 92 };

describe('cadence', () => {
  it('asks for the baseline on the day group 1 starts', () => {
    expect(nextProgressionDue([], '2025-03-03', cadence)).toBe('2025-03-03');
  });

  it('asks for the baseline at the first job conversation when that is later (it is scored with the citizen)', () => {
    expect(nextProgressionDue([], '2025-03-03', cadence, '2025-03-14')).toBe('2025-03-14');
    expect(nextProgressionDue([], '2025-03-03', cadence, '2025-02-20')).toBe('2025-03-03');
    // Later measurements follow the cadence from the latest one, whatever the first meeting.
    expect(nextProgressionDue([{ measuredAt: '2025-03-14' }], '2025-03-03', cadence, '2025-03-14')).toBe('2025-06-14');
  });

  it('asks again progressionCadenceDays after the latest measurement, whatever the order they come in', () => {
    const m = [{ measuredAt: '2025-06-01' }, { measuredAt: '2025-03-05' }];
    expect(nextProgressionDue(m, '2025-03-03', cadence)).toBe('2025-09-01');
    expect(nextProgressionDue(m, '2025-03-03', { progressionCadenceDays: 30 })).toBe('2025-07-01');
  });

  it('wants a new baseline when a citizen comes back to group 1 long after the last measurement', () => {
    expect(nextProgressionDue([{ measuredAt: '2024-01-10' }], '2025-02-01', cadence)).toBe('2025-02-01');
  });

  it('has no cadence outside group 1', () => {
    expect(nextProgressionDue([{ measuredAt: '2025-01-10' }], undefined, cadence)).toBeUndefined();
    expect(progressionDueState(undefined, '2025-01-10')).toEqual({ state: 'none' });
  });

  it('is due on the day and counts the days late after it', () => {
    expect(progressionDueState('2025-04-12', '2025-04-11')).toEqual({ state: 'upcoming', daysLate: -1 });
    expect(progressionDueState('2025-04-12', '2025-04-12')).toEqual({ state: 'due', daysLate: 0 });
    expect(progressionDueState('2025-04-12', '2025-04-20')).toEqual({ state: 'due', daysLate: 8 });
  });
});

describe('mean score', () => {
  it('turns indicators where lower is better, so a higher mean always means better', () => {
    const flipped: IndicatorSet = {
      ...set,
      indicators: set.indicators.map((i, n) => (n === 0 ? { ...i, higherIsBetter: false } : i)),
    };
    const values = [2, 5, 5, 5, 5, 5, 5];
    expect(meanScore(set, scores(values))).toBe(4.57);
    // 2 on a 1-10 "lower is better" indicator counts as 9.
    expect(meanScore(flipped, scores(values))).toBe(5.57);
  });
});

describe('which measurements are compared', () => {
  const m = (measuredAt: string, setVersion: number, context = 'ROUTINE_3M') => ({
    measuredAt,
    setId: 'g1',
    setVersion,
    context,
  });

  it('compares the latest with the BASELINE on the same set version', () => {
    const pair = comparablePair([
      m('2025-01-10', 1, 'PLACEMENT_START'),
      m('2025-01-12', 1, 'BASELINE'),
      m('2025-04-12', 1),
    ]);
    expect(pair?.latest.measuredAt).toBe('2025-04-12');
    expect(pair?.baseline?.measuredAt).toBe('2025-01-12');
    expect(pair?.otherVersions).toBe(false);
  });

  it('never pairs measurements on different versions; it says others were left out', () => {
    const pair = comparablePair([m('2025-01-10', 1, 'BASELINE'), m('2025-04-12', 2)]);
    expect(pair?.latest.setVersion).toBe(2);
    expect(pair?.baseline).toBeUndefined();
    expect(pair?.otherVersions).toBe(true);
    const later = comparablePair([m('2025-01-10', 1, 'BASELINE'), m('2025-04-12', 2, 'BASELINE'), m('2025-07-12', 2)]);
    expect(later?.baseline?.measuredAt).toBe('2025-04-12');
    expect(later?.otherVersions).toBe(true);
  });

  it('refuses to compare two measurements on different set versions', () => {
    const v1 = { setId: set.setId, setVersion: 1, scores: scores([3, 3, 3, 3, 3, 3, 3]) };
    const v2 = { setId: set.setId, setVersion: 2, scores: scores([6, 6, 6, 6, 6, 6, 6]) };
    expect(compareMeasurements(set, v1, v2)).toEqual({ ok: false, reason: 'version_mismatch' });
    expect(compareMeasurements(set, v2, v2)).toEqual({ ok: false, reason: 'version_mismatch' });
    const same = compareMeasurements(set, v1, { ...v1, scores: scores([4, 3, 2, 3, 3, 3, 3]) });
    expect(same.ok).toBe(true);
    if (same.ok) expect(same.rows.slice(0, 3).map((r) => r.improvement)).toEqual([1, 0, -1]);
  });
});

describe('case-facts projection', () => {
  it('gives the digest completed measurements oldest first, and when the next is due', () => {
    const base = { indicatorSetId: 'g1', indicatorSetVersion: 1, context: 'ROUTINE_3M' };
    const projection = progressionProjection(
      [
        { ...base, status: 'COMPLETED', measuredAt: '2025-04-12', meanScore: 5.1 },
        { ...base, status: 'DRAFT', measuredAt: '2025-07-01' },
        { ...base, status: 'COMPLETED', measuredAt: '2025-01-10', meanScore: 3.7, context: 'BASELINE' },
      ],
      '2025-01-06',
      cadence,
    );
    expect(projection).toEqual({
      progression: [
        { measuredAt: '2025-01-10', setId: 'g1', setVersion: 1, meanScore: 3.7, context: 'BASELINE' },
        { measuredAt: '2025-04-12', setId: 'g1', setVersion: 1, meanScore: 5.1, context: 'ROUTINE_3M' },
      ],
      nextProgressionDue: '2025-07-13',
    });
  });
});
