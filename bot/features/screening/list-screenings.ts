import type { MyScreenings } from '../../../cards/screening/list-card';
import type { HandlerContext } from '../feature';
import { businessDateOf, startOfIsoWeek } from '../../domain/calendar';
import { repositoriesOf } from './repositories';
import { questionnaireOf } from './views';

const MAX_ROWS = 15;

/**
 * "Mine screeninger": the screener's screenings in progress, cases waiting for their visitation
 * decision (not those whose screening was aborted), and what was finished or aborted this ISO week
 * (Danish time). Reads no answers: the list query
 * selects only status fields. One audited read for the list.
 */
export function listMyScreenings(ctx: HandlerContext): Promise<MyScreenings> {
  return ctx.guard.run({ action: 'screening.list_own', kind: 'read', purpose: 'screening' }, async () => {
    const { screenings } = repositoriesOf(ctx);
    const { tenantId, userId } = ctx.actor;
    const since = startOfIsoWeek(ctx.now);
    const [items, awaiting] = await Promise.all([
      screenings.listForScreener(tenantId, userId, since, MAX_ROWS * 2),
      screenings.listAwaitingVisitation(tenantId, userId, MAX_ROWS),
    ]);
    // An aborted screening does not lead to a visitation decision: it is listed as aborted, not as screened.
    const aborted = await screenings.abortedAmong(
      tenantId,
      userId,
      awaiting.map((c) => c.caseRef),
    );
    const waiting = awaiting.filter((c) => !aborted.has(c.caseRef));
    const awaitingRefs = new Set(waiting.map((c) => c.caseRef));
    const inProgress = items
      .filter((s) => s.status === 'IN_PROGRESS')
      .slice(0, MAX_ROWS)
      .map((s) => ({
        caseRef: s.caseRef,
        stepNumber: s.stepIndex + 1,
        totalSteps: questionnaireOf(s).steps.length,
        startedOn: businessDateOf(s.startedAt),
      }));
    const finishedThisWeek = items
      .filter((s) => s.status !== 'IN_PROGRESS' && s.completedAt !== undefined && !awaitingRefs.has(s.caseRef))
      .slice(0, MAX_ROWS)
      .map((s) => ({
        caseRef: s.caseRef,
        status: s.status === 'ABORTED' ? ('ABORTED' as const) : ('COMPLETED' as const),
        finishedOn: businessDateOf(s.completedAt ?? s.updatedAt),
      }));
    const awaitingVisitation = waiting.map((c) => ({ caseRef: c.caseRef, screenedOn: businessDateOf(c.updatedAt) }));
    const full = items.length >= MAX_ROWS * 2 || awaiting.length >= MAX_ROWS;
    return { inProgress, awaitingVisitation, finishedThisWeek, capped: full ? MAX_ROWS : undefined };
  });
}
