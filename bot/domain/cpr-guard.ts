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
  // Plain printable ASCII is already normal (most ids and commands): skip the Unicode work.
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\u00AD]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-');
}

const PLAIN_ASCII = /^[\x20-\x7e\n\r\t]*$/;

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

/**
 * Identifiers machines make: UUIDs (Entra ids, submission and document ids, Cosmos ETags) and long
 * hex runs (hashes). One in 2,500 random UUIDs holds a DDMMYY-SSSS shape ("ab120394-5678-…") that is
 * no CPR number; nobody types a CPR number as part of one, so they are blanked before the scan.
 */
const MACHINE_ID =
  /(?<![0-9a-z])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})(?![0-9a-z])/gi;

const withoutMachineIds = (text: string): string => text.replace(MACHINE_ID, (id) => ' '.repeat(id.length));

function isCprAt(match: RegExpMatchArray, now: Date): boolean {
  const [, dd, mm, yy, d7] = match;
  if (dd === undefined || mm === undefined || yy === undefined || d7 === undefined) return false;
  const year = centuryFor(Number(d7), Number(yy)) + Number(yy);
  if (!isRealDate(year, Number(mm), Number(dd))) return false;
  return Date.UTC(year, Number(mm) - 1, Number(dd)) <= now.getTime();
}

/** True if `text` contains at least one CPR-shaped number with a real birth date not after `now`. */
export function containsCpr(text: string, now: Date): boolean {
  for (const match of withoutMachineIds(normalise(text)).matchAll(CANDIDATE)) if (isCprAt(match, now)) return true;
  return false;
}

/**
 * The text with every CPR-shaped number's digits replaced by "•", so a refused form can be shown
 * again with what the user typed around it, without echoing the number. The text comes back
 * normalised (see `normalise`).
 */
export function maskCpr(text: string, now: Date): string {
  const normalised = normalise(text);
  const scanned = withoutMachineIds(normalised);
  let out = '';
  let from = 0;
  for (const match of scanned.matchAll(CANDIDATE)) {
    if (!isCprAt(match, now) || match.index === undefined) continue;
    out += normalised.slice(from, match.index) + match[0].replace(/\d/g, '•');
    from = match.index + match[0].length;
  }
  return out + normalised.slice(from);
}

/** `values` with every string that holds a CPR-shaped number masked (nested objects and arrays included). */
export function maskCprIn(values: unknown, now: Date): unknown {
  if (typeof values === 'string') return containsCpr(values, now) ? maskCpr(values, now) : values;
  if (Array.isArray(values)) return values.map((v) => maskCprIn(v, now));
  if (values !== null && typeof values === 'object')
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, maskCprIn(v, now)]));
  return values;
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
