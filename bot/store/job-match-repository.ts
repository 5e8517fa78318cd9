import { z } from 'zod';
import { caseDocId } from '../domain/case';
import { JobGoalsDocSchema, type JobGoalsDoc } from '../domain/job-goals';
import {
  JobMatchDocSchema,
  MatchProfileDocSchema,
  matchProfileDocId,
  type JobMatchDoc,
  type MatchProfileDoc,
} from '../domain/job-match';
import { CaseDocRepository } from './case-doc-repository';
import type { Store } from './cosmos-store';
import { queryAll, type WithEtag } from './documents';

/** Job matches of a case, one per opening, in the case's partition. */
export class JobMatchRepository extends CaseDocRepository<JobMatchDoc> {
  constructor(private readonly store: Store) {
    super(store.containers.cases, JobMatchDocSchema, (tenantId, openingId) =>
      caseDocId(tenantId, 'job_match', openingId),
    );
  }

  /**
   * Matches of one opening across the municipality's cases (cross-partition, scoped by tenant). The
   * caller shows a case reference only where the policy lets the reader see it.
   */
  forOpening(tenantId: string, openingId: string): Promise<WithEtag<JobMatchDoc>[]> {
    return queryAll(
      this.store.containers.cases,
      {
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "job_match" AND c.openingId = @o',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@o', value: openingId },
        ],
      },
      JobMatchDocSchema,
    );
  }
}

/** The citizen's match profile (occupation codes, start hours, area), one per case. */
export class MatchProfileRepository extends CaseDocRepository<MatchProfileDoc> {
  constructor(store: Store) {
    super(store.containers.cases, MatchProfileDocSchema, (tenantId) => matchProfileDocId(tenantId));
  }
}

/** What matching reads of each case: its ABC goals, its profile and the matches already recorded. */
export interface MatchInputs {
  readonly goals?: JobGoalsDoc | undefined;
  readonly profile?: MatchProfileDoc | undefined;
  readonly matches: readonly WithEtag<JobMatchDoc>[];
}

const MatchInputDocSchema = z.discriminatedUnion('type', [JobGoalsDocSchema, MatchProfileDocSchema, JobMatchDocSchema]);

/** Goals, profiles and matches of several cases in one query (a caseload is a few dozen cases). */
export async function readMatchInputs(
  store: Store,
  tenantId: string,
  caseRefs: readonly string[],
): Promise<Map<string, MatchInputs>> {
  const out = new Map<string, { goals?: JobGoalsDoc; profile?: MatchProfileDoc; matches: WithEtag<JobMatchDoc>[] }>();
  for (const ref of caseRefs) out.set(ref, { matches: [] });
  if (caseRefs.length === 0) return out;
  const docs = await queryAll(
    store.containers.cases,
    {
      query:
        'SELECT * FROM c WHERE c.tenantId = @t AND ARRAY_CONTAINS(@refs, c.caseRef) AND c.type IN ("job_goals", "match_profile", "job_match")',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@refs', value: [...caseRefs] },
      ],
    },
    MatchInputDocSchema,
  );
  for (const d of docs) {
    const entry = out.get(d.caseRef);
    if (entry === undefined) continue;
    if (d.type === 'job_goals') entry.goals = d;
    else if (d.type === 'match_profile') entry.profile = d;
    else entry.matches.push(d);
  }
  return out;
}
