import { PLACEMENT_TYPES, type PlacementType } from '../../domain/case';
import {
  COMPANY_CONTACT_KINDS,
  COMPANY_CONTACT_MODES,
  MAX_CONTACT_PERSONS,
  OPENING_STATUSES,
  OPEN_TO,
  type CompanyContactKind,
  type ContactPerson,
  type OpenTo,
  type OpeningStatus,
} from '../../domain/company';
import { InvalidInputError } from '../../domain/errors';
import { isValidCvr, normaliseCvr } from '../agreement/rules';
import type { FormReader } from '../case-work/form-reader';

/** Pure rules of the company feature: what the company, opening and contact forms accept. */

/** Lower-case name and CVR: what "virksomhed <navn|cvr>" searches. */
export const searchTextOf = (name: string, cvr: string): string =>
  `${name.toLowerCase().replace(/\s+/g, ' ').trim()} ${cvr}`.slice(0, 200);

/** What a user typed after "virksomhed": a CVR (spaces and DK allowed) or part of a name. */
export function parseCompanyQuery(raw: string): { readonly cvr: string } | { readonly text: string } | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const cvr = normaliseCvr(trimmed);
  if (/^\d{8}$/.test(cvr)) return { cvr };
  return { text: trimmed.toLowerCase().replace(/\s+/g, ' ') };
}

export { isValidCvr, normaliseCvr };

export function readCvr(form: FormReader): string {
  const cvr = normaliseCvr(form.text('cvr', { required: true, max: 20 }) ?? '');
  if (!isValidCvr(cvr)) throw new InvalidInputError('cvr_invalid', {}, 'cvr');
  return cvr;
}

/** Branche: a DB07 code (2–6 digits; dots and spaces allowed when typing) or words. */
export function readIndustry(form: FormReader): { industryCode?: string; industry?: string } {
  const raw = form.text('industry', { max: 120 });
  if (raw === undefined) return {};
  const digits = raw.replace(/[.\s]/g, '');
  if (/^\d+$/.test(digits)) {
    if (!/^\d{2,6}$/.test(digits)) throw new InvalidInputError('industry_invalid', {}, 'industry');
    return { industryCode: digits };
  }
  return { industry: raw };
}

const PHONE = /^\+?[\d\s-]{8,20}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const personField = (i: number, part: 'name' | 'role' | 'phone' | 'email'): string => `person${i}_${part}`;

