import { NotFoundError } from '../../domain/errors';
import type { CaseContainerName } from '../../store/case-partition';
import { auditEntriesOf, countByContainer, findCase, type PrivacyAccess } from './case-lookup';
import { extractRows, type ExtractRow } from './rules';

export interface CaseExport {
  readonly format: 'fremdrift-case-export';
  readonly version: 1;
  readonly tenantId: string;
  readonly caseRef: string;
  readonly exportedAt: string;
  /** False for the chat export: art. 9 documents are counted, not included. */
  readonly includesSensitive: boolean;
  readonly counts: { readonly cases: number; readonly sensitive: number };
  readonly documents: Partial<Record<CaseContainerName, Record<string, unknown>[]>>;
  readonly accessLog: ExtractRow[];
}

/**
 * A case's data as JSON for an access or portability request (art. 15/20): every document of the
 * case in the actor's tenant, whatever feature wrote it, plus the access log (dates and purposes).
 * Storage details (ETag, TTL) are left out. Audited as a read for a data subject request.
 */
export async function exportCase(
  access: PrivacyAccess,
  typedRef: string,
  options: { readonly includeSensitive: boolean },
): Promise<CaseExport> {
  const { actor, services } = access;
  const found = await findCase(access, typedRef);
  if (found === undefined) throw new NotFoundError('case');
  return access.guard.run(
    {
      action: 'case.export',
      auditAction: options.includeSensitive ? 'case.export.full' : 'case.export',
      kind: 'read',
      purpose: 'data_subject_request',
      caseRef: found.caseRef,
      resource: found.owners,
    },
    async () => {
      const settings = await services.directory.getSettings(actor.tenantId);
      const plain = (container: CaseContainerName): Record<string, unknown>[] =>
        found.documents
          .filter((d) => d.container === container)
          .map(({ doc }) => {
            const { _etag: _e, ttl: _t, ...rest } = doc;
            return rest;
          });
      return {
        format: 'fremdrift-case-export',
        version: 1,
        tenantId: actor.tenantId,
        caseRef: found.caseRef,
        exportedAt: access.services.clock.now().toISOString(),
        includesSensitive: options.includeSensitive,
        counts: countByContainer(found.documents),
        documents: options.includeSensitive
          ? { cases: plain('cases'), sensitive: plain('sensitive') }
          : { cases: plain('cases') },
        accessLog: extractRows(await auditEntriesOf(services, actor.tenantId, found.caseRef), settings.timeZone),
      };
    },
  );
}
