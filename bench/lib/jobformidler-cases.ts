import { CaseRepository, generateCaseRef } from '../../bot/store/case-repository';
import type { Services } from '../../bot/services';

/**
 * A case as the visitation handover leaves it (group 1, assigned, ACTIVE), written through
 * CaseRepository as the visitation feature does; the latency scenarios start from here so they
 * time the jobformidler's turn, not the screening before it.
 */
export async function handedOverCase(
  services: Services,
  tenantId: string,
  jobformidlerId: string,
  conversationAt: string,
): Promise<string> {
  const caseRef = generateCaseRef();
  const created = await new CaseRepository(services.store).create({
    tenantId,
    caseRef,
    status: 'ACTIVE',
    screenerId: 'bench-screener',
    assignedJobformidlerId: jobformidlerId,
    jobformidlerHistory: [{ userId: jobformidlerId, from: conversationAt }],
    visitation: {
      group: 'G1_INTERVENTION',
      conversationAt,
      decidedAt: `${conversationAt}T10:00:00.000Z`,
      decidedBy: 'bench-screener',
      effectiveFrom: conversationAt,
    },
    createdAt: `${conversationAt}T09:00:00.000Z`,
    updatedAt: `${conversationAt}T10:00:00.000Z`,
    updatedBy: 'bench-screener',
  });
  if (created === undefined) throw new Error(`case ${caseRef} exists`);
  return caseRef;
}
