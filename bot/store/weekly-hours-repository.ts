import { caseDocId } from '../domain/case';
import { WeeklyHoursDocSchema, type WeeklyHoursDoc } from '../domain/weekly-hours';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';
import { queryAll, type WithEtag } from './documents';

/** Hours per ISO week: the id is the week, so a week can only ever be corrected, never logged twice. */
export class WeeklyHoursRepository extends CaseDocRepository<WeeklyHoursDoc> {
  constructor(store: Store) {
    super(store.containers.cases, WeeklyHoursDocSchema, (tenantId, isoWeek) => caseDocId(tenantId, 'hours', isoWeek));
  }

  /** Weeks logged from `fromWeek` on (ISO weeks compare as text), oldest first. */
  listSince(tenantId: string, caseRef: string, fromWeek: string): Promise<WithEtag<WeeklyHoursDoc>[]> {
    return queryAll(
      this.container,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "weekly_hours" AND c.isoWeek >= @w ORDER BY c.isoWeek',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@r', value: caseRef },
          { name: '@w', value: fromWeek },
        ],
      },
      WeeklyHoursDocSchema,
    );
  }
}
