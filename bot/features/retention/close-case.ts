import { z } from 'zod';
import { ClosureReasonSchema, IsoDateSchema } from '../../domain/case';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import type { PolicyAction } from '../../domain/policy';
import type { AuditPurpose } from '../../store/audit-log';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import type { Services } from '../../services';
import type { HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';
import { applyRetention, type RetentionResult } from './apply-retention';

export const ClosureSchema = z.object({ date: IsoDateSchema, reason: ClosureReasonSchema });
export type Closure = z.infer<typeof ClosureSchema>;

/**
 * The one way a case ends (issue 12 item 3): status CLOSED, `closure` set, the case facts rebuilt so
 * "Mine borgere" and the digest see it, and every document of the case, in `cases` and `sensitive`,
 * stamped with the tenant's retention period counted from the closure date. Every path that ends a
 * case comes here: the jobformidler's "Afslut sag", the group 2 owner's closing, a declined or
 * aborted screening, an "outside the target group" or group 3 decision, and the daily retention check.
 *
 * System work: the caller has been allowed and audited (the turn's guard, or a system audit entry).
 * `changes` are further fields of the case written in the same replace (e.g. the visitation decision
 * that closes it). ETag-guarded: a concurrent change is re-read and the closure applied to it.
 */
export async function recordClosure(
  services: Pick<Services, 'store' | 'directory'>,
  tenantId: string,
  caseRef: string,
  closure: Closure,
  by: { readonly userId: string; readonly now: Date },
  changes: (current: CaseDoc) => Partial<CaseDoc> = () => ({}),
): Promise<{ caseDoc: WithEtag<CaseDoc>; retention: RetentionResult }> {
  const valid = ClosureSchema.parse(closure);
  const cases = new CaseRepository(services.store);
  let saved: WithEtag<CaseDoc> | undefined;
  for (let attempt = 0; attempt < 3 && saved === undefined; attempt++) {
    const current = await cases.get(tenantId, caseRef);
    if (current === undefined) throw new NotFoundError('case');
    // An old card must not restart the retention clock of a case closed already.
    if (current.status === 'CLOSED') throw new InvalidInputError('input.case_closed');
    try {
      saved = await cases.replace({
        ...current,
        ...changes(current),
        status: 'CLOSED',
        closure: valid,
        updatedAt: by.now.toISOString(),
        updatedBy: by.userId,
      });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  if (saved === undefined) throw new ConflictError('case');
  const settings = await services.directory.getSettings(tenantId);
  const facts = new CaseFactsRepository(services.store);
  // The facts exist (and say CLOSED) before the stamp, so the stamp covers them; later rebuilds keep it.
  await facts.rebuild(tenantId, caseRef, settings, by.now);
  const retention = await applyRetention(services, tenantId, caseRef, by.now);
  // The case as stamped (its `expiresAt` is what the user is told).
  return { caseDoc: (await cases.get(tenantId, caseRef)) ?? saved, retention };
}

/**
 * Closes a case as the acting user, audited as `case.close` under `via` (the jobformidler's
 * `case.write` by default; the group 2 owner closes under `rehab.write`).
 */
export async function closeCase(
  ctx: HandlerContext,
  caseRef: string,
  closure: Closure,
  via: { readonly action: PolicyAction; readonly purpose: AuditPurpose } = {
    action: 'case.write',
    purpose: 'follow_up',
  },
): Promise<RetentionResult> {
  const theCase = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (theCase === undefined) throw new NotFoundError('case');
  const valid = ClosureSchema.parse(closure);
  return ctx.guard.run(
    {
      action: via.action,
      auditAction: 'case.close',
      kind: 'write',
      purpose: via.purpose,
      caseRef,
      resource: ownershipOf(theCase),
    },
    async () => {
      if (theCase.status === 'CLOSED') throw new InvalidInputError('input.case_closed');
      const done = await recordClosure(ctx.services, ctx.actor.tenantId, caseRef, valid, {
        userId: ctx.actor.userId,
        now: ctx.now,
      });
      return done.retention;
    },
  );
}
