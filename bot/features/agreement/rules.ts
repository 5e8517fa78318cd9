import { PLACEMENT_TYPES, type PlacementType } from '../../domain/case';
import { InvalidInputError } from '../../domain/errors';
import { MAX_PRAKTIK_HOURS, PRAKTIK_TYPES } from '../../domain/placement';
import {
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  CHECKLIST_VALUE_MAX,
  NOT_RELEVANT_WITH_REASON,
  entryOf,
  hoursValue,
  type AgreementDoc,
  type ChecklistEntry,
  type ChecklistKey,
  type Company,
} from '../../domain/work-agreement';
import type { FormReader } from '../case-work/form-reader';

/** Form field ids of a checklist item: its status, its value, and (ordinary hours) why it is not relevant. */
export const statusField = (key: string): string => `s_${key}`;
export const valueField = (key: string): string => `v_${key}`;
export const reasonField = (key: string): string => `r_${key}`;

/** What a submitted form holds as an item's value: its reason when it is a "not relevant" with a reason. */
export function submittedValue(submitted: Readonly<Record<string, string>>, key: ChecklistKey): string {
  const notRelevant = submitted[statusField(key)] === 'NOT_RELEVANT' && NOT_RELEVANT_WITH_REASON.includes(key);
  return submitted[notRelevant ? reasonField(key) : valueField(key)] ?? '';
}

