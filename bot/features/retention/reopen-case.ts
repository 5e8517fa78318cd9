import type { CaseStatus } from '../../domain/case';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';
import { applyRetention } from './apply-retention';
import { isExpired } from './rules';

/**
 * Where a re-opened case continues (issue 15 item 2: "a screener or admin can re-open it within the
 * retention period if the citizen comes back"): a case never visited waits for visitation again;
 * a visited one goes back to its group's state (group 3 and "outside the target group" then wait
 * for a changed visitation decision, see visitation.change).
 */
export function statusAfterReopening(caseDoc: CaseDoc): CaseStatus {
  const group = caseDoc.visitation?.group;
  if (group === undefined) return 'AWAITING_VISITATION';
  if (group === 'G1_INTERVENTION' && caseDoc.assignedJobformidlerId !== undefined) return 'ACTIVE';
  return 'VISITED';
}

export type ReopenResult =
  { readonly kind: 'reopened'; readonly caseDoc: WithEtag<CaseDoc> } | { readonly kind: 'not_closed' | 'expired' };

/**
 * Re-opens a closed case: the closure moves to `closureHistory`, the status goes back (see above),
 * and every document loses its retention stamp (the clock starts again at the next closure).
 * Audited as `case.reopen` (purpose administration). A case whose retention has run out is not
 * re-opened, even if the daily purge has not erased it yet.
 */
export async function reopenCase(ctx: HandlerContext, caseRef: string): Promise<ReopenResult> {
  const cases = new CaseRepository(ctx.services.store);
  const first = await cases.get(ctx.actor.tenantId, caseRef);
  if (first === undefined) throw new NotFoundError('case');
  return ctx.guard.run(
    {
      action: 'case.reopen',
      auditAction: 'case.reopen',
      kind: 'write',
      purpose: 'administration',
      caseRef,
      resource: ownershipOf(first),
    },
    async (): Promise<ReopenResult> => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = attempt === 0 ? first : await cases.get(ctx.actor.tenantId, caseRef);
        if (current === undefined) throw new NotFoundError('case');
        if (current.status !== 'CLOSED' || current.closure === undefined) return { kind: 'not_closed' };
        if (isExpired(current, ctx.now)) return { kind: 'expired' };
        const { closure, ttl: _ttl, expiresAt: _expiresAt, ...rest } = current;
        try {
          const saved = await cases.replace({
            ...rest,
            status: statusAfterReopening(current),
            closureHistory: [
              ...(current.closureHistory ?? []),
              { ...closure, reopenedAt: ctx.now.toISOString(), reopenedBy: ctx.actor.userId },
            ],
            updatedAt: ctx.now.toISOString(),
            updatedBy: ctx.actor.userId,
          });
          await applyRetention(ctx.services, ctx.actor.tenantId, caseRef, ctx.now);
          const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
          const facts = new CaseFactsRepository(ctx.services.store);
          await facts.rebuild(ctx.actor.tenantId, caseRef, settings, ctx.now);
          return { kind: 'reopened', caseDoc: saved };
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new ConflictError('case');
    },
  );
}
