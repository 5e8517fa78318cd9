import { CaseRepository, generateCaseRef, type CaseDoc } from '../../bot/store/case-repository';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import type { Services } from '../../bot/services';

/**
 * A case as the visitation handover leaves it (group 1, assigned, ACTIVE), written through
 * CaseRepository with its facts rebuilt, as the visitation feature does; the latency scenarios start
 * from here so they time the jobformidler's turn, not the screening before it.
 */
export async function handedOverCase(
  services: Services,
  tenantId: string,
  jobformidlerId: string,
  conversationAt: string,
  options: { caseRef?: string; status?: CaseDoc['status']; screenerId?: string } = {},
): Promise<string> {
  const caseRef = options.caseRef ?? generateCaseRef();
  const screenerId = options.screenerId ?? 'bench-screener';
  const created = await new CaseRepository(services.store).create({
    tenantId,
    caseRef,
    status: options.status ?? 'ACTIVE',
    screenerId,
    assignedJobformidlerId: jobformidlerId,
    jobformidlerHistory: [{ userId: jobformidlerId, from: conversationAt }],
    visitation: {
      group: 'G1_INTERVENTION',
      conversationAt,
      decidedAt: `${conversationAt}T10:00:00.000Z`,
      decidedBy: screenerId,
      effectiveFrom: conversationAt,
    },
    createdAt: `${conversationAt}T09:00:00.000Z`,
    updatedAt: `${conversationAt}T10:00:00.000Z`,
    updatedBy: screenerId,
  });
  if (created === undefined) throw new Error(`case ${caseRef} exists`);
  const settings = await services.directory.getSettings(tenantId);
  await new CaseFactsRepository(services.store).rebuild(
    tenantId,
    caseRef,
    settings,
    new Date(`${conversationAt}T10:00:00.000Z`),
  );
  return caseRef;
}
