import { caseDocId } from '../domain/case';
import { AgreementDocSchema, type AgreementDoc } from '../domain/work-agreement';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';

/** Work agreements, one document each, keyed by agreementId. */
export class AgreementRepository extends CaseDocRepository<AgreementDoc> {
  constructor(store: Store) {
    super(store.containers.cases, AgreementDocSchema, (tenantId, agreementId) =>
      caseDocId(tenantId, 'agreement', agreementId),
    );
  }
}
