import { caseDocId } from '../domain/case';
import { HkoDocSchema, type HkoDoc } from '../domain/hko';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';
import { queryAll, type WithEtag } from './documents';

/** HKO applications: art. 9 data, so they live in the `sensitive` container (partition caseRef). */
export class HkoRepository extends CaseDocRepository<HkoDoc> {
  constructor(store: Store) {
    super(store.containers.sensitive, HkoDocSchema, (tenantId, hkoId) => caseDocId(tenantId, 'hko', hkoId));
  }

  listForCase(tenantId: string, caseRef: string): Promise<WithEtag<HkoDoc>[]> {
    return queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "hko_application"',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: caseRef },
        ],
      },
      HkoDocSchema,
    );
  }
}
