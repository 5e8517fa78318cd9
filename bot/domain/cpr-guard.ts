/**
 * Finds CPR-shaped numbers in free text: DDMMYY-SSSS or ten digits in a row, whose first six digits
 * are a real calendar date once the century is derived from digit 7. Modulus 11 is deliberately NOT
 * tested: since 2007 CPR issues valid numbers that fail it (domain-research §4.1).
 * Time is passed in so a birth date "in the future" can be told from a real one.
 */

// Digits that are not part of a longer run; between date and serial an optional hyphen (spaces
// around it allowed) or one space.
const CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})(?:\s*-\s*|\s)?(\d)(\d{3})(?!\d)/g;

/**
 * Text as a person meant it: full-width digits become ASCII (NFKC), invisible format characters
 * (zero-width spaces, soft hyphens) are dropped, and every dash or minus sign is a hyphen. Word
 * processors turn "-" into "–", and a CPR number must not slip through because of that.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\u00AD]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-');
}

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
  for (const match of normalise(text).matchAll(CANDIDATE)) {
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
