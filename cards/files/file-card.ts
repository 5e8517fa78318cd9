import { filesText as t } from '../../bot/i18n/files';
import type { Locale } from '../../bot/i18n/locale';
import type { AdaptiveCard } from '../types';
import { adaptiveCard, facts, note, text } from '../common/elements';

/** Human size: "14 kB", "1,2 MB" (Danish decimal comma). */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} kB`;
  return `${(kb / 1024).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })} MB`;
}

/**
 * The file card in the 1:1 chat where the consent upload is not available (the Agents Playground, or
 * a deployment set to links): the file's name, size and purpose, and a single-use download link.
 */
export function fileLinkCard(input: {
  readonly locale: Locale;
  readonly name: string;
  readonly description: string;
  readonly sizeBytes: number;
  readonly url: string;
  /** "14:35", in the tenant's time zone. */
  readonly expiresAt: string;
}): AdaptiveCard {
  const { locale } = input;
  return adaptiveCard(
    [
      text(t(locale, 'card.title', { name: input.name }), { weight: 'Bolder', size: 'Medium', wrap: true }),
      text(input.description),
      facts([[t(locale, 'card.size'), formatSize(input.sizeBytes, locale)]]),
      note(t(locale, 'card.expires', { time: input.expiresAt })),
      note(t(locale, 'card.why')),
    ],
    [{ type: 'Action.OpenUrl', title: t(locale, 'card.download'), url: input.url }],
  );
}
