import { businessDate } from '../../domain/calendar';
import { InvalidInputError, NotFoundError } from '../../domain/errors';
import type { CaseOwnership, PolicyAction } from '../../domain/policy';
import type { TenantSettings } from '../../domain/tenant-settings';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import type { WithEtag } from '../../store/documents';
import type { HandlerContext } from '../feature';

/**
 * The one way the jobformidler's features reach a case: load its owners, ask the policy through the
 * guard (which audits every read and write with purpose `follow_up`), and after a write rebuild
 * the case facts so "Mine borgere", the nudge and the digest see it at once.
 */
export interface CaseScope {
  readonly caseDoc: WithEtag<CaseDoc>;
  readonly settings: TenantSettings;
  /** The municipality's business date of this turn. */
  readonly today: string;
}

export const ownershipOf = (c: CaseDoc, teamLeaderIds?: readonly string[]): CaseOwnership => ({
  tenantId: c.tenantId,
  screenerId: c.screenerId,
  assignedJobformidlerId: c.assignedJobformidlerId,
  caseworkerId: c.caseworkerId,
  pendingTransferToId: c.pendingTransfer?.toUserId,
  ...(teamLeaderIds !== undefined ? { teamLeaderIds } : {}),
});

/**
 * The one answer to a case that is not there for this actor: "not found", before any policy
 * decision. The tenant is part of every id, so another municipality's case is simply not found.
 */
export const caseNotFound = (caseRef: string): NotFoundError => new NotFoundError(`case ${caseRef}`);

async function scopeOf(ctx: HandlerContext, caseRef: string): Promise<CaseScope> {
  const caseDoc = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw caseNotFound(caseRef);
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  return { caseDoc, settings, today: businessDate(ctx.now, settings.timeZone) };
}

/** Audited read of one case. */
export async function readCase<T>(
  ctx: HandlerContext,
  caseRef: string,
  auditAction: string,
  work: (scope: CaseScope) => Promise<T>,
  action: PolicyAction = 'case.read',
): Promise<T> {
  const scope = await scopeOf(ctx, caseRef);
  return ctx.guard.run(
    { action, kind: 'read', purpose: 'follow_up', caseRef, resource: ownershipOf(scope.caseDoc), auditAction },
    () => work(scope),
  );
}

/**
 * Audited write to one case, followed by the full facts rebuild, for writes the case-work kit's
 * changeCaseWork does not cover (several documents, or documents outside the case's work). Art. 9
 * data (`sensitive`, the HKO) lives in its own container and only changes the sensitive facts, so
 * only those are rebuilt then. A closed case takes no more writes.
 */
export async function writeCase<T>(
  ctx: HandlerContext,
  caseRef: string,
  auditAction: string,
  work: (scope: CaseScope) => Promise<T>,
  options: { action?: PolicyAction; sensitive?: boolean } = {},
): Promise<T> {
  const scope = await scopeOf(ctx, caseRef);
  return ctx.guard.run(
    {
      action: options.action ?? 'case.write',
      kind: 'write',
      purpose: 'follow_up',
      caseRef,
      resource: ownershipOf(scope.caseDoc),
      auditAction,
    },
    async () => {
      if (scope.caseDoc.status === 'CLOSED') throw new InvalidInputError('input.case_closed');
      const result = await work(scope);
      const facts = new CaseFactsRepository(ctx.services.store);
      if (options.sensitive) await facts.rebuildSensitive(ctx.actor.tenantId, caseRef, ctx.now);
      else await facts.rebuild(ctx.actor.tenantId, caseRef, scope.settings, ctx.now);
      return result;
    },
  );
}

/** Whether the actor may change this case (no audit entry: it only decides which buttons a card shows). */
export const mayWrite = (ctx: HandlerContext, caseDoc: CaseDoc): boolean =>
  ctx.guard.allows('case.write', ownershipOf(caseDoc)) && caseDoc.status !== 'CLOSED';
