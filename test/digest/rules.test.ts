import { dueInstant, digestWeekOf } from '../../bot/features/digest/calendar';
import { isDue, mergeOptions, nextDue, parseSubscriptionOptions } from '../../bot/features/digest/rules';

/** Reading the subscribe command, and when a weekly digest is due (Europe/Copenhagen, across DST). */
const ZONE = 'Europe/Copenhagen';

describe('subscription options', () => {
  it('defaults to the municipality, Monday 08:00 and Danish, whatever language the leader writes in', () => {
    expect(parseSubscriptionOptions('')).toEqual({ ok: true, options: {} });
    expect(mergeOptions({}, undefined)).toEqual({ scope: 'municipality', weekday: 1, time: '08:00', locale: 'da' });
  });

  it('changes only what is written when the channel already has a subscription', () => {
    const current = { scope: 'team', weekday: 4, time: '09:30', locale: 'da' } as const;
    const given = parseSubscriptionOptions('på engelsk');
    expect(given).toEqual({ ok: true, options: { locale: 'en' } });
    expect(mergeOptions(given.ok ? given.options : {}, current)).toEqual({
      scope: 'team',
      weekday: 4,
      time: '09:30',
      locale: 'en',
    });
  });

  it('reads scope, weekday, time and language in Danish and English', () => {
    expect(parseSubscriptionOptions('for teamet hver fredag kl. 13:30 på engelsk')).toEqual({
      ok: true,
      options: { scope: 'team', weekday: 5, time: '13:30', locale: 'en' },
    });
    expect(parseSubscriptionOptions('for the municipality on tuesdays at 7 in danish')).toEqual({
      ok: true,
      options: { scope: 'municipality', weekday: 2, time: '07:00', locale: 'da' },
    });
    expect(parseSubscriptionOptions('søndag 9.15')).toMatchObject({ options: { weekday: 7, time: '09:15' } });
  });

  it('refuses a time that does not exist, naming it', () => {
    expect(parseSubscriptionOptions('kl. 25:00')).toEqual({ ok: false, problem: 'bad_time', value: 'kl. 25:00' });
    expect(parseSubscriptionOptions('at 8:75')).toEqual({ ok: false, problem: 'bad_time', value: 'at 8:75' });
  });

  it('refuses words it does not understand instead of guessing', () => {
    expect(parseSubscriptionOptions('for teamet hver fridag')).toEqual({
      ok: false,
      problem: 'unknown_words',
      value: 'hver fridag',
    });
  });
});

describe('due times across daylight saving', () => {
  it('keeps Monday 08:00 at 08:00 local time on both sides of the spring change (30 March 2025)', () => {
    // Week 13 (before the change, CET = UTC+1) and week 14 (after, CEST = UTC+2).
    expect(dueInstant('2025-W13', 1, '08:00', ZONE).toISOString()).toBe('2025-03-24T07:00:00.000Z');
    expect(dueInstant('2025-W14', 1, '08:00', ZONE).toISOString()).toBe('2025-03-31T06:00:00.000Z');
  });

  it('handles a slot on the very Sunday the clocks change, and one in the hour that does not exist', () => {
    expect(dueInstant('2025-W13', 7, '08:00', ZONE).toISOString()).toBe('2025-03-30T06:00:00.000Z');
    // 02:30 does not exist that night; it moves forward to 03:30 CEST.
    expect(dueInstant('2025-W13', 7, '02:30', ZONE).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // Autumn: 26 October 2025, back to CET.
    expect(dueInstant('2025-W43', 7, '08:00', ZONE).toISOString()).toBe('2025-10-26T07:00:00.000Z');
  });

  it('takes the ISO week and as-of Monday from local time, not UTC', () => {
    // Sunday 23:30 UTC is already Monday 01:30 in Copenhagen (summer time).
    expect(digestWeekOf(new Date('2025-03-30T23:30:00Z'), ZONE)).toEqual({ isoWeek: '2025-W14', asOf: '2025-03-31' });
    expect(digestWeekOf(new Date('2025-03-30T21:30:00Z'), ZONE)).toEqual({ isoWeek: '2025-W13', asOf: '2025-03-24' });
  });

  it('finds the first delivery: this week if the slot is ahead, else next week', () => {
    expect(nextDue(new Date('2025-03-24T06:00:00Z'), 1, '08:00', ZONE).toISOString()).toBe('2025-03-24T07:00:00.000Z');
    expect(nextDue(new Date('2025-03-25T06:00:00Z'), 1, '08:00', ZONE).toISOString()).toBe('2025-03-31T06:00:00.000Z');
  });

  it('is due from the slot to the end of the week, but not for a week that passed before the subscription', () => {
    const sub = { weekday: 1, time: '08:00', timeZone: ZONE, activeSince: '2025-03-20T10:00:00Z' };
    expect(isDue(new Date('2025-03-31T05:59:00Z'), sub).due).toBe(false);
    expect(isDue(new Date('2025-03-31T06:00:00Z'), sub)).toMatchObject({ due: true, isoWeek: '2025-W14' });
    expect(isDue(new Date('2025-04-06T21:59:00Z'), sub)).toMatchObject({ due: true, isoWeek: '2025-W14' });
    // Subscribed on Tuesday: Monday's slot had passed, so nothing until next Monday.
    expect(isDue(new Date('2025-04-02T10:00:00Z'), { ...sub, activeSince: '2025-04-01T10:00:00Z' }).due).toBe(false);
  });
});
