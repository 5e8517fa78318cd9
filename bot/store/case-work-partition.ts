import { z } from 'zod';
import type { CaseWork } from '../domain/case-work';
import { CvDocSchema, JobGoalsDocSchema, type CvDoc, type JobGoalsDoc } from '../domain/job-goals';
import { FollowUpDocSchema, type FollowUpDoc } from '../domain/follow-up';
import { JobMatchDocSchema, type JobMatchDoc } from '../domain/job-match';
import { PlacementDocSchema, type PlacementDoc } from '../domain/placement';
import { WeeklyHoursDocSchema, type WeeklyHoursDoc } from '../domain/weekly-hours';
import { AgreementDocSchema, type AgreementDoc } from '../domain/work-agreement';
import { CaseDocSchema, type CaseDoc } from './case-repository';
import type { Store } from './cosmos-store';
import { queryAll, type WithEtag } from './documents';
import { ProgressionMeasurementDocSchema, type ProgressionMeasurementDoc } from './progression-repository';

/** The documents of a case that the jobformidler's features read together (one single-partition query). */
export interface CaseWorkPartition extends CaseWork {
  readonly caseDoc: WithEtag<CaseDoc>;
  readonly jobGoals?: WithEtag<JobGoalsDoc> | undefined;
  readonly cv?: WithEtag<CvDoc> | undefined;
  readonly agreements: WithEtag<AgreementDoc>[];
  readonly placements: WithEtag<PlacementDoc>[];
  readonly hours: WithEtag<WeeklyHoursDoc>[];
  readonly followUps: WithEtag<FollowUpDoc>[];
  readonly progression: WithEtag<ProgressionMeasurementDoc>[];
  readonly matches: WithEtag<JobMatchDoc>[];
}

const PartitionDocSchema = z.discriminatedUnion('type', [
  CaseDocSchema,
  JobGoalsDocSchema,
  CvDocSchema,
  AgreementDocSchema,
  PlacementDocSchema,
  WeeklyHoursDocSchema,
  FollowUpDocSchema,
  ProgressionMeasurementDocSchema,
  JobMatchDocSchema,
]);
type PartitionDoc = WithEtag<z.infer<typeof PartitionDocSchema>>;

const TYPES = PartitionDocSchema.options.map((o) => o.shape.type.value);

/**
 * Reads the case and the documents of the jobformidler's work in its partition, typed (the generic,
 * type-blind view for retention and export is case-partition.ts); undefined when the case does not exist.
 */
export async function readCaseWork(
  store: Store,
  tenantId: string,
  caseRef: string,
): Promise<CaseWorkPartition | undefined> {
  const docs = await queryAll(
    store.containers.cases,
    {
      // Other features keep their own documents in the partition too; only these types are read here.
      query: `SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type IN (${TYPES.map((_, i) => `@k${i}`).join(', ')})`,
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@r', value: caseRef },
        ...TYPES.map((value, i) => ({ name: `@k${i}`, value })),
      ],
    },
    PartitionDocSchema,
  );
  const of = <K extends PartitionDoc['type']>(type: K) =>
    docs.filter((d): d is Extract<PartitionDoc, { type: K }> => d.type === type);
  const caseDoc = of('case')[0];
  if (caseDoc === undefined) return undefined;
  return {
    caseDoc,
    jobGoals: of('job_goals')[0],
    cv: of('cv_status')[0],
    agreements: of('work_agreement'),
    placements: of('placement'),
    hours: of('weekly_hours'),
    followUps: of('follow_up'),
    progression: of('progression_measurement'),
    matches: of('job_match'),
  };
}
