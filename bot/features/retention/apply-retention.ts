import { CasePartition } from '../../store/case-partition';
import { CaseRepository } from '../../store/case-repository';
import type { Services } from '../../services';
import { retentionStamp } from './rules';

export type RetentionResult =
  | { readonly status: 'applied'; readonly documents: number; readonly expiresAt: string }
  | { readonly status: 'lifted'; readonly documents: number }
  | { readonly status: 'not_found' };

/**
 * Gives every document of a case, in `cases` and `sensitive`, the retention of the tenant's
 * `retentionDaysAfterClosure`, counted from the case's closure date. A case that is open again
 * loses its stamp. Generic over document types: whatever a feature stored in the partition is covered.
 * System work: the caller has already been allowed and audited (see close-case.ts).
 */
export async function applyRetention(
  services: Pick<Services, 'store' | 'directory'>,
  tenantId: string,
  caseRef: string,
  now: Date,
): Promise<RetentionResult> {
  const theCase = await new CaseRepository(services.store).get(tenantId, caseRef);
  if (theCase === undefined) return { status: 'not_found' };
  const partition = new CasePartition(services.store);
  if (theCase.closure === undefined) {
    return { status: 'lifted', documents: await partition.stamp(tenantId, caseRef, undefined) };
  }
  const settings = await services.directory.getSettings(tenantId);
  const stamp = retentionStamp(theCase.closure.date, settings.retentionDaysAfterClosure, now, settings.timeZone);
  const documents = await partition.stamp(tenantId, caseRef, stamp);
  return { status: 'applied', documents, expiresAt: stamp.expiresAt };
}
