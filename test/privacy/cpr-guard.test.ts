import { containsCpr, fieldsWithCpr } from '../../bot/domain/cpr-guard';

/** Modulus-11 as CPR used it until 2007; here only to prove the examples cover both kinds. */
function passesMod11(cpr: string): boolean {
  const digits = cpr.replace(/\D/g, '').split('').map(Number);
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11 === 0;
}

const NOW = new Date('2026-11-23T12:00:00Z');

describe('CPR guard: real-format numbers are found', () => {
  const withMod11 = ['070761-4285', '0707614285'];
  const withoutMod11 = ['010165-1234', '0101651234', '010190-4011', '010184-2345'];

  it('the examples include numbers that pass modulus 11 and numbers issued since 2007 that do not', () => {
    expect(withMod11.every(passesMod11)).toBe(true);
    expect(withoutMod11.some(passesMod11)).toBe(false);
  });

  it.each([...withMod11, ...withoutMod11])('finds %s on its own and inside a sentence', (cpr) => {
    expect(containsCpr(cpr, NOW)).toBe(true);
    expect(containsCpr(`Borgeren (${cpr}) ringede i dag`, NOW)).toBe(true);
    expect(containsCpr(`cpr:${cpr}.`, NOW)).toBe(true);
  });

  it.each([
    ['hyphen with spaces', '010165 - 1234'],
    ['a space instead of the hyphen', '010165 1234'],
    ['an en dash from a word processor', '010165–1234'],
    ['a Unicode minus sign', '010165−1234'],
    ['a non-breaking hyphen', '010165‑1234'],
    ['full-width digits', '０１０１６５－１２３４'],
    ['a zero-width space inside', '0101\u200B65-1234'],
    ['a soft hyphen inside', '010165\u00AD1234'],
    ['letters glued on both sides', 'abc0101651234xyz'],
    ['a line break around it', 'Note:\n010165-1234\nslut'],
  ])('finds a CPR number written with %s', (_how, text) => {
    expect(containsCpr(text, NOW)).toBe(true);
  });

  it('uses digit 7 for the century: 29 Feb 2000 is a date, 29 Feb 1900 is not', () => {
    expect(containsCpr('290200-4321', NOW)).toBe(true); // digit 7 = 4, YY 00 → 2000, a leap year
    expect(containsCpr('290200-1234', NOW)).toBe(false); // digit 7 = 1 → 1900, not a leap year
    expect(containsCpr('290296-1234', NOW)).toBe(true); // 1996 is a leap year
    expect(containsCpr('010160-5123', NOW)).toBe(true); // digit 7 = 5, YY 60 → 1860
    expect(containsCpr('010110-5123', NOW)).toBe(true); // digit 7 = 5, YY 10 → 2010
  });

  it('treats a birth date after today as not a CPR number, and today as one', () => {
    expect(containsCpr('231126-4123', NOW)).toBe(true); // 23 Nov 2026 (today)
    expect(containsCpr('241126-4123', NOW)).toBe(false); // tomorrow
    expect(containsCpr('010130-4123', NOW)).toBe(false); // 2030
    expect(containsCpr('010130-1123', NOW)).toBe(true); // digit 7 = 1 → 1930
  });

  it('finds the one CPR number among many other numbers', () => {
    expect(containsCpr('Tlf 20 30 40 50, sag 2024-123456, møde 12-05-2024 kl 10:30, cpr 010165-1234', NOW)).toBe(true);
  });
});

describe('CPR guard: look-alikes are let through', () => {
  it.each([
    ['day 32', '320199-1234'],
    ['month 13', '311399-1234'],
    ['day 0', '000199-1234'],
    ['31 April', '310499-1234'],
    ['month 0', '010099-1234'],
    ['29 Feb in a common year', '290201-4123'],
    ['a Danish phone number', '20 30 40 50'],
    ['an 8-digit phone number', '20304050'],
    ['a phone number with country code', '+45 20 30 40 50'],
    ['a phone number with country code, no spaces', '+4520304050'],
    ['a 10-digit number that is no date', '2030405060'],
    ['a generated case ref', 'FR-7KQ2-M9XA'],
    ['a municipal case number', '2024-123456'],
    ['a KLE journal number', '24.10.01-G01-1234-24'],
    ['an ISO date', '2024-05-12'],
    ['a Danish date', '12-05-2024'],
    ['a dotted date', '12.05.2024'],
    ['eleven digits', '01016512345'],
    ['a longer run of digits', 'EAN 5701234567899'],
    ['nine digits', '010165123'],
    ['a date and a time', '010165 12:34'],
    ['hours in a sentence', 'Borgeren arbejder 12 timer om ugen, målet er 30.'],
  ])('lets %s through (%s)', (_what, text) => {
    expect(containsCpr(text, NOW)).toBe(false);
  });
});

describe('CPR guard over card data', () => {
  it('names the fields (nested and in arrays) that hold a CPR number, and only those', () => {
    const data = {
      note: 'ok',
      contact: { phone: '+45 20 30 40 50', remark: 'cpr 010165-1234' },
      lines: ['fine', 'also 0707614285'],
      hours: 12,
    };
    expect(fieldsWithCpr(data, NOW)).toEqual(['contact.remark', 'lines[1]']);
    expect(fieldsWithCpr({ note: 'Sag FR-7KQ2-M9XA', n: 320199 }, NOW)).toEqual([]);
    expect(fieldsWithCpr('010165-1234', NOW)).toEqual(['(text)']);
  });
});
