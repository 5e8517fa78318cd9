import { NotFoundError } from '../../domain/errors';
import { auditEntriesOf, findCase, type PrivacyAccess } from './case-lookup';
import { caseRefCandidates, extractRows, type ExtractRow } from './rules';

export interface AuditExtract {
  readonly caseRef: string;
  readonly rows: ExtractRow[];
  readonly retentionDays: number;
}

/**
 * A citizen's log extract (art. 15; Datatilsynet 2024-32-0283): the dates and purposes of the
 * look-ups and changes of the case's data, without staff identities. Works after the case itself
 * was erased, as long as the log is kept. The extract is itself audited, as a data subject request.
 */
export async function auditExtract(access: PrivacyAccess, typedRef: string): Promise<AuditExtract> {
  const { services, actor } = access;
  const found = await findCase(access, typedRef);
  let caseRef = found?.caseRef;
  let entries = caseRef !== undefined ? await auditEntriesOf(services, actor.tenantId, caseRef) : [];
  if (found === undefined) {
    for (const candidate of caseRefCandidates(typedRef)) {
      entries = await auditEntriesOf(services, actor.tenantId, candidate);
      if (entries.length > 0) {
        caseRef = candidate;
        break;
      }
    }
  }
  if (caseRef === undefined) throw new NotFoundError('case');
  const settings = await services.directory.getSettings(actor.tenantId);
  const ref = caseRef;
  return access.guard.run(
    {
      action: 'audit.extract',
      kind: 'read',
      purpose: 'data_subject_request',
      caseRef: ref,
      resource: found?.owners ?? { tenantId: actor.tenantId },
    },
    async () => ({
      caseRef: ref,
      rows: extractRows(entries, settings.timeZone),
      retentionDays: settings.auditRetentionDays,
    }),
  );
}
