import { z } from 'zod';
import { CaseFactsSchema, type CaseFacts } from '../domain/case-facts';
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
  /**
   * The case facts as stored when the partition was read, with the ETag that guards their update
   * (bot/features/case-work: a save updates the facts from this read plus the document it writes).
   */
  readonly facts?: WithEtag<CaseFacts> | undefined;
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
  CaseFactsSchema,
]);
type PartitionDoc = WithEtag<z.infer<typeof PartitionDocSchema>>;

const TYPES = PartitionDocSchema.options.map((o) => o.shape.type.value);

/** A document of the jobformidler's work that a form saves (the case itself and the facts are written elsewhere). */
export type CaseWorkDoc = Exclude<z.infer<typeof PartitionDocSchema>, { type: 'case' | 'case_facts' }>;

/** Validates a document before it is written (zod at the store boundary). */
export const parseCaseWorkDoc = <T extends CaseWorkDoc>(doc: T): T => PartitionDocSchema.parse(doc) as T;

/**
 * The partition as it is once `doc` is written: the document replaces the one with its id, or is
 * added. Pure, so the facts built from it are exactly those a rebuild would read back.
 */
export function withWrittenDoc(work: CaseWorkPartition, doc: WithEtag<CaseWorkDoc>): CaseWorkPartition {
  // In place, or appended: the order a query returns (ties in the facts' sorts keep it).
  const put = <T extends { id: string }>(list: readonly T[], d: T): T[] =>
    list.some((x) => x.id === d.id) ? list.map((x) => (x.id === d.id ? d : x)) : [...list, d];
  switch (doc.type) {
    case 'job_goals':
      return { ...work, jobGoals: doc };
    case 'cv_status':
      return { ...work, cv: doc };
    case 'work_agreement':
      return { ...work, agreements: put(work.agreements, doc) };
    case 'placement':
      return { ...work, placements: put(work.placements, doc) };
    case 'weekly_hours':
      return { ...work, hours: put(work.hours, doc) };
    case 'follow_up':
      return { ...work, followUps: put(work.followUps, doc) };
    case 'progression_measurement':
      return { ...work, progression: put(work.progression, doc) };
    case 'job_match':
      return { ...work, matches: put(work.matches, doc) };
  }
}

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
    facts: of('case_facts')[0],
  };
}
