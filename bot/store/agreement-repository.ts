import { caseDocId } from '../domain/case';
import { AgreementDocSchema, type AgreementDoc } from '../domain/work-agreement';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';
import { queryAll, type WithEtag } from './documents';

/** Work agreements, one document each, keyed by agreementId. */
export class AgreementRepository extends CaseDocRepository<AgreementDoc> {
  constructor(store: Store) {
    super(store.containers.cases, AgreementDocSchema, (tenantId, agreementId) =>
      caseDocId(tenantId, 'agreement', agreementId),
    );
  }

  /** The case's agreements (a handful; one partition). */
  listForCase(tenantId: string, caseRef: string): Promise<WithEtag<AgreementDoc>[]> {
    return queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "work_agreement"',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: caseRef },
        ],
      },
      AgreementDocSchema,
    );
  }
}
