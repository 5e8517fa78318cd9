import type { Locale } from './locale';

export type Params = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (locale: Locale, key: K, params?: Params) => string;

/**
 * A feature's strings in Danish and English. The English table must have exactly the Danish keys
 * (the type system says so), so a string cannot exist in one language only.
 * Placeholders are written `{name}`.
 */
export function defineCatalogue<K extends string>(tables: {
  da: Record<K, string>;
  en: Record<K, string>;
}): Translate<K> & {
  readonly keys: readonly K[];
  readonly tables: { da: Record<K, string>; en: Record<K, string> };
} {
  const translate = (locale: Locale, key: K, params: Params = {}): string => {
    const template = tables[locale][key] ?? tables.da[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
  return Object.assign(translate, { keys: Object.keys(tables.da) as K[], tables });
}
