import { caseDocId } from '../domain/case';
import { PlacementDocSchema, type PlacementDoc } from '../domain/placement';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';

/** Placements, one document each, keyed by placementId. */
export class PlacementRepository extends CaseDocRepository<PlacementDoc> {
  constructor(store: Store) {
    super(store.containers.cases, PlacementDocSchema, (tenantId, placementId) =>
      caseDocId(tenantId, 'placement', placementId),
    );
  }
}
