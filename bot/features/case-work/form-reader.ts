import { z } from 'zod';
import { addDays, isValidIsoDate } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { common, type CommonKey } from '../../i18n/common';
import { caseText, type CaseTextKey } from '../../i18n/case-common';
import { formatTemplate } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import { CaseRefSchema } from '../screening/case-ref';

/**
 * Reads what a card's inputs sent (Teams sends every input as text) and turns it into typed values,
 * or an InvalidInputError whose `field` param is already the field's label in the user's language.
 * Nothing is written before the whole form has been read, so a bad field never leaves half a save.
 */
export const FormValueSchema = z.union([z.string().max(5000), z.number(), z.boolean()]);
export type FormValues = Readonly<Record<string, z.infer<typeof FormValueSchema> | undefined>>;

/** A case reference as stored: trimmed and upper-cased (the screening feature creates cases this way). */
export { CaseRefSchema };

export class FormReader {
  constructor(
    private readonly values: FormValues,
    private readonly label: (field: string) => string,
  ) {}

  private fail(key: CommonKey | CaseTextKey, field: string, params: Record<string, string | number> = {}): never {
    throw new InvalidInputError(key, { field: this.label(field), ...params }, field);
  }

  /** The label of a field in the user's language (for messages that name it). */
  labelOf(field: string): string {
    return this.label(field);
  }

  raw(field: string): string {
    const v = this.values[field];
    return v === undefined || v === null ? '' : String(v).trim();
  }

  text(field: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.raw(field);
    if (v === '') return options.required ? this.fail('error.required', field) : undefined;
    const max = options.max ?? 500;
    if (v.length > max) this.fail('error.text_too_long', field, { max });
    return v;
  }

  /** One entry per non-empty line (e.g. the actions of a job goal). */
  lines(field: string, options: { maxLines: number; maxLength: number }): string[] {
    const lines = this.raw(field)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    if (lines.length > options.maxLines) this.fail('input.too_many_lines', field, { max: options.maxLines });
    if (lines.some((l) => l.length > options.maxLength))
      this.fail('error.text_too_long', field, { max: options.maxLength });
    return lines;
  }

  /** A number, with a Danish decimal comma accepted ("7,5"). */
  number(field: string, options: { min: number; max: number; required?: boolean }): number | undefined {
    const v = this.raw(field);
    if (v === '') return options.required ? this.fail('error.required', field) : undefined;
    const n = Number(v.replace(',', '.'));
    if (!Number.isFinite(n) || n < options.min || n > options.max)
      this.fail('error.number_range', field, { min: options.min, max: options.max });
    return Math.round(n * 100) / 100;
  }

  date(field: string, options: { required?: boolean; notAfter?: string; notBefore?: string } = {}): string | undefined {
    const v = this.raw(field);
    if (v === '') return options.required ? this.fail('error.date_required', field) : undefined;
    if (!isValidIsoDate(v)) this.fail('error.invalid_date', field);
    if (options.notAfter !== undefined && v > options.notAfter) this.fail('input.date_future', field);
    if (options.notBefore !== undefined && v < options.notBefore)
      this.fail('input.date_too_old', field, { min: options.notBefore });
    return v;
  }

  choice<T extends string>(field: string, options: readonly T[], settings: { required?: boolean } = {}): T | undefined {
    const v = this.raw(field);
    if (v === '') return settings.required ? this.fail('error.required', field) : undefined;
    if (!(options as readonly string[]).includes(v)) this.fail('error.invalid_choice', field);
    return v as T;
  }

  /** A multi-select (comma-separated values). */
  choices<T extends string>(field: string, options: readonly T[]): T[] {
    const picked = this.raw(field)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (picked.some((p) => !(options as readonly string[]).includes(p))) this.fail('error.invalid_choice', field);
    return [...new Set(picked as T[])];
  }

  toggle(field: string): boolean {
    return this.raw(field) === 'true';
  }

  /** Refuses `later` before `earlier` (both optional). */
  order(earlierField: string, earlier: string | undefined, laterField: string, later: string | undefined): void {
    if (earlier !== undefined && later !== undefined && later < earlier)
      throw new InvalidInputError(
        'input.date_order',
        { earlier: this.label(earlierField), later: this.label(laterField) },
        laterField,
      );
  }
}

/** The oldest date a form accepts for something that happened: a year back. */
export const oldestAcceptedDate = (today: string): string => addDays(today, -366);

/** A feature's catalogue as far as error messages need it. */
export interface MessageCatalogue {
  readonly keys: readonly string[];
  readonly tables: { readonly da: Readonly<Record<string, string>>; readonly en: Readonly<Record<string, string>> };
}

/** The message of an input error in the user's language; the feature's own catalogue is asked first. */
export function inputErrorText(locale: Locale, error: InvalidInputError, feature?: MessageCatalogue): string {
  const params = error.params;
  if (feature !== undefined && feature.keys.includes(error.messageKey)) {
    return formatTemplate(locale, feature.tables[locale][error.messageKey] ?? error.messageKey, params);
  }
  if ((caseText.keys as readonly string[]).includes(error.messageKey))
    return caseText(locale, error.messageKey as CaseTextKey, params);
  if ((common.keys as readonly string[]).includes(error.messageKey))
    return common(locale, error.messageKey as CommonKey, params);
  return common(locale, 'error.malformed');
}

/** The fixed part of every form action: which case, which rendering of the card, and the version edited. */
export const formActionSchema = <T extends z.ZodRawShape>(extra: T) =>
  z
    .object({
      caseRef: CaseRefSchema,
      /** A fresh id per rendered form: the same id twice is a repeated click, not a second entry. */
      submissionId: z.string().min(8).max(64),
      /** The ETag of the document the form was filled from ('' for a new one). */
      etag: z.string().max(200).default(''),
      ...extra,
    })
    .catchall(FormValueSchema);

/** What the user typed, as text, to re-render a refused form with. */
export function draftOf(values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}
