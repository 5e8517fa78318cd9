import { BUILT_IN_CORE_SETS } from '../../bot/features/fidelity/core-element-sets';
import {
  addToTotals,
  checkEndDate,
  closeDue,
  poolTotals,
  reminderDates,
  reminderDue,
  roundPhase,
  roundResult,
  type RoundSums,
} from '../../bot/features/fidelity/rules';
import type { ElementTotals } from '../../bot/store/fidelity-round-repository';

/** The pure rules of fidelity rounds: dates, reminders, sums and what may be shown. */
const FSM = BUILT_IN_CORE_SETS.find((s) => s.setId === 'flere-skal-med')!;
const ids = FSM.elements.map((e) => e.elementId);

/** Every statement of element `e` at `levels[e]` (0 = don't know). */
const uniform = (levels: readonly number[]) =>
  Object.fromEntries(
    FSM.elements.map((e, i) => [e.elementId, Object.fromEntries(e.items.map((item) => [item.itemId, levels[i] ?? 0]))]),
  );

const sums = (members: readonly (readonly number[])[]): RoundSums => ({
  answeredCount: members.length,
  totals: members.reduce<Record<string, ElementTotals>>((t, levels) => addToTotals(t, FSM, uniform(levels)), {}),
});

describe('dates', () => {
  it('takes an end date from tomorrow up to eight weeks ahead', () => {
    expect(checkEndDate('2025-04-08', '2025-04-07')).toBeUndefined();
    expect(checkEndDate('2025-06-02', '2025-04-07')).toBeUndefined();
    expect(checkEndDate('2025-06-03', '2025-04-07')).toBe('end_date_far');
    expect(checkEndDate('2025-04-07', '2025-04-07')).toBe('end_date_past');
    expect(checkEndDate('2025-02-30', '2025-01-07')).toBe('end_date_invalid');
    expect(checkEndDate('', '2025-04-07')).toBe('end_date_invalid');
  });

  it('is open through the end date, due to close the day after, from 08:00 (or at any hour later on)', () => {
    const round = { status: 'OPEN' as const, startDate: '2025-04-07', endDate: '2025-04-18' };
    expect(roundPhase(round, '2025-04-18')).toBe('open');
    expect(roundPhase(round, '2025-04-19')).toBe('closing');
    expect(roundPhase({ ...round, status: 'CLOSED' }, '2025-04-10')).toBe('closed');
    expect(closeDue(round, { date: '2025-04-18', hour: 23 })).toBe(false);
    expect(closeDue(round, { date: '2025-04-19', hour: 7 })).toBe(false);
    expect(closeDue(round, { date: '2025-04-19', hour: 8 })).toBe(true);
    expect(closeDue(round, { date: '2025-04-21', hour: 1 })).toBe(true);
  });

  it('reminds on day 3, then weekly, and on the last day, never at a weekend', () => {
    // Monday 7 April to Friday 2 May.
    expect(reminderDates('2025-04-07', '2025-05-02')).toEqual([
      '2025-04-10',
      '2025-04-17',
      '2025-04-24',
      '2025-05-01',
      '2025-05-02',
    ]);
    // Friday 4 April to Sunday 13 April: day 3 is Monday; the Sunday end moves to Friday.
    expect(reminderDates('2025-04-04', '2025-04-13')).toEqual(['2025-04-07', '2025-04-11']);
    // A round of one day: only its last day.
    expect(reminderDates('2025-04-07', '2025-04-08')).toEqual(['2025-04-08']);
    const round = { status: 'OPEN' as const, startDate: '2025-04-07', endDate: '2025-04-18' };
    expect(reminderDue(round, { date: '2025-04-10', hour: 8 })).toBe(false);
    expect(reminderDue(round, { date: '2025-04-10', hour: 9 })).toBe(true);
    expect(reminderDue(round, { date: '2025-04-11', hour: 9 })).toBe(false);
  });
});

describe('sums and what may be shown', () => {
  it('adds levels per statement; "don\'t know" counts in no mean', () => {
    const t = sums([
      [5, 4, 3, 2, 4, 3],
      [3, 0, 3, 2, 4, 3],
    ]).totals;
    const ke1 = t[ids[0]!]!;
    expect(ke1.respondents).toBe(2);
    expect(Object.values(ke1.items)).toEqual([
      { sum: 8, count: 2 },
      { sum: 8, count: 2 },
      { sum: 8, count: 2 },
    ]);
    expect(t[ids[1]!]).toEqual({ respondents: 1, items: expect.any(Object) });
  });

  it('shows nothing below three answers, and an element only with three levels', () => {
    expect(
      roundResult(
        FSM,
        sums([
          [5, 5, 5, 5, 5, 5],
          [1, 1, 1, 1, 1, 1],
        ]),
      ),
    ).toEqual({
      shown: false,
      reason: 'too_few',
    });
    const r = roundResult(
      FSM,
      sums([
        [5, 4, 3, 2, 4, 0],
        [4, 4, 3, 2, 5, 0],
        [3, 4, 2, 3, 4, 5],
      ]),
    );
    if (!r.shown) throw new Error('expected a result');
    expect(r.elements.map((e) => e.level)).toEqual([4, 4, 2.7, 2.3, 4.3, undefined]);
    // Median of 2.3, 2.7, 4, 4, 4.3.
    expect(r.median).toBe(4);
    expect(r.medianChange).toBeUndefined();
  });

  it('compares with the previous round, element by element, as shown (one decimal)', () => {
    const before = sums([
      [3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3],
      [4, 3, 3, 3, 3, 3],
    ]);
    const now = sums([
      [4, 3, 3, 3, 3, 3],
      [4, 3, 3, 3, 3, 3],
      [4, 3, 2, 3, 3, 3],
    ]);
    const r = roundResult(FSM, now, before);
    if (!r.shown) throw new Error('expected a result');
    expect(r.elements.map((e) => [e.level, e.previous, e.change])).toEqual([
      [4, 3.3, 0.7],
      [3, 3, 0],
      [2.7, 3, -0.3],
      [3, 3, 0],
      [3, 3, 0],
      [3, 3, 0],
    ]);
    // A previous round with two answers does not count as a comparison.
    const r2 = roundResult(
      FSM,
      now,
      sums([
        [1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1],
      ]),
    );
    expect(r2.shown && r2.elements.every((e) => e.change === undefined)).toBe(true);
  });

  it('pools several teams as one sum (the municipality’s digest)', () => {
    const a = sums([
      [5, 5, 5, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
    ]);
    const b = sums([
      [2, 2, 2, 2, 2, 2],
      [2, 2, 2, 2, 2, 2],
      [2, 2, 2, 2, 2, 2],
      [2, 2, 2, 2, 2, 2],
    ]);
    const pooled = { answeredCount: 7, totals: poolTotals([a.totals, b.totals]) };
    const r = roundResult(FSM, pooled);
    // (3·5 + 4·2) / 7 = 3.29 → 3.3
    expect(r.shown && r.elements[0]?.level).toBe(3.3);
  });
});
