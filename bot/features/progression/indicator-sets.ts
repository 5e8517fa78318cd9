import { ConflictError } from '../../domain/errors';
import { IndicatorSetSchema, setKey, type IndicatorSet } from '../../domain/indicator-set';
import type { VisitationGroup } from '../../domain/case';
import type { Store } from '../../store/cosmos-store';
import { IndicatorSetRepository, type IndicatorSetDoc } from '../../store/indicator-set-repository';
import defaultG1 from './default-sets/g1-vej-mod-ordinaere-timer.v1.json';

/**
 * The indicator sets a tenant can measure with: the sets that ship with Fremdrift (validated at
 * start-up, available to every tenant, never changeable) and the tenant's own imported versions.
 */
export const BUILT_IN_SETS: readonly IndicatorSet[] = [IndicatorSetSchema.parse(defaultG1)];

export interface CatalogueEntry {
  readonly set: IndicatorSet;
  readonly builtIn: boolean;
  /** When the version was first used in a measurement (tenant versions only; built-ins never change anyway). */
  readonly usedAt?: string | undefined;
}

/** The sets that ship with Fremdrift beside a tenant's own versions, by set and version. */
function withBuiltIns(stored: readonly IndicatorSetDoc[]): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [
    ...BUILT_IN_SETS.map((set) => ({ set, builtIn: true })),
    ...stored.map((d) => ({ set: d.definition, builtIn: false, usedAt: d.usedAt })),
  ];
  return entries.sort((a, b) =>
    a.set.setId === b.set.setId ? a.set.version - b.set.version : a.set.setId < b.set.setId ? -1 : 1,
  );
}

export class IndicatorSetCatalogue {
  private readonly repo: IndicatorSetRepository;

  constructor(store: Store) {
    this.repo = new IndicatorSetRepository(store);
  }

  get repository(): IndicatorSetRepository {
    return this.repo;
  }

  async list(tenantId: string): Promise<CatalogueEntry[]> {
    return withBuiltIns(await this.repo.list(tenantId));
  }

  /**
   * The catalogue as this process read it at most `maxAgeMs` ago: for what is only shown (whether a
   * due measurement can be made), never for what is decided or written.
   */
  async listRecent(tenantId: string, maxAgeMs: number): Promise<CatalogueEntry[]> {
    return withBuiltIns(await this.repo.listRecent(tenantId, maxAgeMs));
  }

  async find(tenantId: string, setId: string, version: number): Promise<CatalogueEntry | undefined> {
    const builtIn = BUILT_IN_SETS.find((s) => s.setId === setId && s.version === version);
    if (builtIn) return { set: builtIn, builtIn: true };
    const doc = await this.repo.get(tenantId, setId, version);
    return doc ? { set: doc.definition, builtIn: false, usedAt: doc.usedAt } : undefined;
  }

  /**
   * Marks a tenant version as used before a measurement on it is written; from then on an import
   * can never replace it. Retries when an import replaced it meanwhile (and then uses what is stored).
   */
  async markUsed(tenantId: string, setId: string, version: number, now: Date): Promise<IndicatorSet | undefined> {
    if (BUILT_IN_SETS.some((s) => s.setId === setId && s.version === version))
      return BUILT_IN_SETS.find((s) => s.setId === setId && s.version === version);
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = await this.repo.get(tenantId, setId, version);
      if (doc === undefined) return undefined;
      if (doc.usedAt !== undefined) return doc.definition;
      try {
        await this.repo.replace({ ...doc, usedAt: now.toISOString() });
        return doc.definition;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError(`indicator set ${setId}@${version}`);
  }
}

/**
 * The versions a jobformidler may start a measurement on for a case in `group`: the newest active
 * version of every set for that group, plus any version the case was measured on before (so a series
 * can continue on its version and stay comparable).
 */
export function choosableSets(
  entries: readonly CatalogueEntry[],
  group: VisitationGroup,
  usedByCase: readonly { setId: string; version: number }[],
): IndicatorSet[] {
  const forGroup = entries.map((e) => e.set).filter((s) => s.targetGroup.visitationGroups.includes(group));
  const newest = new Map<string, IndicatorSet>();
  for (const set of forGroup) {
    if (set.status !== 'ACTIVE') continue;
    const current = newest.get(set.setId);
    if (current === undefined || set.version > current.version) newest.set(set.setId, set);
  }
  const chosen = new Map<string, IndicatorSet>([...newest.values()].map((s) => [setKey(s), s]));
  for (const used of usedByCase) {
    const set = forGroup.find((s) => s.setId === used.setId && s.version === used.version);
    if (set) chosen.set(setKey(set), set);
  }
  return [...chosen.values()];
}