/** Up to three contact persons; a row with anything in it needs a name, and phone and e-mail must look right. */
export function readContactPersons(form: FormReader): ContactPerson[] {
  const persons: ContactPerson[] = [];
  for (let i = 1; i <= MAX_CONTACT_PERSONS; i++) {
    const role = form.text(personField(i, 'role'), { max: 80 });
    const phone = form.text(personField(i, 'phone'), { max: 30 });
    const email = form.text(personField(i, 'email'), { max: 120 });
    const name = form.text(personField(i, 'name'), {
      max: 120,
      required: role !== undefined || phone !== undefined || email !== undefined,
    });
    if (phone !== undefined && !PHONE.test(phone))
      throw new InvalidInputError(
        'phone_invalid',
        { field: form.labelOf(personField(i, 'phone')) },
        personField(i, 'phone'),
      );
    if (email !== undefined && !EMAIL.test(email))
      throw new InvalidInputError(
        'email_invalid',
        { field: form.labelOf(personField(i, 'email')) },
        personField(i, 'email'),
      );
    if (name !== undefined)
      persons.push({
        name,
        ...(role !== undefined ? { role } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(email !== undefined ? { email } : {}),
      });
  }
  return persons;
}

export interface CompanyInput {
  readonly cvr: string;
  readonly name: string;
  readonly address?: string | undefined;
  readonly postcode?: string | undefined;
  readonly city?: string | undefined;
  readonly industryCode?: string | undefined;
  readonly industry?: string | undefined;
  readonly contactPersons: ContactPerson[];
  readonly openTo: OpenTo[];
  readonly notes?: string | undefined;
  readonly ownerId: string;
}

/** The whole company form, or the first field it refuses (nothing is written before all of it is read). */
export function readCompanyForm(form: FormReader, owners: readonly string[], fallbackOwner: string): CompanyInput {
  const cvr = readCvr(form);
  const name = form.text('name', { required: true, max: 120 }) ?? '';
  const address = form.text('address', { max: 120 });
  const postcode = form.text('postcode', { max: 10 });
  if (postcode !== undefined && !/^\d{4}$/.test(postcode))
    throw new InvalidInputError('postcode_invalid', {}, 'postcode');
  const city = form.text('city', { max: 60 });
  const industry = readIndustry(form);
  const contactPersons = readContactPersons(form);
  const openTo = form.choices('openTo', OPEN_TO);
  const notes = form.text('notes', { max: 1000 });
  const ownerId = form.choice('ownerId', owners) ?? fallbackOwner;
  return { cvr, name, address, postcode, city, ...industry, contactPersons, openTo, notes, ownerId };
}

export interface OpeningInput {
  readonly title: string;
  readonly occupationCode?: string | undefined;
  readonly placementType: PlacementType;
  readonly hoursPerWeek: number;
  readonly ordinaryHoursFromStart: number;
  readonly tasks?: string | undefined;
  readonly accommodationPossible: boolean;
  readonly fromDate: string;
  readonly untilDate?: string | undefined;
  readonly status: OpeningStatus;
}

/** The job opening form. Hours are a week's hours (at most 37); ordinary hours from the start cannot exceed them. */
export function readOpeningForm(form: FormReader, oldestDate: string): OpeningInput {
  const title = form.text('title', { required: true, max: 120 }) ?? '';
  const occupationCode = form.text('occupationCode', { max: 10 });
  if (occupationCode !== undefined && !/^\d{4}(\d{2})?$/.test(occupationCode))
    throw new InvalidInputError('occupation_invalid', {}, 'occupationCode');
  const placementType = form.choice('placementType', PLACEMENT_TYPES, { required: true }) ?? 'ORDINARY_EMPLOYMENT';
  const hoursPerWeek = form.number('hoursPerWeek', { min: 1, max: 37, required: true }) ?? 0;
  const ordinaryHoursFromStart = form.number('ordinaryHoursFromStart', { min: 0, max: 37 }) ?? 0;
  if (ordinaryHoursFromStart > hoursPerWeek)
    throw new InvalidInputError('ordinary_over_hours', {}, 'ordinaryHoursFromStart');
  const tasks = form.text('tasks', { max: 500 });
  const accommodationPossible = form.toggle('accommodationPossible');
  const fromDate = form.date('fromDate', { required: true, notBefore: oldestDate }) ?? '';
  const untilDate = form.date('untilDate');
  form.order('fromDate', fromDate, 'untilDate', untilDate);
  const status = form.choice('status', OPENING_STATUSES) ?? 'OPEN';
  return {
    title,
    occupationCode,
    placementType,
    hoursPerWeek,
    ordinaryHoursFromStart,
    tasks,
    accommodationPossible,
    fromDate,
    untilDate,
    status,
  };
}

export interface ContactInput {
  readonly kind: CompanyContactKind;
  readonly mode: (typeof COMPANY_CONTACT_MODES)[number];
  readonly date: string;
  readonly withPerson?: string | undefined;
  readonly note?: string | undefined;
  /** Case references the contact concerned: only the logging jobformidler's own open cases. */
  readonly caseRefs: string[];
}

export const MAX_CASES_PER_CONTACT = 10;

export function readContactForm(
  form: FormReader,
  dates: { readonly today: string; readonly oldest: string },
  ownCases: readonly string[],
): ContactInput {
  const kind = form.choice('kind', COMPANY_CONTACT_KINDS, { required: true }) ?? 'OUTREACH_VISIT';
  const mode = form.choice('mode', COMPANY_CONTACT_MODES, { required: true }) ?? 'IN_PERSON';
  const date = form.date('date', { required: true, notAfter: dates.today, notBefore: dates.oldest }) ?? dates.today;
  const withPerson = form.text('withPerson', { max: 120 });
  const note = form.text('note', { max: 500 });
  const caseRefs = form.choices('cases', ownCases);
  if (caseRefs.length > MAX_CASES_PER_CONTACT)
    throw new InvalidInputError('too_many_cases', { max: MAX_CASES_PER_CONTACT }, 'cases');
  return { kind, mode, date, withPerson, note, caseRefs };
}
