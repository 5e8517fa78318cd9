import { NotFoundError } from '../../domain/errors';
import type { CaseOwnership } from '../../domain/policy';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';

/**
 * The one way this feature touches a case: read its owners, then go through the audited guard with
 * `progression.score` (the case's assigned jobformidler) and purpose `progression`. A case that does
 * not exist is refused exactly like somebody else's case, so case numbers cannot be probed.
 */
export async function withCase<T>(
  ctx: HandlerContext,
  caseRef: string,
  access: { readonly kind: 'read' | 'write'; readonly auditAction: string },
  work: (caseDoc: WithEtag<CaseDoc>) => Promise<T>,
): Promise<T> {
  const caseDoc = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  const resource: CaseOwnership =
    caseDoc === undefined
      ? { tenantId: ctx.actor.tenantId }
      : {
          tenantId: caseDoc.tenantId,
          screenerId: caseDoc.screenerId,
          assignedJobformidlerId: caseDoc.assignedJobformidlerId,
        };
  return ctx.guard.run(
    { action: 'progression.score', purpose: 'progression', caseRef, resource, ...access },
    async () => {
      if (caseDoc === undefined) throw new NotFoundError(`case ${caseRef}`);
      return work(caseDoc);
    },
  );
}

/**
 * The case reference as stored: typed as written, else in capitals (generated references such as
 * FR-7KQ2-M9XA are upper-case, and people type them in lower case). Only existence is looked at.
 */
export async function storedCaseRef(ctx: HandlerContext, typed: string): Promise<string> {
  const upper = typed.toUpperCase();
  if (upper === typed) return typed;
  const cases = new CaseRepository(ctx.services.store);
  if ((await cases.get(ctx.actor.tenantId, typed)) !== undefined) return typed;
  return (await cases.get(ctx.actor.tenantId, upper)) !== undefined ? upper : typed;
}

/** The start of the case's current group-1 period, if it is in group 1 (the cadence starts there). */
export const g1StartOf = (caseDoc: CaseDoc): string | undefined =>
  caseDoc.visitation?.group === 'G1_INTERVENTION' && caseDoc.status !== 'CLOSED'
    ? caseDoc.visitation.effectiveFrom
    : undefined;
