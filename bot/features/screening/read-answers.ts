import { NotFoundError } from '../../domain/errors';
import type { CaseDoc } from '../../store/case-repository';
import type { ScreeningDoc } from '../../store/screening-repository';
import type { AuditPurpose } from '../../store/audit-log';
import type { HandlerContext } from '../feature';
import { repositoriesOf } from './repositories';

export interface ScreeningRead {
  readonly caseDoc: CaseDoc;
  readonly screening: ScreeningDoc;
}

/**
 * A screening's answers (GDPR art. 9), for the screener who ran it or the case's assigned
 * jobformidler only; anyone else is refused and the refusal is logged. Every look-up is logged
 * with the case and purpose (screening, or follow-up when the jobformidler opens them from the
 * case), so a citizen's access log shows it.
 */
export async function readScreening(
  ctx: HandlerContext,
  caseRef: string,
  auditAction: string,
  purpose: Extract<AuditPurpose, 'screening' | 'follow_up'> = 'screening',
): Promise<ScreeningRead> {
  const { cases, screenings } = repositoriesOf(ctx);
  const caseDoc = await cases.get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError('case');
  return ctx.guard.run(
    {
      action: 'screening.read_answers',
      auditAction,
      kind: 'read',
      purpose,
      caseRef,
      resource: {
        tenantId: caseDoc.tenantId,
        screenerId: caseDoc.screenerId,
        assignedJobformidlerId: caseDoc.assignedJobformidlerId,
      },
    },
    async () => {
      const screening = await screenings.get(ctx.actor.tenantId, caseRef);
      if (screening === undefined) throw new NotFoundError('screening');
      return { caseDoc, screening };
    },
  );
}
