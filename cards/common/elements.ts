import { CARD_SCHEMA, type AdaptiveCard, type Json, type JsonObject } from '../types';
import { withChoiceSetKeys } from './renderer-keys';

/** Small builders for the elements every card uses. Cards are plain data; no SDK is imported here. */

export function adaptiveCard(
  body: JsonObject[],
  actions: JsonObject[] = [],
  extra: Partial<AdaptiveCard> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    // Every card may replace another one: dropdowns get keys so they keep their own choices.
    body: body.map(withChoiceSetKeys),
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
    ...extra,
  };
}

export function text(value: string, options: JsonObject = {}): JsonObject {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export const heading = (value: string): JsonObject =>
  text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });
export const subheading = (value: string): JsonObject => text(value, { size: 'Medium', weight: 'Bolder' });
export const note = (value: string): JsonObject => text(value, { isSubtle: true, size: 'Small' });
export const errorText = (value: string): JsonObject => text(value, { color: 'Attention', weight: 'Bolder' });
export const goodText = (value: string): JsonObject => text(value, { color: 'Good' });

export function facts(rows: ReadonlyArray<readonly [string, string]>): JsonObject {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

export function container(items: JsonObject[], options: JsonObject = {}): JsonObject {
  return { type: 'Container', items, ...options };
}

export function columns(cols: ReadonlyArray<{ items: JsonObject[]; width?: string }>): JsonObject {
  return {
    type: 'ColumnSet',
    columns: cols.map((c) => ({ type: 'Column', width: c.width ?? 'stretch', items: c.items })),
  };
}

/**
 * A Universal Action (Action.Execute) with an Action.Submit fallback that carries the same verb, so
 * clients without Universal Actions route to the same handler.
 */
export function executeAction(
  title: string,
  verb: string,
  data: { [key: string]: Json | undefined } = {},
  options: JsonObject = {},
): JsonObject {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...data, verb },
    ...options,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

export function actionSet(actions: JsonObject[]): JsonObject {
  return { type: 'ActionSet', actions };
}
