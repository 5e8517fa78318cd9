import type { CaseDoc } from '../../bot/store/case-repository';
import { handedOverCase as handedOverCaseDoc } from '../../bench/lib/jobformidler-cases';
import type { Services } from '../../bot/services';
import type { TestUser } from '../harness/bot-harness';
import type { AdaptiveCard } from '../../cards/types';
import { actionsOf } from '../harness/bot-harness';

/**
 * A case as the visitation handover leaves it: group 1, assigned to a jobformidler, status ACTIVE.
 * Written straight through CaseRepository, as the visitation feature does.
 */
export function handedOverCase(
  services: Services,
  jobformidler: TestUser,
  options: { caseRef?: string; conversationAt?: string; status?: CaseDoc['status']; tenantId?: string } = {},
): Promise<string> {
  return handedOverCaseDoc(
    services,
    options.tenantId ?? jobformidler.tenantId,
    jobformidler.aadObjectId,
    options.conversationAt ?? '2025-03-03',
    {
      screenerId: 'screener-1',
      ...(options.caseRef ? { caseRef: options.caseRef } : {}),
      ...(options.status ? { status: options.status } : {}),
    },
  );
}

/** The data of the button with this verb on a card (the form's hidden fields: caseRef, submissionId, etag, …). */
export function buttonData(card: AdaptiveCard | undefined, verb: string): Record<string, unknown> {
  const action = actionsOf(card).find((a) => a.verb === verb);
  if (action === undefined) throw new Error(`No ${verb} button on the card`);
  const { verb: _v, ...data } = action.data;
  return data;
}

/** The current values of a card's inputs, by id (what Teams would send back unchanged). */
export function inputValues(card: AdaptiveCard | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
      out[o.id] = typeof o.value === 'string' ? o.value : '';
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** Every element of a type in a card (e.g. 'Chart.Line'). */
export function elementsOf(card: unknown, type: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === type) out.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}
