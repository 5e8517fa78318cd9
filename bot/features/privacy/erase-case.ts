import { NotFoundError } from '../../domain/errors';
import { CasePartition } from '../../store/case-partition';
import { countByContainer, findCase, type PrivacyAccess } from './case-lookup';
import type { ErasureReason } from './rules';

/** What an erasure would remove (for the confirmation card); audited as a read for the request. */
export async function describeCase(
  access: PrivacyAccess,
  typedRef: string,
  auditAction: 'case.export.request' | 'case.erase.request',
): Promise<{ caseRef: string; counts: { cases: number; sensitive: number } }> {
  const found = await findCase(access, typedRef);
  if (found === undefined) throw new NotFoundError('case');
  const action = auditAction === 'case.export.request' ? 'case.export' : 'case.erase';
  return access.guard.run(
    {
      action,
      auditAction,
      kind: 'read',
      purpose: 'data_subject_request',
      caseRef: found.caseRef,
      resource: found.owners,
    },
    async () => ({ caseRef: found.caseRef, counts: countByContainer(found.documents) }),
  );
}

/**
 * Erases every document of a case in `cases` and `sensitive` (art. 17, on a lawful request). The
 * write is audited before it happens, with the ground; the case's audit entries are kept for their
 * own retention as evidence of the erasure. Running it again after a failure finishes the job.
 */
export async function eraseCase(
  access: PrivacyAccess,
  caseRef: string,
  reason: ErasureReason,
): Promise<{ cases: number; sensitive: number }> {
  const found = await findCase(access, caseRef);
  if (found === undefined || found.caseRef !== caseRef) throw new NotFoundError('case');
  return access.guard.run(
    {
      action: 'case.erase',
      auditAction: `case.erase.${reason}`,
      kind: 'write',
      purpose: 'data_subject_request',
      caseRef,
      resource: found.owners,
    },
    () => new CasePartition(access.services.store).erase(access.actor.tenantId, caseRef),
  );
}
