import type { CaseFacts } from '../../bot/domain/case-facts';
import type { FollowUpStatus } from '../../bot/domain/follow-up-cadence';
import { countCaseload, pageOf, prioritise } from '../../bot/features/caseload/rules';
import { progressionDueFor } from '../../bot/features/progression/applies';
import { BUILT_IN_SETS, type CatalogueEntry } from '../../bot/features/progression/indicator-sets';

const status = (state: FollowUpStatus['state'], dueDate: string, daysPastDue: number): FollowUpStatus => ({
  state,
  dueDate,
  since: '2025-01-01',
  intervalDays: 42,
  inPlacement: false,
  daysPastDue,
});

describe('the order of Mine borgere', () => {
  it('puts overdue (longest first), due, soon, a due measurement, on track, and no rhythm in that order', () => {
    const rows = [
      { caseRef: 'A-NONE' },
      { caseRef: 'B-OK-LATE', followUp: status('ok', '2025-05-01', -50) },
      { caseRef: 'C-OK-EARLY', followUp: status('ok', '2025-04-01', -20) },
      { caseRef: 'D-MEASURE', followUp: status('ok', '2025-06-01', -80), progressionDue: '2025-03-01' },
      { caseRef: 'E-SOON', followUp: status('soon', '2025-03-20', -10) },
      { caseRef: 'F-DUE', followUp: status('due', '2025-03-10', 0) },
      { caseRef: 'G-OVERDUE-2', followUp: status('overdue', '2025-03-08', 2) },
      { caseRef: 'H-OVERDUE-9', followUp: status('overdue', '2025-03-01', 9), progressionDue: '2025-01-01' },
    ];
    expect(prioritise(rows).map((r) => r.caseRef)).toEqual([
      'H-OVERDUE-9',
      'G-OVERDUE-2',
      'F-DUE',
      'E-SOON',
      'D-MEASURE',
      'C-OK-EARLY',
      'B-OK-LATE',
      'A-NONE',
    ]);
    expect(countCaseload(rows)).toEqual({ cases: 8, overdue: 2, due: 1, soon: 1, progression: 2 });
  });

  it('puts a group 2 case whose rehabilitation meeting passed unheld with the overdue, not with the cases without rhythm', () => {
    const rows = [
      { caseRef: 'A-G2-ON-TIME', meetingOverdue: false },
      { caseRef: 'B-OK', followUp: status('ok', '2025-04-01', -20) },
      { caseRef: 'C-G2-MEETING-PASSED', meetingOverdue: true },
      { caseRef: 'D-DUE', followUp: status('due', '2025-03-10', 0) },
      { caseRef: 'E-OVERDUE-3', followUp: status('overdue', '2025-03-07', 3) },
    ];
    expect(prioritise(rows).map((r) => r.caseRef)).toEqual([
      'E-OVERDUE-3',
      'C-G2-MEETING-PASSED',
      'D-DUE',
      'B-OK',
      'A-G2-ON-TIME',
    ]);
    // The counts at the top are about follow-ups; the meeting is marked on its own row.
    expect(countCaseload(rows)).toMatchObject({ cases: 5, overdue: 1, due: 1 });
  });

  it('shows the last page for a page number past the end', () => {
    const rows = Array.from({ length: 23 }, (_, i) => i);
    expect(pageOf(rows, 0, 10)).toEqual({ items: rows.slice(0, 10), page: 0, pages: 3 });
    expect(pageOf(rows, 7, 10)).toEqual({ items: [20, 21, 22], page: 2, pages: 3 });
    expect(pageOf([], 3, 10)).toEqual({ items: [], page: 0, pages: 1 });
  });
});

describe('when a progression measurement is due', () => {
  const facts = {
    caseRef: 'X',
    status: 'ACTIVE',
    g1Intervals: [{ from: '2025-01-06' }],
    progression: [],
    nextProgressionDue: '2025-01-06',
  } as unknown as CaseFacts;
  const builtIn: CatalogueEntry[] = BUILT_IN_SETS.map((set) => ({ set, builtIn: true }));

  it('is due in an active group-1 case with a set to measure with', () => {
    expect(progressionDueFor(facts, 'ACTIVE', '2025-03-10', builtIn)).toBe('2025-01-06');
    expect(progressionDueFor(facts, 'ACTIVE', '2025-01-05', builtIn)).toBeUndefined();
  });

  it('is never due in a paused case, outside group 1, or when no indicator set for group 1 can be chosen', () => {
    expect(progressionDueFor(facts, 'PAUSED', '2025-03-10', builtIn)).toBeUndefined();
    expect(progressionDueFor({ ...facts, g1Intervals: [] }, 'VISITED', '2025-03-10', builtIn)).toBeUndefined();
    const retired = builtIn.map((e) => ({ ...e, set: { ...e.set, status: 'RETIRED' as const } }));
    expect(progressionDueFor(facts, 'ACTIVE', '2025-03-10', retired)).toBeUndefined();
  });
});
