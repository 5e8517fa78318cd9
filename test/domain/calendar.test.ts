import { DateTime } from 'luxon';
import { addDays, daysBetween, isoWeekOf, isoWeeksEndingAt } from '../../bot/domain/calendar';

/**
 * The calendar remembers what luxon said of each date (bot/domain/calendar.ts); every answer must
 * still be luxon's own, the first time and from memory, around New Year, leap days and far dates.
 */
const utc = (d: string) => DateTime.fromISO(d, { zone: 'utc' });
const luxonAddDays = (d: string, n: number) => utc(d).plus({ days: n }).toISODate();
const luxonDaysBetween = (a: string, b: string) => Math.round(utc(b).diff(utc(a), 'days').days);
const luxonWeek = (d: string) => `${utc(d).weekYear}-W${String(utc(d).weekNumber).padStart(2, '0')}`;

/** A deterministic spread of dates from 1990 to 2060, with the awkward ones first. */
function dates(): string[] {
  const out = ['2024-02-29', '2024-12-30', '2025-01-01', '2020-12-31', '2021-01-03', '2026-12-28', '2027-01-04'];
  let x = 12345;
  for (let i = 0; i < 1500; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(DateTime.fromMillis(Date.UTC(1990, 0, 1) + (x % 25_567) * 86_400_000, { zone: 'utc' }).toISODate() ?? '');
  }
  return out;
}

describe('calendar: luxon’s answers, remembered', () => {
  const all = dates();

  it.each([1, 2])(
    'adds days, counts days and names ISO weeks as luxon does (pass %i; the second answers from memory)',
    () => {
      for (const [i, d] of all.entries()) {
        const other = all[(i * 7 + 3) % all.length] ?? d;
        const n = ((i * 37) % 801) - 400;
        expect(addDays(d, n)).toBe(luxonAddDays(d, n));
        expect(daysBetween(d, other)).toBe(luxonDaysBetween(d, other));
        expect(isoWeekOf(d)).toBe(luxonWeek(d));
      }
    },
  );

  it('keeps luxon’s answer for what is not a plain date', () => {
    expect(addDays('2025-02-30', 1)).toBe('2025-02-30');
    expect(Number.isNaN(daysBetween('not a date', '2025-01-01'))).toBe(true);
    expect(addDays('2025-03-01T12:00:00Z', 1)).toBe('2025-03-02');
    expect(isoWeeksEndingAt('2025-01-02', 3)).toEqual(['2024-W51', '2024-W52', '2025-W01']);
  });
});
