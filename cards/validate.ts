import * as AC from 'adaptivecards';
import type { AdaptiveCard } from './types';
import { registerTeamsChartElements } from './teams-charts';
import { registerTeamsPeoplePicker } from './teams-people-picker';

/** Teams refuses bot messages over ~28 KB in older clients and connectors (PRODUCT.md §3). */
export const MAX_CARD_BYTES = 28 * 1024;

export interface CardValidation {
  readonly errors: string[];
  readonly sizeBytes: number;
}

/**
 * Parses a card with the official `adaptivecards` parser at schema 1.5 and collects every parse and
 * validation event. Teams' native chart elements (`Chart.*`) and its people picker (`choices.data` on
 * `Input.ChoiceSet`) are taught to a private registry so valid ones pass and misspelled ones still fail.
 */
export function validateCard(card: AdaptiveCard): CardValidation {
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const elements = new AC.CardObjectRegistry<AC.CardElement>();
  AC.GlobalRegistry.populateWithDefaultElements(elements);
  registerTeamsChartElements(elements);
  registerTeamsPeoplePicker(elements);
  context.setElementRegistry(elements);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) errors.push(event.message);
  const sizeBytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (sizeBytes > MAX_CARD_BYTES) errors.push(`Card is ${sizeBytes} bytes, over the ${MAX_CARD_BYTES}-byte limit`);
  if (card.version !== '1.5') errors.push(`Card version must be 1.5, got ${String(card.version)}`);
  return { errors, sizeBytes };
}

export function assertValidCard(card: AdaptiveCard): void {
  const { errors } = validateCard(card);
  if (errors.length > 0) throw new Error(`Invalid Adaptive Card:\n${errors.join('\n')}`);
}
