import { caseDocId } from '../domain/case';
import { PlacementDocSchema, type PlacementDoc } from '../domain/placement';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';
import { queryAll, type WithEtag } from './documents';

/** Placements, one document each, keyed by placementId. */
export class PlacementRepository extends CaseDocRepository<PlacementDoc> {
  constructor(store: Store) {
    super(store.containers.cases, PlacementDocSchema, (tenantId, placementId) =>
      caseDocId(tenantId, 'placement', placementId),
    );
  }

  /** A case's placements (a handful): hours and follow-ups are linked to the one running at the time. */
  listForCase(tenantId: string, caseRef: string): Promise<WithEtag<PlacementDoc>[]> {
    return queryAll(
      this.container,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "placement"',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: caseRef },
        ],
      },
      PlacementDocSchema,
    );
  }
}
