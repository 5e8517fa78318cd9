import { caseDocId } from '../domain/case';
import { CvDocSchema, JobGoalsDocSchema, type CvDoc, type JobGoalsDoc } from '../domain/job-goals';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';

/** One document per case each: the ABC job goals, and the CV status. The key is unused. */
export class JobGoalRepository extends CaseDocRepository<JobGoalsDoc> {
  constructor(store: Store) {
    super(store.containers.cases, JobGoalsDocSchema, (tenantId) => caseDocId(tenantId, 'job_goals'));
  }
}

export class CvStatusRepository extends CaseDocRepository<CvDoc> {
  constructor(store: Store) {
    super(store.containers.cases, CvDocSchema, (tenantId) => caseDocId(tenantId, 'cv_status'));
  }
}
