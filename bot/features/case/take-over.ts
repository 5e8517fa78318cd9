import { caseCardText } from '../../i18n/case';
import { CaseRepository } from '../../store/case-repository';
import type { ActionOutcome, HandlerContext } from '../feature';
import { writeCase } from './case-access';
import { caseCardFor } from './open-case';

/**
 * The assigned jobformidler takes over a case handed over after visitation: the case becomes
 * active and the jobformidler's period starts (continuity, M20). Taking over twice changes nothing.
 */
export async function takeOverCase(ctx: HandlerContext, caseRef: string): Promise<ActionOutcome> {
  await writeCase(ctx, caseRef, 'case.take_over', async ({ caseDoc, today }) => {
    if (caseDoc.status !== 'VISITED') return;
    const userId = ctx.actor.userId;
    const open = caseDoc.jobformidlerHistory.find((h) => h.userId === userId && h.to === undefined);
    await new CaseRepository(ctx.services.store).replace({
      ...caseDoc,
      status: 'ACTIVE',
      jobformidlerHistory: open
        ? caseDoc.jobformidlerHistory
        : [...caseDoc.jobformidlerHistory, { userId, from: today }],
      updatedAt: ctx.now.toISOString(),
      updatedBy: userId,
    });
  });
  const card = await caseCardFor(ctx, caseRef, {
    text: caseCardText(ctx.actor.locale, 'card.taken_over'),
    tone: 'good',
  });
  return { card, refreshFor: 'everyone' };
}