/** The form fields of one stored item: a reason goes in the reason field, a value in the value field. */
export function itemFields(e: ChecklistEntry): Record<string, string> {
  const fields: Record<string, string> = { [statusField(e.key)]: e.status };
  if (e.value === undefined) return fields;
  const notRelevant = e.status === 'NOT_RELEVANT' && NOT_RELEVANT_WITH_REASON.includes(e.key);
  fields[notRelevant ? reasonField(e.key) : valueField(e.key)] = e.value;
  return fields;
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** "DK 10 15 08 17" → "10150817": spaces, dashes and a DK prefix are allowed when typing. */
export const normaliseCvr = (raw: string): string => raw.replace(/^dk/i, '').replace(/[\s-]/g, '');

/** A CVR number: 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. */
export function isValidCvr(cvr: string): boolean {
  if (!/^\d{8}$/.test(cvr)) return false;
  const sum = CVR_WEIGHTS.reduce((acc, w, i) => acc + w * Number(cvr[i]), 0);
  return sum % 11 === 0;
}

export function readCompany(form: FormReader): Company {
  const raw = form.text('cvr', { required: true, max: 20 }) ?? '';
  const cvr = normaliseCvr(raw);
  if (!isValidCvr(cvr)) throw new InvalidInputError('cvr_invalid', {}, 'cvr');
  return {
    cvr,
    name: form.text('companyName', { required: true, max: 120 }) ?? '',
    contactName: form.text('contactName', { required: true, max: 120 }) ?? '',
  };
}

export const readPlacementType = (form: FormReader): PlacementType =>
  form.choice('placementType', PLACEMENT_TYPES, { required: true }) ?? 'COMPANY_INTERNSHIP';

/** Hours a week an item may hold: total working time is capped at 37 in a praktik (domain-research §2.6). */
export function hoursBounds(key: string, placementType: PlacementType): { min: number; max: number } {
  if (key === 'WORKING_HOURS') return { min: 1, max: 48 };
  return { min: 0, max: PRAKTIK_TYPES.includes(placementType) ? MAX_PRAKTIK_HOURS : 48 };
}

/**
 * Reads the 19 items. An agreed critical item needs its value (a clear agreement); an ordinary-hours
 * item that is "not relevant" needs a reason; hours must be hours, and more than 37 a week in a
 * praktik is refused.
 */
export function readChecklist(form: FormReader, placementType: PlacementType): ChecklistEntry[] {
  const entries = CHECKLIST_ITEMS.map((item): ChecklistEntry => {
    const status = form.choice(statusField(item.key), CHECKLIST_STATUSES) ?? 'NOT_DISCUSSED';
    // An ordinary-hours item that is not relevant keeps its reason as its value, typed in a field of
    // its own (an hours field cannot hold a reason); what the hours field says is then not used.
    if (status === 'NOT_RELEVANT' && NOT_RELEVANT_WITH_REASON.includes(item.key)) {
      const reason = form.text(reasonField(item.key), { max: CHECKLIST_VALUE_MAX });
      if (reason === undefined)
        throw new InvalidInputError('reason_required', { field: form.labelOf(item.key) }, reasonField(item.key));
      return { key: item.key, status, value: reason };
    }
    let value = form.text(valueField(item.key), { max: CHECKLIST_VALUE_MAX });
    if (item.kind === 'hours' && value !== undefined) {
      const n = hoursValue(value);
      const { min, max } = hoursBounds(item.key, placementType);
      if (
        item.key === 'WORKING_HOURS' &&
        n !== undefined &&
        n > MAX_PRAKTIK_HOURS &&
        PRAKTIK_TYPES.includes(placementType)
      )
        throw new InvalidInputError('hours_over_37', {}, valueField(item.key));
      if (n === undefined || n < min || n > max)
        throw new InvalidInputError('hours_value', { field: form.labelOf(item.key), min, max }, valueField(item.key));
      value = String(Math.round(n * 100) / 100);
    }
    if (item.critical && status === 'AGREED' && value === undefined)
      throw new InvalidInputError('value_required', { field: form.labelOf(item.key) }, valueField(item.key));
    return { key: item.key, status, ...(value !== undefined ? { value } : {}) };
  });
  const total = entryOf(entries, 'WORKING_HOURS');
  const ordinary = entryOf(entries, 'ORDINARY_HOURS_FROM_START');
  const totalHours = hoursValue(total.value);
  const ordinaryHours = hoursValue(ordinary.value);
  if (
    total.status === 'AGREED' &&
    ordinary.status === 'AGREED' &&
    totalHours !== undefined &&
    ordinaryHours !== undefined &&
    ordinaryHours > totalHours
  )
    throw new InvalidInputError('ordinary_over_total', {}, valueField('ORDINARY_HOURS_FROM_START'));
  return entries;
}

export interface AgreementContent {
  readonly placementType: PlacementType;
  readonly company: Company;
  readonly checklist: readonly ChecklistEntry[];
  readonly agreedAt?: string | undefined;
  readonly signedAt?: string | undefined;
}

/** Values in revisions are shortened so an agreement's history stays small. */
export const short = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}…` : s);
export const entryText = (e: ChecklistEntry): string => short(e.value ? `${e.status}: ${e.value}` : e.status);

/** What changed between two versions of an agreement, field by field (kept in its revisions). */
export function agreementChanges(
  before: AgreementContent,
  after: AgreementContent,
): { key: string; from: string; to: string }[] {
  const changes: { key: string; from: string; to: string }[] = [];
  const add = (key: string, from: string | undefined, to: string | undefined): void => {
    if ((from ?? '') !== (to ?? '')) changes.push({ key, from: short(from ?? ''), to: short(to ?? '') });
  };
  add('placementType', before.placementType, after.placementType);
  add('company.cvr', before.company.cvr, after.company.cvr);
  add('company.name', before.company.name, after.company.name);
  add('company.contactName', before.company.contactName, after.company.contactName);
  for (const item of CHECKLIST_ITEMS) {
    const b = entryOf(before.checklist, item.key);
    const a = entryOf(after.checklist, item.key);
    if (b.status !== a.status || (b.value ?? '') !== (a.value ?? '')) add(item.key, entryText(b), entryText(a));
  }
  add('agreedAt', before.agreedAt, after.agreedAt);
  add('signedAt', before.signedAt, after.signedAt);
  return changes;
}

/** True when a change is to the agreement's content, not only to its dates. */
export const isContentChange = (key: string): boolean => key !== 'agreedAt' && key !== 'signedAt';

export const contentOf = (doc: AgreementDoc): AgreementContent => ({
  placementType: doc.placementType,
  company: doc.company,
  checklist: doc.checklist,
  agreedAt: doc.agreedAt,
  signedAt: doc.signedAt,
});
