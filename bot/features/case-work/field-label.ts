import type { Locale } from '../../i18n/locale';
import type { Translate } from '../../i18n/catalogue';

/** A feature catalogue as far as field labels need it. */
export type LabelCatalogue<K extends string> = Translate<K> & { readonly keys: readonly K[] };

/**
 * A form's field labels from its feature catalogue: field `x` is labelled by the catalogue's
 * `field.x`, so a refusal names the field the way the form shows it. A field the catalogue does not
 * know keeps its name (better a technical name than no hint at all).
 */
export const catalogueFieldLabel =
  <K extends string>(catalogue: LabelCatalogue<K>, locale: Locale) =>
  (field: string): string => {
    const key = `field.${field}`;
    return (catalogue.keys as readonly string[]).includes(key) ? catalogue(locale, key as K) : field;
  };
