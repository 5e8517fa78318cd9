import { z } from 'zod';
import { ClosureReasonSchema, IsoDateSchema } from '../../domain/case';
import { InvalidInputError, NotFoundError } from '../../domain/errors';
import { CaseRepository } from '../../store/case-repository';
import type { HandlerContext } from '../feature';
import { applyRetention, type RetentionResult } from './apply-retention';

export const ClosureSchema = z.object({ date: IsoDateSchema, reason: ClosureReasonSchema });
export type Closure = z.infer<typeof ClosureSchema>;

/**
 * Closes a case and starts its retention clock: status CLOSED, `closure` set, and every document of
 * the case stamped with a TTL. Audited as a write by the policy's `case.write` (the case's jobformidler).
 * A closing flow (jobformidler feature) calls this instead of writing `closure` itself.
 */
export async function closeCase(ctx: HandlerContext, caseRef: string, closure: Closure): Promise<RetentionResult> {
  const cases = new CaseRepository(ctx.services.store);
  const theCase = await cases.get(ctx.actor.tenantId, caseRef);
  if (theCase === undefined) throw new NotFoundError('case');
  const valid = ClosureSchema.parse(closure);
  return ctx.guard.run(
    {
      action: 'case.write',
      auditAction: 'case.close',
      kind: 'write',
      purpose: 'follow_up',
      caseRef,
      resource: theCase,
    },
    async () => {
      // An old confirmation card must not restart the retention clock of a case closed already.
      if (theCase.status === 'CLOSED') throw new InvalidInputError('input.case_closed');
      await cases.replace({
        ...theCase,
        status: 'CLOSED',
        closure: valid,
        updatedAt: ctx.now.toISOString(),
        updatedBy: ctx.actor.userId,
      });
      return applyRetention(ctx.services, ctx.actor.tenantId, caseRef, ctx.now);
    },
  );
}
