import { generateCaseRef } from '../../store/case-repository';
import type { HandlerContext } from '../feature';
import { questionnaires } from './questionnaires/registry';
import { repositoriesOf } from './repositories';
import { checkCaseNumber } from './rules';
import { resume } from './record-step';
import type { ScreeningView } from './views';

export type StartResult =
  | { readonly kind: 'view'; readonly view: ScreeningView; readonly resumed: boolean }
  | { readonly kind: 'invalid'; readonly reason: 'format' | 'cpr_shaped' }
  | { readonly kind: 'taken'; readonly caseRef: string };

/**
 * Opens a case for a citizen known only by a pseudonymous reference (the municipality's case number
 * or a generated one) and starts its screening with the current questionnaire version. Typing the
 * number of a case the same screener already started resumes it instead of failing.
 */
export async function startScreening(ctx: HandlerContext, caseNumber: string): Promise<StartResult> {
  ctx.guard.require('screening.run');
  const { cases, screenings } = repositoriesOf(ctx);
  const tenantId = ctx.actor.tenantId;
  const typed = caseNumber.trim() !== '';
  let caseRef: string;
  if (typed) {
    const check = checkCaseNumber(caseNumber);
    if (!check.ok) return { kind: 'invalid', reason: check.reason };
    caseRef = check.caseRef;
  } else caseRef = generateCaseRef();

  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await cases.get(tenantId, caseRef);
    if (existing !== undefined) {
      if (!typed) {
        caseRef = generateCaseRef();
        continue;
      }
      if (existing.screenerId !== ctx.actor.userId) return { kind: 'taken', caseRef };
      // The same screener again: finish creating an interrupted start, else resume.
      if ((await screenings.get(tenantId, caseRef)) !== undefined)
        return { kind: 'view', view: await resume(ctx, caseRef), resumed: true };
    }
    const now = ctx.now.toISOString();
    const q = questionnaires.current();
    const created = await ctx.guard.run(
      {
        action: 'screening.run',
        auditAction: 'screening.start',
        kind: 'write',
        purpose: 'screening',
        caseRef,
        resource: { tenantId, screenerId: ctx.actor.userId },
      },
      async () => {
        if (existing === undefined) {
          const made = await cases.create({
            tenantId,
            caseRef,
            status: 'SCREENING',
            screenerId: ctx.actor.userId,
            jobformidlerHistory: [],
            createdAt: now,
            updatedAt: now,
            updatedBy: ctx.actor.userId,
          });
          if (made === undefined) return undefined;
        }
        return screenings.create({
          tenantId,
          caseRef,
          screeningNo: 1,
          screenerId: ctx.actor.userId,
          questionnaireId: q.id,
          questionnaireVersion: q.version,
          status: 'IN_PROGRESS',
          stepIndex: 0,
          seq: 0,
          answers: {},
          startedAt: now,
          updatedAt: now,
        });
      },
    );
    if (created !== undefined) return { kind: 'view', view: { kind: 'step', screening: created }, resumed: false };
    if (typed) return { kind: 'taken', caseRef };
    caseRef = generateCaseRef();
  }
  return { kind: 'taken', caseRef };
}
