import { caseDocId } from '../../domain/case';
import { stampNew } from '../../domain/case-work-doc';
import type { HandlerContext } from '../feature';

/**
 * The fields a new document of a case's work starts with: its id (the tenant is part of it, so no
 * municipality can reach another's), the case it belongs to, its type, and who created it when.
 */
export const newCaseWorkDoc = <T extends string>(
  ctx: HandlerContext,
  caseRef: string,
  type: T,
  idKind: string,
  ...key: string[]
) => ({
  id: caseDocId(ctx.actor.tenantId, idKind, ...key),
  tenantId: ctx.actor.tenantId,
  caseRef,
  type,
  ...stampNew(ctx.actor.userId, ctx.now),
});

/** Who changed a document of a case's work, and when (every save stamps it). */
export const changedBy = (ctx: HandlerContext) => ({
  updatedAt: ctx.now.toISOString(),
  updatedBy: ctx.actor.userId,
});
