/**
 * Finds CPR-shaped numbers in free text: DDMMYY-SSSS or ten digits in a row, whose first six digits
 * are a real calendar date once the century is derived from digit 7. Modulus 11 is deliberately NOT
 * tested: since 2007 CPR issues valid numbers that fail it (domain-research §4.1).
 * Time is passed in so a birth date "in the future" can be told from a real one.
 */

// Digits that are not part of a longer run; an optional hyphen or space between date and serial.
const CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?(\d)(\d{3})(?!\d)/g;

function centuryFor(digit7: number, yy: number): number {
  if (digit7 <= 3) return 1900;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True if `text` contains at least one CPR-shaped number with a real birth date not after `now`. */
export function containsCpr(text: string, now: Date): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const [, dd, mm, yy, d7] = match;
    if (dd === undefined || mm === undefined || yy === undefined || d7 === undefined) continue;
    const year = centuryFor(Number(d7), Number(yy)) + Number(yy);
    if (!isRealDate(year, Number(mm), Number(dd))) continue;
    if (Date.UTC(year, Number(mm) - 1, Number(dd)) > now.getTime()) continue;
    return true;
  }
  return false;
}

/** Names of the fields in `values` whose text holds a CPR-shaped number (nested objects and arrays included). */
export function fieldsWithCpr(values: unknown, now: Date, path = ''): string[] {
  if (typeof values === 'string') return containsCpr(values, now) ? [path || '(text)'] : [];
  if (Array.isArray(values)) return values.flatMap((v, i) => fieldsWithCpr(v, now, `${path}[${i}]`));
  if (values !== null && typeof values === 'object') {
    return Object.entries(values).flatMap(([k, v]) => fieldsWithCpr(v, now, path ? `${path}.${k}` : k));
  }
  return [];
}
