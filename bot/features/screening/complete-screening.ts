import { ConflictError } from '../../domain/errors';
import type { ScreeningDoc } from '../../store/screening-repository';
import type { HandlerContext } from '../feature';
import { rebuildCaseFacts } from '../case/rebuild-facts';
import { repositoriesOf } from './repositories';

/**
 * What follows a finished (completed or aborted) screening, outside its own document: the
 * SensitiveFacts the digest counts (screening funnel) and the case moving on to AWAITING_VISITATION.
 * It is idempotent and runs again whenever a finished screening is shown while the case still says
 * SCREENING, so an interrupted finish completes on the next click instead of leaving the case stuck.
 * Facts are written first: the case status is the marker that both are done.
 * Runs inside the caller's audited write.
 */
export async function settleFinishedScreening(ctx: HandlerContext, screening: ScreeningDoc): Promise<boolean> {
  const { cases, sensitiveFacts } = repositoriesOf(ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    const caseDoc = await cases.get(screening.tenantId, screening.caseRef);
    if (caseDoc === undefined) return false;
    if (caseDoc.status !== 'SCREENING') return caseDoc.status === 'AWAITING_VISITATION';
    if (screening.outcome !== undefined && screening.conductedOn !== undefined) {
      const screeningFacts = { conductedAt: screening.conductedOn, outcome: screening.outcome };
      await sensitiveFacts.update(screening.tenantId, screening.caseRef, ctx.now, (facts) => ({
        ...facts,
        screening: screeningFacts,
      }));
    }
    try {
      await cases.replace({
        ...caseDoc,
        status: 'AWAITING_VISITATION',
        updatedAt: ctx.now.toISOString(),
        updatedBy: ctx.actor.userId,
      });
      await rebuildCaseFacts(ctx, screening.caseRef);
      return true;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ConflictError('case');
}
