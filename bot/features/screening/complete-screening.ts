import type { ClosureReason, ScreeningOutcome } from '../../domain/case';
import { ConflictError } from '../../domain/errors';
import type { ScreeningDoc } from '../../store/screening-repository';
import type { HandlerContext } from '../feature';
import { rebuildCaseFacts } from '../case-work/rebuild-facts';
import { recordClosure } from '../retention/close-case';
import { repositoriesOf } from './repositories';

/** Outcomes that end the case at once, so the screening's art. 9 data starts its retention clock (issue 12 item 3). */
const CLOSING_OUTCOMES: Partial<Record<ScreeningOutcome, ClosureReason>> = {
  DECLINED: 'SCREENING_DECLINED',
  ABORTED: 'SCREENING_ABORTED',
};

/** Where a finished screening leaves its case. */
export type SettledCase =
  | { readonly state: 'awaiting_visitation' }
  | { readonly state: 'closed'; readonly expiresAt?: string | undefined }
  | { readonly state: 'other' };

/**
 * What follows a finished (completed or aborted) screening, outside its own document: the
 * SensitiveFacts the digest counts (screening funnel) and the case moving on: to AWAITING_VISITATION,
 * or, when the citizen declined or the screening was aborted, closed at once with the retention
 * clock running (a screener or admin re-opens it if the citizen comes back). It is idempotent and
 * runs again whenever a finished screening is shown while the case still says SCREENING, so an
 * interrupted finish completes on the next click instead of leaving the case stuck. Facts are
 * written first: the case status is the marker that both are done.
 * Runs inside the caller's audited write.
 */
export async function settleFinishedScreening(ctx: HandlerContext, screening: ScreeningDoc): Promise<SettledCase> {
  const { cases, sensitiveFacts } = repositoriesOf(ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    const caseDoc = await cases.get(screening.tenantId, screening.caseRef);
    if (caseDoc === undefined) return { state: 'other' };
    if (caseDoc.status !== 'SCREENING') return settledStateOf(caseDoc);
    if (screening.outcome !== undefined && screening.conductedOn !== undefined) {
      const screeningFacts = { conductedAt: screening.conductedOn, outcome: screening.outcome };
      await sensitiveFacts.update(screening.tenantId, screening.caseRef, ctx.now, (facts) => ({
        ...facts,
        screening: screeningFacts,
      }));
    }
    const closing = screening.outcome !== undefined ? CLOSING_OUTCOMES[screening.outcome] : undefined;
    if (closing !== undefined && screening.conductedOn !== undefined) {
      const { retention } = await recordClosure(
        ctx.services,
        screening.tenantId,
        screening.caseRef,
        { date: screening.conductedOn, reason: closing },
        { userId: ctx.actor.userId, now: ctx.now },
      );
      return { state: 'closed', ...(retention.status === 'applied' ? { expiresAt: retention.expiresAt } : {}) };
    }
    try {
      await cases.replace({
        ...caseDoc,
        status: 'AWAITING_VISITATION',
        updatedAt: ctx.now.toISOString(),
        updatedBy: ctx.actor.userId,
      });
      await rebuildCaseFacts(ctx, screening.caseRef);
      return { state: 'awaiting_visitation' };
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ConflictError('case');
}

export function settledStateOf(caseDoc: {
  readonly status: string;
  readonly expiresAt?: string | undefined;
}): SettledCase {
  if (caseDoc.status === 'AWAITING_VISITATION') return { state: 'awaiting_visitation' };
  if (caseDoc.status === 'CLOSED') return { state: 'closed', expiresAt: caseDoc.expiresAt };
  return { state: 'other' };
}
