import { setTimeout as sleep } from 'node:timers/promises';
import { CaseFactsSchema, SensitiveFactsSchema, type CaseFacts, type SensitiveFacts } from '../domain/case-facts';
import { buildCaseFacts, buildSensitiveFacts, caseFactsDocId, type CaseWork } from '../domain/case-facts-builder';
import type { CadenceSettings } from '../domain/follow-up-cadence';
import type { TenantSettings } from '../domain/tenant-settings';
import { ConflictError, StoreUnavailableError } from '../domain/errors';
import { readCaseWork } from './case-work-partition';
import { saveGuarded, withoutEtag } from './case-work-documents';
import { HkoRepository } from './hko-repository';
import type { Store } from './cosmos-store';
import { queryAll, readDoc, type WithEtag } from './documents';
import { SensitiveFactsRepository } from './sensitive-facts-repository';

export type FactsSettings = CadenceSettings &
  Pick<TenantSettings, 'timeZone' | 'progressionCadenceDays'> &
  Partial<Pick<TenantSettings, 'aftercareMonths'>>;

/**
 * The facts of `partition` at `now`. A closed case's retention stamp is not derived from the
 * partition: it is carried over from the stored facts. Both the full rebuild and a save's update
 * (bot/features/case-work) build the facts here, so they cannot drift apart.
 */
export function projectFacts(
  partition: CaseWork,
  stored: Pick<CaseFacts, 'ttl' | 'expiresAt'> | undefined,
  settings: FactsSettings,
  now: Date,
): CaseFacts {
  const built = buildCaseFacts(partition, settings, now);
  return stored?.ttl !== undefined ? { ...built, ttl: stored.ttl, expiresAt: stored.expiresAt } : built;
}

/** How often a rebuild retries after losing a race before it gives up (it only loses to a newer rebuild). */
const MAX_ATTEMPTS = 25;

const backoff = (attempt: number): Promise<void> =>
  sleep(Math.floor(Math.random() * Math.min(200, 10 * 2 ** attempt)) + 1);

/**
 * The case facts projection in the store (PRODUCT.md §2). A rebuild reads the facts document's ETag
 * FIRST, then the partition, builds, and replaces only if the ETag is unchanged (412 → start over).
 * Because every writer rebuilds after its own write, the rebuild that lands last read the partition
 * after every write whose own rebuild it beat — so the stored facts never miss a write, whatever the
 * interleaving. The same holds for the sensitive facts (HKO) in the `sensitive` container.
 */
export class CaseFactsRepository {
  constructor(
    private readonly store: Store,
    /** A pause between building and saving, so tests can force the worst interleaving. */
    private readonly hooks: { readonly afterBuild?: () => Promise<void> } = {},
  ) {}

  get(tenantId: string, caseRef: string): Promise<WithEtag<CaseFacts> | undefined> {
    return readDoc(this.store.containers.cases, caseFactsDocId(tenantId), caseRef, CaseFactsSchema);
  }

  /**
   * The facts of every open case a user owns (group 1 as jobformidler, group 2 as owner) in one
   * query: "Mine borgere" orders the whole caseload by them, with no read per case (every writer of a
   * case rebuilds its facts, so they carry the case's status and owners). Cross-partition on `cases`
   * (partitioned by /caseRef), scoped by tenant; docs/benchmarks.md says what that costs.
   */
  async allOpenOwnedBy(tenantId: string, userId: string): Promise<CaseFacts[]> {
    const found = await queryAll(
      this.store.containers.cases,
      {
        query:
          'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case_facts" AND (c.assignedJobformidlerId = @u OR c.caseworkerId = @u) AND c.status != "CLOSED"',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@u', value: userId },
        ],
      },
      CaseFactsSchema,
    );
    return found.map(withoutEtag);
  }

  /**
   * Rebuilds and stores the facts; undefined when the case does not exist. A form's save updates the
   * facts from what it read and wrote (bot/features/case-work); this full rebuild is the repair when
   * that update lost a race, and the path of writers that change the case itself (visitation, closing).
   */
  async rebuild(tenantId: string, caseRef: string, settings: FactsSettings, now: Date): Promise<CaseFacts | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.get(tenantId, caseRef);
      const partition = await readCaseWork(this.store, tenantId, caseRef);
      if (partition === undefined) return undefined;
      const facts = projectFacts(partition, current, settings, now);
      await this.hooks.afterBuild?.();
      try {
        await saveGuarded(this.store.containers.cases, CaseFactsSchema.parse(facts), current?._etag);
        return facts;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        await backoff(attempt);
      }
    }
    throw new StoreUnavailableError(`case facts of ${caseRef}: too many concurrent rebuilds`);
  }

  /** The stored facts, or a rebuild when there are none yet (a case just handed over by screening). */
  async getOrRebuild(
    tenantId: string,
    caseRef: string,
    settings: FactsSettings,
    now: Date,
  ): Promise<CaseFacts | undefined> {
    const stored = await this.get(tenantId, caseRef);
    return stored !== undefined ? withoutEtag(stored) : this.rebuild(tenantId, caseRef, settings, now);
  }

  /** The sensitive facts (one per case, shared with the screening feature: it writes the screening part). */
  getSensitive(tenantId: string, caseRef: string): Promise<WithEtag<SensitiveFacts> | undefined> {
    return new SensitiveFactsRepository(this.store).get(tenantId, caseRef);
  }

  /** Rebuilds the HKO part of the sensitive facts from the HKO documents, keeping the screening part. */
  async rebuildSensitive(tenantId: string, caseRef: string, now: Date): Promise<SensitiveFacts> {
    const hkoRepository = new HkoRepository(this.store);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.getSensitive(tenantId, caseRef);
      const hko = await hkoRepository.listForCase(tenantId, caseRef);
      const facts = buildSensitiveFacts(
        current === undefined ? undefined : withoutEtag(current),
        { tenantId, caseRef },
        hko,
        now,
      );
      try {
        await saveGuarded(this.store.containers.sensitive, SensitiveFactsSchema.parse(facts), current?._etag);
        return facts;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        await backoff(attempt);
      }
    }
    throw new StoreUnavailableError(`sensitive facts of ${caseRef}: too many concurrent rebuilds`);
  }
}
