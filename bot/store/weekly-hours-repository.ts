import { caseDocId } from '../domain/case';
import { WeeklyHoursDocSchema, type WeeklyHoursDoc } from '../domain/weekly-hours';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';

/** Hours per ISO week: the id is the week, so a week can only ever be corrected, never logged twice. */
export class WeeklyHoursRepository extends CaseDocRepository<WeeklyHoursDoc> {
  constructor(store: Store) {
    super(store.containers.cases, WeeklyHoursDocSchema, (tenantId, isoWeek) => caseDocId(tenantId, 'hours', isoWeek));
  }
}
