import type { AdaptiveCard } from '../types';
import { adaptiveCard, text } from './elements';

/** A one-message card, used when an action answers with a notice instead of a new step. */
export function messageCard(
  message: string,
  options: { tone?: 'default' | 'attention' | 'good'; title?: string } = {},
): AdaptiveCard {
  const color = options.tone === 'attention' ? 'Attention' : options.tone === 'good' ? 'Good' : 'Default';
  return adaptiveCard([
    ...(options.title ? [text(options.title, { weight: 'Bolder', size: 'Medium' })] : []),
    text(message, { color }),
  ]);
}
