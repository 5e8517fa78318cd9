import { ConflictError } from '../../domain/errors';
import { CoreElementSetSchema, type CoreElementSet } from '../../domain/core-element-set';
import type { Store } from '../../store/cosmos-store';
import { CoreElementSetRepository } from '../../store/core-element-set-repository';
import flereSkalMed from './default-sets/flere-skal-med.v1.json';
import rummeligtII from './default-sets/rummeligt-arbejdsmarked-ii.v1.json';

/**
 * The core-element sets a tenant can run fidelity rounds on: the two that ship with Fremdrift
 * (validated at start-up, available to every tenant, never changeable) and the tenant's own imported
 * versions. Built like the indicator-set catalogue (bot/features/progression/indicator-sets.ts).
 */
export const BUILT_IN_CORE_SETS: readonly CoreElementSet[] = [
  CoreElementSetSchema.parse(flereSkalMed),
  CoreElementSetSchema.parse(rummeligtII),
];

export interface CoreSetEntry {
  readonly set: CoreElementSet;
  readonly builtIn: boolean;
  /** When a round first used the version (tenant versions only). */
  readonly usedAt?: string | undefined;
}

const builtIn = (setId: string, version: number): CoreElementSet | undefined =>
  BUILT_IN_CORE_SETS.find((s) => s.setId === setId && s.version === version);

export class CoreElementSetCatalogue {
  readonly repository: CoreElementSetRepository;

  constructor(store: Store) {
    this.repository = new CoreElementSetRepository(store);
  }

  async list(tenantId: string): Promise<CoreSetEntry[]> {
    const stored = await this.repository.list(tenantId);
    const entries: CoreSetEntry[] = [
      ...BUILT_IN_CORE_SETS.map((set) => ({ set, builtIn: true })),
      ...stored.map((d) => ({ set: d.definition, builtIn: false, usedAt: d.usedAt })),
    ];
    return entries.sort((a, b) =>
      a.set.setId === b.set.setId ? a.set.version - b.set.version : a.set.setId < b.set.setId ? -1 : 1,
    );
  }

  async find(tenantId: string, setId: string, version: number): Promise<CoreElementSet | undefined> {
    return builtIn(setId, version) ?? (await this.repository.get(tenantId, setId, version))?.definition;
  }

  /** The newest active version of every set: what a new round may use. */
  async choosable(tenantId: string): Promise<CoreElementSet[]> {
    const newest = new Map<string, CoreElementSet>();
    for (const { set } of await this.list(tenantId)) {
      if (set.status !== 'ACTIVE') continue;
      const current = newest.get(set.setId);
      if (current === undefined || set.version > current.version) newest.set(set.setId, set);
    }
    return [...newest.values()];
  }

  /**
   * Marks a tenant version as used before a round on it is written; from then on an import can never
   * replace it. Retries when an import replaced it meanwhile (and then uses what is stored).
   */
  async markUsed(tenantId: string, setId: string, version: number, now: Date): Promise<CoreElementSet | undefined> {
    const shipped = builtIn(setId, version);
    if (shipped !== undefined) return shipped;
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = await this.repository.get(tenantId, setId, version);
      if (doc === undefined) return undefined;
      if (doc.usedAt !== undefined) return doc.definition;
      try {
        await this.repository.replace({ ...doc, usedAt: now.toISOString() });
        return doc.definition;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError(`core element set ${setId}@${version}`);
  }
}
