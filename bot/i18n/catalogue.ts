import type { Locale } from './locale';

export type Params = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (locale: Locale, key: K, params?: Params) => string;

/**
 * A feature's strings in Danish and English. The English table must have exactly the Danish keys
 * (the type system says so), so a string cannot exist in one language only.
 *
 * Placeholders are written `{name}`. A count that changes the words around it is written as a
 * plural: `{days, plural, one {# dag} other {# dage}}`, where `#` is the count as given and the
 * branch is chosen by the language's plural rules (Intl.PluralRules; Danish and English have `one`
 * and `other`). A branch may hold other placeholders. `=0 {…}` matches an exact number first.
 */
export function defineCatalogue<K extends string>(tables: {
  da: Record<K, string>;
  en: Record<K, string>;
}): Translate<K> & {
  readonly keys: readonly K[];
  readonly tables: { da: Record<K, string>; en: Record<K, string> };
} {
  for (const locale of ['da', 'en'] as const)
    for (const [key, template] of Object.entries<string>(tables[locale])) checkTemplate(template, `${locale}:${key}`);
  const translate = (locale: Locale, key: K, params: Params = {}): string =>
    formatTemplate(locale, tables[locale][key] ?? tables.da[key], params);
  return Object.assign(translate, { keys: Object.keys(tables.da) as K[], tables });
}

const pluralRules: Record<Locale, Intl.PluralRules> = {
  da: new Intl.PluralRules('da-DK'),
  en: new Intl.PluralRules('en-GB'),
};

/** A count given as a number, or as text a card already formatted ("7,5"). */
function numberOf(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === undefined) return undefined;
  const n = Number(value.trim().replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Where the brace that closes the one opened at `open` is (braces nest inside plural branches). */
function closingBrace(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const PLURAL_HEAD = /^\s*(\w+)\s*,\s*plural\s*,/;

/** The branches of a plural's body (`one {…} other {…}`), by selector. */
function pluralBranches(body: string): Map<string, string> | undefined {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (selector === null) return body.slice(i).trim() === '' ? branches : undefined;
    const open = i + selector[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) return undefined;
    branches.set(selector[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

/** Puts the count for `#` in a branch, outside any nested placeholder (which has its own `#`). */
function withCount(branch: string, count: string): string {
  let out = '';
  let depth = 0;
  for (const ch of branch) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    out += ch === '#' && depth === 0 ? count : ch;
  }
  return out;
}

/** Fills a template in `locale`; a placeholder without a value is left as written, so a gap shows. */
export function formatTemplate(locale: Locale, template: string, params: Params = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const head = PLURAL_HEAD.exec(inner);
    if (head !== null) {
      const name = head[1]!;
      const branches = pluralBranches(inner.slice(head[0].length)) ?? new Map<string, string>();
      const n = numberOf(params[name]);
      // A value that is not a number (free text where a count was expected) reads as plural.
      const branch = !(name in params)
        ? undefined
        : n === undefined
          ? branches.get('other')
          : (branches.get(`=${n}`) ?? branches.get(pluralRules[locale].select(n)) ?? branches.get('other'));
      out +=
        branch === undefined
          ? template.slice(open, close + 1)
          : formatTemplate(locale, withCount(branch, String(params[name])), params);
    } else {
      const name = inner.trim();
      out += /^\w+$/.test(name) && name in params ? String(params[name]) : template.slice(open, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/** A catalogue that cannot be read fails when the module loads, not in front of a user. */
function checkTemplate(template: string, where: string): void {
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) return;
    const close = closingBrace(template, open);
    if (close < 0) throw new Error(`Catalogue ${where}: unclosed "{"`);
    const inner = template.slice(open + 1, close);
    const head = PLURAL_HEAD.exec(inner);
    if (head !== null) {
      const branches = pluralBranches(inner.slice(head[0].length));
      if (branches === undefined || !branches.has('other'))
        throw new Error(`Catalogue ${where}: a plural needs branches like "one {…} other {…}"`);
      for (const branch of branches.values()) checkTemplate(branch, where);
    }
    i = close + 1;
  }
}

/** The placeholders a template uses (plural counts included), for checks that both languages agree. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const visit = (t: string): void => {
    let i = 0;
    while (i < t.length) {
      const open = t.indexOf('{', i);
      if (open < 0) return;
      const close = closingBrace(t, open);
      if (close < 0) return;
      const inner = t.slice(open + 1, close);
      const head = PLURAL_HEAD.exec(inner);
      if (head !== null) {
        names.add(head[1]!);
        for (const branch of pluralBranches(inner.slice(head[0].length))?.values() ?? []) visit(branch);
      } else if (/^\s*\w+\s*$/.test(inner)) names.add(inner.trim());
      i = close + 1;
    }
  };
  visit(template);
  return [...names].sort();
}
