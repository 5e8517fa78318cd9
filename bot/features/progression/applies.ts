import type { CaseFacts } from '../../domain/case-facts';
import type { CaseStatus } from '../../domain/case';
import { choosableSets, type CatalogueEntry } from './indicator-sets';
import { activeG1Since } from './metrics';
import { progressionDueState } from './rules';

/**
 * Whether a progression measurement is due for a case on `today` — the one rule "Mine borgere" and
 * the daily nudge use, so neither calls a measurement due where none applies. A measurement applies
 * only when all of these hold:
 * 1. the case is active in group 1 today (`activeG1Since`, the rule M22 counts coverage by): in a
 *    group-1 period, not paused, not closed. Groups 2 and 3 and "not in target group" are never
 *    measured; the status passed in is the case document's, fresher than the projection's;
 * 2. the jobformidler can actually start one: an indicator set can be chosen for group 1
 *    (`choosableSets`: the newest ACTIVE version of a set for group 1, or the version the case was
 *    measured on before, so a series can go on). A municipality whose sets for group 1 are all
 *    retired is not nagged about a measurement it cannot start;
 * 3. its date has come: `nextProgressionDue` of the projection — the baseline at the group-1 start
 *    or, when later, at the first job conversation (it is scored together with the citizen), then
 *    every `progressionCadenceDays`.
 * Returns the due date when all hold (today or earlier), else undefined.
 */
export function progressionDueFor(
  facts: CaseFacts | undefined,
  status: CaseStatus,
  today: string,
  catalogue: readonly CatalogueEntry[],
): string | undefined {
  if (facts === undefined) return undefined;
  if (activeG1Since({ ...facts, status }, today) === undefined) return undefined;
  const usedByCase = facts.progression.map((m) => ({ setId: m.setId, version: m.setVersion }));
  if (choosableSets(catalogue, 'G1_INTERVENTION', usedByCase).length === 0) return undefined;
  const due = facts.nextProgressionDue;
  return progressionDueState(due, today).state === 'due' ? due : undefined;
}
