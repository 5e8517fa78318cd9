import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A small reader for the parts of infra/*.bicep the tests compare with the app. There is no Bicep
 * compiler on this machine, so the templates are kept in a plain style (one property per line,
 * multi-line objects and arrays) and read here by bracket depth, skipping strings and comments.
 */

export const REPO = path.resolve(__dirname, '..', '..');
export const readRepoFile = (relative: string): string => readFileSync(path.join(REPO, relative), 'utf8');

/** Positions of code characters (not inside a string or comment), with their bracket depth before them. */
function* scan(text: string): Generator<{ i: number; ch: string; depth: number }> {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (ch === "'") {
      // Bicep strings: single quotes, backslash escapes; ${...} interpolation holds no quotes here.
      for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === '\\') i++;
      continue;
    }
    yield { i, ch, depth };
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    if (ch === '}' || ch === ']' || ch === ')') depth--;
  }
}

/** The text inside the bracket that opens right after `header` (e.g. `var appSettings = {`). */
export function blockAfter(text: string, header: string): string {
  const at = text.indexOf(header);
  if (at < 0) throw new Error(`Not found in the template: ${header}`);
  const open = at + header.length - 1;
  const opener = text[open];
  if (opener !== '{' && opener !== '[') throw new Error(`"${header}" must end with { or [`);
  const rest = text.slice(open);
  for (const { i, ch, depth } of scan(rest)) {
    if (i > 0 && depth === 1 && (ch === '}' || ch === ']')) return rest.slice(1, i);
  }
  throw new Error(`Unclosed block after ${header}`);
}

/** The top-level `{ ... }` items of an array body. */
export function arrayItems(body: string): string[] {
  const items: string[] = [];
  let start = -1;
  for (const { i, ch, depth } of scan(body)) {
    if (depth === 0 && ch === '{') start = i;
    if (depth === 1 && ch === '}' && start >= 0) {
      items.push(body.slice(start + 1, i));
      start = -1;
    }
  }
  return items;
}

/** `key: value` lines at the top level of an object body, in order. */
export function objectEntries(body: string): { key: string; value: string }[] {
  const entries: { key: string; value: string }[] = [];
  const depthAtLine = new Map<number, number>();
  for (const { i, depth } of scan(body)) {
    const lineStart = body.lastIndexOf('\n', i) + 1;
    if (!depthAtLine.has(lineStart)) depthAtLine.set(lineStart, depth);
  }
  for (const [lineStart, depth] of depthAtLine) {
    if (depth !== 0) continue;
    const line = body.slice(lineStart, body.indexOf('\n', lineStart) < 0 ? undefined : body.indexOf('\n', lineStart));
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*|'[^']+'):\s*(.*?)\s*$/.exec(line);
    if (m) entries.push({ key: m[1]!.replace(/^'|'$/g, ''), value: m[2]! });
  }
  return entries;
}

/** A Bicep string literal without interpolation, else undefined. */
export function literal(value: string): string | undefined {
  const m = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/.exec(value.trim());
  return m ? m[1]!.replace(/\\'/g, "'") : undefined;
}

export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly defaultValue?: string;
  readonly decorators: string[];
  readonly allowed?: string[];
}

/** Every `param` with its decorators and default. */
export function params(text: string): BicepParam[] {
  const out: BicepParam[] = [];
  const lines = text.split('\n');
  let decorators: string[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line.startsWith('@')) {
      let decorator = line;
      // A decorator with a multi-line array argument, e.g. @allowed([ ... ]).
      while (decorator.endsWith('[')) {
        const close = lines.findIndex((l, k) => k > n && l.trim() === '])');
        decorator += ` ${lines
          .slice(n + 1, close)
          .map((l) => l.trim())
          .join(' ')} ])`;
        n = close;
      }
      decorators.push(decorator);
      continue;
    }
    const m = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(line);
    if (m) {
      const allowedDecorator = decorators.find((d) => d.startsWith('@allowed('));
      const allowed = allowedDecorator ? [...allowedDecorator.matchAll(/'([^']*)'/g)].map((x) => x[1]!) : undefined;
      out.push({
        name: m[1]!,
        type: m[2]!,
        ...(m[3] !== undefined ? { defaultValue: m[3] } : {}),
        decorators,
        ...(allowed ? { allowed } : {}),
      });
    }
    if (line !== '' && !line.startsWith('//')) decorators = [];
  }
  return out;
}

export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  /** The expression of `= if (...) {` (or `[for ...: if (...) {`); undefined when always deployed. */
  readonly condition: string | undefined;
  /** True for `= [for ...]` loops. */
  readonly loop: boolean;
  readonly body: string;
}

/** `resource <symbol> '<type>@<version>' = ...` declarations, with the body of each. */
export function resources(text: string): BicepResource[] {
  const out: BicepResource[] = [];
  for (const m of text.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*=\s*(.*)$/gm)) {
    const header = m[0];
    const opener = header.trimEnd().endsWith('[') ? '[' : '{';
    const from = text.indexOf(header);
    const headerToBracket = text.slice(from, text.indexOf(opener, from + header.indexOf('=')) + 1);
    const condition = /\bif \((.+)\) \{$/.exec(m[4]!.trim())?.[1];
    out.push({
      symbol: m[1]!,
      type: m[2]!,
      apiVersion: m[3]!,
      condition,
      loop: m[4]!.trim().startsWith('[for '),
      body: blockAfter(text.slice(from), headerToBracket),
    });
  }
  return out;
}

/** The one resource of a type (throws when there is none or more than one, so a test names what it checks). */
export function resourceOf(text: string, type: string): BicepResource {
  const found = resources(text).filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0]!;
}

/** The right-hand side of `var <name> = <value>` when it fits on one line. */
export function varValue(text: string, name: string): string {
  const value = new RegExp(`^var ${name} = (.+)$`, 'm').exec(text)?.[1];
  if (value === undefined) throw new Error(`No one-line var ${name} in the template`);
  return value.trim();
}

/** `output NAME type = value` lines. */
export function outputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!);
}
