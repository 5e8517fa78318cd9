import type { Locale } from '../../bot/i18n/locale';
import { digestText as t } from '../../bot/i18n/digest';
import { digestMetricsText as m, type DigestMetricsKey } from '../../bot/i18n/digest-metrics';
import { fidelityText } from '../../bot/i18n/fidelity';
import type { Params } from '../../bot/i18n/catalogue';
import { MIN_RESPONDENTS } from '../../bot/features/fidelity/rules';
import { adaptiveCard, container, heading, note, text } from '../common/elements';
import type { AdaptiveCard } from '../types';

/**
 * Every figure of the weekly digest with its definition, in the catalogue's order: what "forklar
 * ugerapport" sends when the digest itself had no room for its inline definitions.
 */
export function digestDefinitionsCard(locale: Locale, params: Params): AdaptiveCard {
  const ids = (m.keys as readonly string[]).filter((k) => k.endsWith('.what')).map((k) => k.slice(0, -'.what'.length));
  const titled = (id: string): string =>
    (m.keys as readonly string[]).includes(`${id}.title`) ? m(locale, `${id}.title` as DigestMetricsKey, params) : id;
  return adaptiveCard([
    heading(t(locale, 'card.definitions.title')),
    note(t(locale, 'card.definitions.intro')),
    ...ids.map((id) =>
      container([text(`**${titled(id)}**`), note(m(locale, `${id}.what` as DigestMetricsKey, params))], {
        spacing: 'Medium',
      }),
    ),
    container(
      [
        text(`**${fidelityText(locale, 'digest.title')}**`),
        note(fidelityText(locale, 'digest.what', { min: MIN_RESPONDENTS })),
      ],
      { spacing: 'Medium' },
    ),
  ]);
}
