/** Plain JSON of an Adaptive Card (schema 1.5, the highest Teams renders for bot-sent cards). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: JsonObject[];
  actions?: JsonObject[];
  refresh?: JsonObject;
  msteams?: JsonObject;
  [key: string]: Json | undefined;
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
