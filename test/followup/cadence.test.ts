import { cadenceOn, followUpStatus, latestNextDue, needsNudge } from '../../bot/domain/follow-up-cadence';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import type { PlacementDates } from '../../bot/domain/placement';

const settings = defaultTenantSettings();
const placement = (p: Partial<PlacementDates> = {}): PlacementDates => ({
  status: 'ACTIVE',
  startDate: '2025-03-01',
  plannedEndDate: '2025-05-31',
  ...p,
});

describe('follow-up cadence (time passed in)', () => {
  it('is due 42 days after the last conversation by default, soon from day 28, overdue after', () => {
    const input = { lastContactAt: '2025-01-01', placements: [] };
    expect(followUpStatus(input, settings, '2025-01-28')?.state).toBe('ok');
    expect(followUpStatus(input, settings, '2025-01-29')?.state).toBe('soon');
    expect(followUpStatus(input, settings, '2025-02-12')).toMatchObject({ state: 'due', dueDate: '2025-02-12' });
    expect(followUpStatus(input, settings, '2025-02-15')).toMatchObject({ state: 'overdue', daysPastDue: 3 });
  });

  it('counts from the visitation before the first conversation, and from nothing never', () => {
    expect(followUpStatus({ baselineDate: '2025-01-01', placements: [] }, settings, '2025-02-13')?.state).toBe(
      'overdue',
    );
    expect(followUpStatus({ placements: [] }, settings, '2025-02-13')).toBeUndefined();
  });

  it('uses 14 days (soon from day 10) while a placement is active – the placement exception', () => {
    const input = { lastContactAt: '2025-03-03', placements: [placement()] };
    expect(followUpStatus(input, settings, '2025-03-12')).toMatchObject({ state: 'ok', inPlacement: true });
    expect(followUpStatus(input, settings, '2025-03-13')?.state).toBe('soon');
    expect(followUpStatus(input, settings, '2025-03-17')).toMatchObject({ state: 'due', intervalDays: 14 });
    expect(followUpStatus(input, settings, '2025-03-18')?.state).toBe('overdue');
    // The same dates without the placement are nowhere near due.
    expect(followUpStatus({ ...input, placements: [] }, settings, '2025-03-18')?.state).toBe('ok');
  });

  it('counts a placement only between its start and its (actual, else planned) end, and not while planned', () => {
    const on = (p: PlacementDates, d: string) => cadenceOn(d, [p], settings).inPlacement;
    expect(on(placement(), '2025-02-28')).toBe(false);
    expect(on(placement(), '2025-03-01')).toBe(true);
    expect(on(placement(), '2025-06-01')).toBe(false);
    expect(on(placement({ status: 'PLANNED' }), '2025-03-10')).toBe(false);
    expect(on(placement({ status: 'INTERRUPTED', actualEndDate: '2025-03-20' }), '2025-03-21')).toBe(false);
  });

  it('lets a planned date bring the next follow-up forward, never push it past the cadence', () => {
    const base = { lastContactAt: '2025-01-01', placements: [] };
    expect(followUpStatus({ ...base, plannedNextDue: '2025-01-20' }, settings, '2025-01-21')).toMatchObject({
      state: 'overdue',
      dueDate: '2025-01-20',
    });
    expect(followUpStatus({ ...base, plannedNextDue: '2025-03-30' }, settings, '2025-02-12')?.dueDate).toBe(
      '2025-02-12',
    );
    expect(latestNextDue('2025-03-03', [placement()], settings)).toBe('2025-03-17');
    expect(latestNextDue('2025-01-03', [placement()], settings)).toBe('2025-02-14');
  });

  it('follows the municipality’s own cadence settings', () => {
    const own = { ...settings, cadenceDaysDefault: 28, cadenceDaysWarn: 21 };
    const s = followUpStatus({ lastContactAt: '2025-01-01', placements: [] }, own, '2025-01-22');
    expect(s).toMatchObject({ state: 'soon', dueDate: '2025-01-29' });
  });

  it('nudges for due and overdue only', () => {
    const at = (today: string) => followUpStatus({ lastContactAt: '2025-01-01', placements: [] }, settings, today);
    expect(needsNudge(at('2025-01-30'))).toBe(false);
    expect(needsNudge(at('2025-02-12'))).toBe(true);
    expect(needsNudge(at('2025-03-01'))).toBe(true);
    expect(needsNudge(undefined)).toBe(false);
  });
});
