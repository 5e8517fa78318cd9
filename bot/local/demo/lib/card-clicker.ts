import type { Role } from '../../../domain/roles';
import type { FeatureRouter } from '../../../features/router';
import type { Services } from '../../../services';
import type { AdaptiveCard } from '../../../../cards/types';
import { actingAs } from './acting-as';
import { actionData, cardText } from './cards';

/**
 * Clicks the buttons the cards offer, at the feature router (the same route an Action.Execute takes
 * after the SDK edge: CPR guard, zod validation of the card data, policy, use case, audit), at a
 * chosen time. The synthetic municipality records a jobformidler's months of work this way without
 * knowing any use case's signature: only the verbs and input ids of the cards.
 */
export class CardClicker {
  constructor(
    private readonly services: Services,
    private readonly router: FeatureRouter,
    private readonly actor: { readonly tenantId: string; readonly userId: string; readonly roles: readonly Role[] },
  ) {}

  /** Sends `verb` with `data` as the user at `now`; the card that replaces the clicked one. */
  async send(now: Date, verb: string, data: Record<string, unknown>): Promise<AdaptiveCard> {
    const outcome = await this.router.handleAction(actingAs(this.services, this.actor, now), verb, data);
    return outcome.card;
  }

  /** Clicks `verb` on `card` with the card's current input values changed by `fields`. */
  async click(now: Date, card: AdaptiveCard, verb: string, fields: Record<string, string> = {}): Promise<AdaptiveCard> {
    const button = actionData(card, verb);
    if (button === undefined) throw new Error(`No ${verb} button on the card:\n${cardText(card).slice(0, 600)}`);
    const { verb: _verb, ...data } = button;
    return this.send(now, verb, { ...data, ...inputValues(card), ...fields });
  }
}

/** The current values of a card's inputs, by id (what Teams sends back when the user changes nothing). */
export function inputValues(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
      out[o.id] = typeof o.value === 'string' ? o.value : '';
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v);
  };
  walk(card);
  return out;
}
