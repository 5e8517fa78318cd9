/**
 * Reading what the bot answered, for benchmarks that click through flows over HTTP: the card in
 * an Action.Execute invoke response, and the data of the buttons on it (what a client would send).
 */
export type CardJson = Record<string, unknown>;

export function invokeCard(body: string): CardJson | undefined {
  try {
    const parsed = JSON.parse(body) as { type?: string; value?: unknown };
    return parsed.type === 'application/vnd.microsoft.card.adaptive' ? (parsed.value as CardJson) : undefined;
  } catch {
    return undefined;
  }
}

/** The data of the first Action.Execute with `verb` on the card (fallbacks skipped). */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = actionData(item, verb);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (card === null || typeof card !== 'object') return undefined;
  const o = card as Record<string, unknown>;
  if (o.type === 'Action.Execute' && o.verb === verb) return (o.data as Record<string, unknown> | undefined) ?? {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'fallback') continue;
    const found = actionData(v, verb);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** All text a user reads on a card (for checking an acknowledgement). */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && ['text', 'title', 'value', 'label'].includes(k)) out.push(v);
      else walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}
