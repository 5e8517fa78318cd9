import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defineCatalogue, formatTemplate, placeholdersOf } from '../../bot/i18n/catalogue';

interface AnyCatalogue {
  readonly keys: readonly string[];
  readonly tables: { readonly da: Record<string, string>; readonly en: Record<string, string> };
}

/** Every catalogue in bot/i18n (a new file is checked without being listed here). */
async function shippedCatalogues(): Promise<[string, AnyCatalogue][]> {
  const dir = path.resolve(__dirname, '../../bot/i18n');
  const modules = await Promise.all(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map(async (f) => (await import(path.join(dir, f))) as Record<string, unknown>),
  );
  return modules.flatMap((m) =>
    Object.entries(m).filter(
      (e): e is [string, AnyCatalogue] => typeof e[1] === 'function' && 'tables' in e[1] && 'keys' in e[1],
    ),
  );
}

/**
 * Plural forms in the catalogues (issue 13 item 2: "1 dage", "1 handlinger", "1 job conversations").
 * The expected words are written out here, not derived from the catalogue under test.
 */
describe('catalogue plurals', () => {
  const t = defineCatalogue({
    da: {
      days: '{days, plural, one {# dag} other {# dage}} til afgørelse',
      row: '{cases, plural, one {# sag} other {# sager}} · {talks, plural, one {# jobsamtale} other {# jobsamtaler}}',
      nested: '{count, plural, =0 {Ingen borgere} one {# borger ({name})} other {# borgere ({name})}}',
      hours: '{hours, plural, one {# time} other {# timer}}',
    },
    en: {
      days: '{days, plural, one {# day} other {# days}} to decision',
      row: '{cases, plural, one {# case} other {# cases}} · {talks, plural, one {# job conversation} other {# job conversations}}',
      nested: '{count, plural, =0 {No citizens} one {# citizen ({name})} other {# citizens ({name})}}',
      hours: '{hours, plural, one {# hour} other {# hours}}',
    },
  });

  it('chooses singular for one and plural otherwise, in each language', () => {
    expect(t('da', 'days', { days: 1 })).toBe('1 dag til afgørelse');
    expect(t('da', 'days', { days: 2 })).toBe('2 dage til afgørelse');
    expect(t('da', 'days', { days: 0 })).toBe('0 dage til afgørelse');
    expect(t('en', 'days', { days: 1 })).toBe('1 day to decision');
    expect(t('en', 'days', { days: 14 })).toBe('14 days to decision');
  });

  it('handles several counts in one sentence, exact matches and placeholders inside a branch', () => {
    expect(t('da', 'row', { cases: 1, talks: 3 })).toBe('1 sag · 3 jobsamtaler');
    expect(t('en', 'row', { cases: 12, talks: 1 })).toBe('12 cases · 1 job conversation');
    expect(t('da', 'nested', { count: 0, name: 'x' })).toBe('Ingen borgere');
    expect(t('da', 'nested', { count: 1, name: 'Anna #1' })).toBe('1 borger (Anna #1)');
  });

  it('reads a count already formatted for Danish, and shows it as given', () => {
    expect(t('da', 'hours', { hours: '7,5' })).toBe('7,5 timer');
    expect(t('da', 'hours', { hours: 1 })).toBe('1 time');
    expect(t('en', 'hours', { hours: '7.5' })).toBe('7.5 hours');
    expect(t('da', 'hours', { hours: 'ca. 10' })).toBe('ca. 10 timer');
  });

  it('leaves a placeholder without a value visible instead of guessing', () => {
    expect(formatTemplate('da', '{days, plural, one {# dag} other {# dage}} og {x}', {})).toBe(
      '{days, plural, one {# dag} other {# dage}} og {x}',
    );
  });

  it('refuses a plural without an "other" branch when the catalogue is defined', () => {
    expect(() => defineCatalogue({ da: { a: '{n, plural, one {# dag}}' }, en: { a: '{n} days' } })).toThrow(
      /da:a: a plural needs branches/,
    );
  });

  it('every shipped catalogue uses the same placeholders in Danish and English', async () => {
    const mismatches: string[] = [];
    const all = await shippedCatalogues();
    expect(all.length).toBeGreaterThan(15);
    for (const [name, catalogue] of all)
      for (const key of catalogue.keys) {
        const da = placeholdersOf(catalogue.tables.da[key] ?? '');
        const en = placeholdersOf(catalogue.tables.en[key] ?? '');
        if (da.join() !== en.join()) mismatches.push(`${name}.${key}: da ${da.join()} / en ${en.join()}`);
      }
    expect(mismatches).toEqual([]);
  });
});
