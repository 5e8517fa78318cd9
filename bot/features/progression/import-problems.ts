import type { z } from 'zod';
import type { Locale } from '../../i18n/locale';
import { progressionText as t, type ProgressionKey } from '../../i18n/progression';
import { INDICATOR_SET_FORMAT } from '../../domain/indicator-set';

/**
 * Turns what zod found wrong with an imported indicator set into sentences an admin can act on:
 * where (the path in the file, with the indicator's id when there is one) and why, in their language.
 */
export interface ImportProblem {
  readonly path: string;
  readonly message: string;
}

type Params = Record<string, string | number>;

const TYPE_NAMES: Record<string, ProgressionKey> = {
  string: 'problem.type.string',
  number: 'problem.type.number',
  int: 'problem.type.int',
  boolean: 'problem.type.boolean',
  array: 'problem.type.array',
  object: 'problem.type.object',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * How another JSON catalogue (core-element sets) reuses these explanations: its format marker, the
 * id field shown after an index in each list, and the catalogue of its own custom checks' messages.
 */
export interface ImportFormat {
  readonly marker: string;
  /** List name → the id field of its entries (`indicators` → `indicatorId`). */
  readonly idFields: Readonly<Record<string, string>>;
  /** What to say when the format marker is wrong (this format's name). */
  readonly markerMessage?: (locale: Locale) => string;
  /** The message of a custom check, or undefined when the key is not this format's. */
  readonly custom?: (key: string, params: Params, locale: Locale) => string | undefined;
}

const INDICATOR_SET: ImportFormat = { marker: INDICATOR_SET_FORMAT, idFields: { indicators: 'indicatorId' } };

/** `indicators[2] (hverdagsmestring).anchors[0].to`: the id helps the admin find the place in a long file. */
export function formatPath(
  path: readonly PropertyKey[],
  root: unknown,
  locale: Locale,
  format: ImportFormat = INDICATOR_SET,
): string {
  if (path.length === 0) return t(locale, 'problem.path.root');
  let out = '';
  path.forEach((key, i) => {
    if (typeof key === 'number') {
      out += `[${key}]`;
      const idField = format.idFields[String(path[i - 1])];
      if (idField !== undefined) {
        const id = valueAt(root, [...path.slice(0, i + 1), idField]);
        if (typeof id === 'string' && id.length <= 64) out += ` (${id})`;
      }
    } else out += `${out ? '.' : ''}${String(key)}`;
  });
  return out;
}

const toParams = (raw: unknown): Params =>
  Object.fromEntries(
    Object.entries(raw !== null && typeof raw === 'object' ? raw : {}).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );

function explainIssue(issue: z.core.$ZodIssue, root: unknown, locale: Locale, format: ImportFormat): string {
  const say = (key: ProgressionKey, params: Params = {}): string => t(locale, key, params);
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(root, issue.path) === undefined) return say('problem.missing');
      const typeKey = TYPE_NAMES[issue.expected];
      return say('problem.type', { expected: typeKey ? say(typeKey) : issue.expected });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return say(min <= 1 ? 'problem.text_empty' : 'problem.text_short', { min });
      if (issue.origin === 'array') return say('problem.list_short', { min });
      return say('problem.number_min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return say('problem.text_long', { max });
      if (issue.origin === 'array') return say('problem.list_long', { max });
      return say('problem.number_max', { max });
    }
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === format.marker)
        return format.markerMessage?.(locale) ?? say('problem.format_marker', { format: format.marker });
      return say('problem.choice', { options: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'unrecognized_keys':
      return say('problem.unknown_fields', { fields: issue.keys.map((k) => `"${k}"`).join(', ') });
    case 'invalid_format':
    case 'custom': {
      const own = format.custom?.(issue.message, issue.code === 'custom' ? toParams(issue.params) : {}, locale);
      if (own !== undefined) return own;
      if ((t.keys as readonly string[]).includes(issue.message))
        return say(issue.message as ProgressionKey, issue.code === 'custom' ? toParams(issue.params) : {});
      return say('problem.other', { detail: issue.message });
    }
    default:
      return say('problem.other', { detail: issue.message });
  }
}

/** Every problem, in file order as zod reports it; capped so the answer stays readable (and under the card limit). */
export function explainIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  locale: Locale,
  max = 25,
  format: ImportFormat = INDICATOR_SET,
): { problems: ImportProblem[]; more: number } {
  const problems = issues.slice(0, max).map((issue) => ({
    path: formatPath(issue.path, root, locale, format),
    message: explainIssue(issue, root, locale, format),
  }));
  return { problems, more: Math.max(0, issues.length - max) };
}

/** Where a JSON syntax error is, as line and column, when the parser says so. */
export function explainJsonError(error: unknown, source: string, locale: Locale): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return t(locale, 'import.json_invalid');
  const before = source.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return t(locale, 'import.json_invalid_at', { line, column });
}
