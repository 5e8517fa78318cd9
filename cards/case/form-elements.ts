import type { Json, JsonObject } from '../types';
import { actionSet, errorText, executeAction, goodText, heading, note } from '../common/elements';

/**
 * Inputs of the jobformidler's forms. Every form re-renders with what the user typed when a field
 * is refused, so `value` is always the current text of the field.
 */
export type FormDraft = Readonly<Record<string, string | undefined>>;

const withValue = (value: string | undefined): JsonObject => (value !== undefined && value !== '' ? { value } : {});

export function inputText(
  id: string,
  label: string,
  value: string | undefined,
  options: { maxLength?: number; multiline?: boolean; placeholder?: string; required?: boolean } = {},
): JsonObject {
  return {
    type: 'Input.Text',
    id,
    ...(label !== '' ? { label } : {}),
    maxLength: options.maxLength ?? 500,
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.required ? { isRequired: true, errorMessage: label } : {}),
    ...withValue(value),
  };
}

/** Numbers are typed as text so a Danish decimal comma ("7,5") survives every client. */
export const inputNumber = (id: string, label: string, value: string | undefined, placeholder?: string): JsonObject =>
  inputText(id, label, value, { maxLength: 6, ...(placeholder ? { placeholder } : {}) });

export function inputDate(id: string, label: string, value: string | undefined, required = false): JsonObject {
  return {
    type: 'Input.Date',
    id,
    label,
    ...(required ? { isRequired: true, errorMessage: label } : {}),
    ...withValue(value),
  };
}

export function choiceSet(
  id: string,
  label: string,
  choices: ReadonlyArray<{ title: string; value: string }>,
  value: string | undefined,
  options: { multi?: boolean; expanded?: boolean; required?: boolean } = {},
): JsonObject {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: options.expanded ? 'expanded' : 'compact',
    ...(options.multi ? { isMultiSelect: true } : {}),
    ...(options.required ? { isRequired: true, errorMessage: label } : {}),
    choices: choices.map((c) => ({ title: c.title, value: c.value })),
    ...withValue(value),
  };
}

export function toggle(id: string, title: string, on: boolean): JsonObject {
  return { type: 'Input.Toggle', id, title, valueOn: 'true', valueOff: 'false', value: on ? 'true' : 'false' };
}

/** Heading, notice or error, intro; the form's own body; save and back buttons. */
export function formBody(input: {
  title: string;
  intro?: string;
  error?: string | undefined;
  notice?: string | undefined;
  fields: JsonObject[];
  save: { title: string; verb: string; data: { [key: string]: Json | undefined } };
  back?: { title: string; verb: string; data: { [key: string]: Json | undefined } };
}): JsonObject[] {
  return [
    heading(input.title),
    ...(input.error ? [errorText(input.error)] : []),
    ...(input.notice ? [goodText(input.notice)] : []),
    ...(input.intro ? [note(input.intro)] : []),
    ...input.fields,
    actionSet([
      executeAction(input.save.title, input.save.verb, input.save.data, { style: 'positive' }),
      // Back/cancel needs none of the inputs: an empty required field must not block it in Teams.
      ...(input.back
        ? [executeAction(input.back.title, input.back.verb, input.back.data, { associatedInputs: 'none' })]
        : []),
    ]),
  ];
}
