import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, businessDate, daysBetween, isoWeekOf, weekdayOf } from '../../bot/domain/calendar';

/**
 * The date helpers do plain-date arithmetic without luxon (they run on every case-facts rebuild);
 * luxon, an independent implementation, is the oracle here, over a wide span of dates.
 */
const luxon = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const anyDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar arithmetic', () => {
  it('agrees with luxon on ISO weeks, weekdays, adding days and counting days', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -800, max: 800 }), (a, b, n) => {
        const d = luxon(a);
        expect(isoWeekOf(a)).toBe(`${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`);
        expect(weekdayOf(a)).toBe(d.weekday);
        expect(addDays(a, n)).toBe(d.plus({ days: n }).toISODate());
        expect(daysBetween(a, b)).toBe(Math.round(luxon(b).diff(d, 'days').days));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with luxon on the calendar date of an instant in a time zone', () => {
    const zones = ['Europe/Copenhagen', 'UTC', 'America/Nuuk', 'Pacific/Kiritimati'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (at, zone) => expect(businessDate(at, zone)).toBe(DateTime.fromJSDate(at, { zone }).toISODate()),
      ),
      { numRuns: 2000 },
    );
  });

  it('knows the weeks around New Year', () => {
    expect(isoWeekOf('2020-12-31')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-12-02')).toBe('2026-W49');
  });

  it('leaves a date that does not exist as it is', () => {
    expect(addDays('2025-02-30', 1)).toBe('2025-02-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });
});
