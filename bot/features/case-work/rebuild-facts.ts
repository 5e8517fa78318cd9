import { CaseFactsRepository } from '../../store/case-facts-repository';
import type { HandlerContext } from '../feature';

/**
 * Rebuilds the case facts projection after a write outside `writeCase` (screening, visitation,
 * closing): every writer rebuilds after its own write, or the digest and the nudge miss it.
 * Call it inside the caller's audited write.
 */
export async function rebuildCaseFacts(ctx: HandlerContext, caseRef: string): Promise<void> {
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  await new CaseFactsRepository(ctx.services.store).rebuild(ctx.actor.tenantId, caseRef, settings, ctx.now);
}
