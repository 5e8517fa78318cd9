import { caseDocId } from '../domain/case';
import { FollowUpDocSchema, type FollowUpDoc } from '../domain/follow-up';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';

/** Follow-up log entries; the id is the card's submission id, so a double click logs once. */
export class FollowUpRepository extends CaseDocRepository<FollowUpDoc> {
  constructor(store: Store) {
    super(store.containers.cases, FollowUpDocSchema, (tenantId, followUpId) =>
      caseDocId(tenantId, 'followup', followUpId),
    );
  }
}
