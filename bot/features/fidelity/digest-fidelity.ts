import type { Store } from '../../store/cosmos-store';
import { FidelityRoundRepository, type FidelityRoundDoc } from '../../store/fidelity-round-repository';
import { CoreElementSetCatalogue } from './core-element-sets';
import {
  MIN_RESPONDENTS,
  poolTotals,
  roundResult,
  type FidelityDigest,
  type FidelityDigestEntry,
  type RoundSums,
} from './rules';

export { fidelityDigestView, type FidelityDigest, type FidelityDigestView } from './rules';
import { previousRound } from './report';

/**
 * M21, fidelity per core element (domain-research §6.4), for the digest: the latest round closed
 * before the digest's as-of date, per programme. A team digest uses its team's round and the change
 * since that team's previous round. The municipality's digest pools the sums of every team's latest
 * round (each with at least MIN_RESPONDENTS answers), and the change is taken over the teams that
 * had a round before, so a team's first round does not read as a change.
 */
const counted = (r: FidelityRoundDoc): boolean => r.status === 'CLOSED' && r.answeredCount >= MIN_RESPONDENTS;
const pool = (rounds: readonly FidelityRoundDoc[]): RoundSums => ({
  answeredCount: rounds.reduce((n, r) => n + r.answeredCount, 0),
  totals: poolTotals(rounds.map((r) => r.totals)),
});

export async function fidelityForDigest(
  store: Store,
  tenantId: string,
  teamId: string | undefined,
  asOf: string,
): Promise<FidelityDigest> {
  const rounds: FidelityRoundDoc[] = (await new FidelityRoundRepository(store).list(tenantId, teamId)).filter(
    (r) => r.status === 'CLOSED' && r.endDate < asOf,
  );
  const catalogue = new CoreElementSetCatalogue(store);
  const entries: FidelityDigestEntry[] = [];
  for (const setId of [...new Set(rounds.map((r) => r.setId))].sort()) {
    const ofSet = rounds.filter((r) => r.setId === setId);
    const latestPerTeam = [...new Set(ofSet.map((r) => r.teamId))].flatMap((team) => {
      const latest = ofSet.filter((r) => r.teamId === team).sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
      return latest !== undefined && counted(latest) ? [latest] : [];
    });
    if (latestPerTeam.length === 0) continue;
    const newest = latestPerTeam.reduce((a, b) => (a.endDate >= b.endDate ? a : b));
    const set = await catalogue.find(tenantId, setId, Math.max(...latestPerTeam.map((r) => r.setVersion)));
    if (set === undefined) continue;
    const pairs = latestPerTeam.flatMap((r) => {
      const before = previousRound(ofSet, r);
      return before !== undefined && counted(before) ? [{ now: r, before }] : [];
    });
    const levels = roundResult(set, pool(latestPerTeam));
    if (!levels.shown) continue;
    const changes =
      pairs.length > 0 ? roundResult(set, pool(pairs.map((p) => p.now)), pool(pairs.map((p) => p.before))) : undefined;
    const change = (elementId: string): number | undefined =>
      changes?.shown ? changes.elements.find((e) => e.element.elementId === elementId)?.change : undefined;
    entries.push({
      set,
      result: {
        ...levels,
        elements: levels.elements.map((e) => ({ ...e, change: change(e.element.elementId) })),
        medianChange: changes?.shown ? changes.medianChange : undefined,
      },
      closedOn: newest.endDate,
      answered: levels.answered,
      teams: latestPerTeam.length,
    });
  }
  return { entries };
}
