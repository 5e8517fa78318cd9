import type { Json, JsonObject } from '../types';

/**
 * When a card is replaced (an Action.Execute answer, a refresh), the Teams renderer that the Agents
 * Playground ships reconciles the new card's elements with the old one's by a React key: the
 * element's `key` property when it has one, else `<type>-<position among its siblings>`; input ids
 * play no part. Its compact choice set (a Fluent combobox) copies its choices into state when it
 * is first drawn and never takes new ones. So when a replacement card has a different compact
 * choice set where the old card had one (a notice above the form moves every input down one
 * place), the new dropdown offers the OLD choices — seen after saving hours: "Årsag til fravær"
 * offered the "Kilde" choices.
 *
 * The cure is at the card, for every card: each compact choice set gets a `key` made of its id and
 * its choices, so the renderer reuses a dropdown only for the same input with the same choices and
 * draws a fresh one otherwise. Other inputs are drawn from their current properties and need none;
 * renderers that do not know `key` ignore it (the schema validator accepts it).
 */
export function withChoiceSetKeys(node: JsonObject): JsonObject {
  return keyed(node) as JsonObject;
}

function keyed(node: Json | undefined): Json | undefined {
  if (Array.isArray(node)) return node.map((n) => keyed(n) ?? null);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json | undefined } = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'choices' ? v : keyed(v);
  if (out.type === 'Input.ChoiceSet' && out.style !== 'expanded' && typeof out.id === 'string')
    out.key = `${out.id}#${fnv1a(JSON.stringify(out.choices ?? []))}`;
  return out;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of a choice list. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
