import { addDays, businessDate } from '../../domain/calendar';
import { ConflictError } from '../../domain/errors';
import type { CoreElementSet } from '../../domain/core-element-set';
import type { WithEtag } from '../../store/documents';
import {
  FidelityRoundRepository,
  fidelityDraftDocId,
  type FidelityDraftDoc,
  type FidelityRoundDoc,
} from '../../store/fidelity-round-repository';
import type { HandlerContext } from '../feature';
import { CoreElementSetCatalogue } from './core-element-sets';
import { addToTotals, roundPhase, unansweredItems, type Levels } from './rules';

/**
 * A member answers a round 1:1, one core element per step (issue 16 A.2). The answers are saved as
 * the member's own draft after every step, so the card can be left and resumed (also after a
 * restart). Sending adds them to the team's sums and deletes the draft: from then on nobody can
 * read them back on their own, the member included.
 */
export interface AnswerView {
  readonly round: FidelityRoundDoc;
  readonly set: CoreElementSet;
  readonly cursor: number;
  readonly levels: Levels;
}

export type Refusal = 'gone' | 'closed' | 'not_invited' | 'already';

type Loaded = { readonly round: WithEtag<FidelityRoundDoc>; readonly set: CoreElementSet };

/** Drafts outlive the round's end date by a week at most (TTL, and the purge sweep where TTL is not honoured). */
const DRAFT_GRACE_DAYS = 7;

async function load(ctx: HandlerContext, roundId: string): Promise<Loaded | Refusal> {
  ctx.guard.require('fidelity.answer');
  const round = await new FidelityRoundRepository(ctx.services.store).get(ctx.actor.tenantId, roundId);
  if (round === undefined) return 'gone';
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  if (roundPhase(round, businessDate(ctx.now, settings.timeZone)) !== 'open') return 'closed';
  if (!(round.invitees ?? []).includes(ctx.actor.userId)) return 'not_invited';
  if ((round.answeredBy ?? []).includes(ctx.actor.userId)) return 'already';
  const set = await new CoreElementSetCatalogue(ctx.services.store).find(round.tenantId, round.setId, round.setVersion);
  return set === undefined ? 'gone' : { round, set };
}

/** The member's open rounds (the "fidelitetsrunde" command). */
export async function myRounds(
  ctx: HandlerContext,
): Promise<{ round: FidelityRoundDoc; set: CoreElementSet; answered: boolean }[]> {
  ctx.guard.require('fidelity.answer');
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const catalogue = new CoreElementSetCatalogue(ctx.services.store);
  const rows = [];
  for (const round of await new FidelityRoundRepository(ctx.services.store).list(ctx.actor.tenantId)) {
    if (roundPhase(round, today) !== 'open' || !(round.invitees ?? []).includes(ctx.actor.userId)) continue;
    const set = await catalogue.find(round.tenantId, round.setId, round.setVersion);
    if (set !== undefined) rows.push({ round, set, answered: (round.answeredBy ?? []).includes(ctx.actor.userId) });
  }
  return rows;
}

/** Where the member left off (the first step of a new draft). */
export async function openAnswer(ctx: HandlerContext, roundId: string): Promise<AnswerView | Refusal> {
  const loaded = await load(ctx, roundId);
  if (typeof loaded === 'string') return loaded;
  const draft = await new FidelityRoundRepository(ctx.services.store).getDraft(
    ctx.actor.tenantId,
    roundId,
    ctx.actor.userId,
  );
  return { ...loaded, cursor: Math.min(draft?.cursor ?? 0, loaded.set.elements.length), levels: draft?.levels ?? {} };
}

export type Move = 'next' | 'back' | 'later';

export type StepOutcome =
  | { readonly kind: 'moved'; readonly view: AnswerView; readonly move: Move }
  | {
      readonly kind: 'missing';
      readonly view: AnswerView;
      readonly step: number;
      /** What the member chose on the refused step, given back on the card (nothing was saved). */
      readonly chosen: Readonly<Record<string, number>>;
    };

/** The levels chosen on a step: "0"–"5" per statement; anything else counts as not chosen. */
export function chosenLevels(
  set: CoreElementSet,
  step: number,
  raw: Readonly<Record<string, unknown>>,
): Record<string, number> {
  const element = set.elements[step];
  const chosen: Record<string, number> = {};
  for (const item of element?.items ?? []) {
    const value = raw[`l_${item.itemId}`];
    if (typeof value === 'string' && /^[0-5]$/.test(value)) chosen[item.itemId] = Number(value);
  }
  return chosen;
}

/**
 * Saves a step and moves. "Next" needs every statement answered (a refusal saves nothing and gives the
 * card back with what was chosen); "back" and "later" keep what was chosen so far.
 */
export async function saveStep(
  ctx: HandlerContext,
  roundId: string,
  step: number,
  move: Move,
  raw: Readonly<Record<string, unknown>>,
): Promise<StepOutcome | Refusal> {
  const loaded = await load(ctx, roundId);
  if (typeof loaded === 'string') return loaded;
  const { round, set } = loaded;
  const repo = new FidelityRoundRepository(ctx.services.store);
  const existing = await repo.getDraft(ctx.actor.tenantId, roundId, ctx.actor.userId);
  const levels: Record<string, Record<string, number>> = structuredClone({ ...(existing?.levels ?? {}) });
  const last = set.elements.length;
  const at = Math.max(0, Math.min(step, last));
  const element = set.elements[at];
  if (element !== undefined) {
    const chosen = chosenLevels(set, at, raw);
    if (move === 'next' && unansweredItems(element, { [element.elementId]: chosen }).length > 0)
      return {
        kind: 'missing',
        view: { round, set, cursor: at, levels: existing?.levels ?? {} },
        step: at,
        chosen,
      };
    levels[element.elementId] = { ...(levels[element.elementId] ?? {}), ...chosen };
  }
  const cursor = move === 'next' ? Math.min(at + 1, last) : move === 'back' ? Math.max(at - 1, 0) : at;
  const expires = addDays(round.endDate, DRAFT_GRACE_DAYS);
  const draft: FidelityDraftDoc = {
    id: fidelityDraftDocId(roundId, ctx.actor.userId),
    tenantId: ctx.actor.tenantId,
    type: 'fidelity_draft',
    schemaVersion: 1,
    roundId,
    userId: ctx.actor.userId,
    cursor,
    levels,
    updatedAt: ctx.now.toISOString(),
    ttl: Math.max(86400, Math.round((Date.parse(`${expires}T00:00:00Z`) - ctx.now.getTime()) / 1000)),
    expiresAt: `${expires}T00:00:00.000Z`,
  };
  await repo.saveDraft(draft);
  return { kind: 'moved', view: { round, set, cursor, levels }, move };
}

export type SendOutcome =
  | { readonly kind: 'sent'; readonly round: FidelityRoundDoc }
  | { readonly kind: 'incomplete'; readonly view: AnswerView; readonly step: number };

/**
 * Adds the member's levels to the team's sums and notes that they answered, in one guarded write of
 * the round; then deletes the draft. A second send (a double click) finds them among those who
 * answered and is refused as "already", so nothing is counted twice.
 */
export async function sendAnswers(ctx: HandlerContext, roundId: string): Promise<SendOutcome | Refusal> {
  const loaded = await load(ctx, roundId);
  if (typeof loaded === 'string') return loaded;
  const repo = new FidelityRoundRepository(ctx.services.store);
  const draft = await repo.getDraft(ctx.actor.tenantId, roundId, ctx.actor.userId);
  const levels = draft?.levels ?? {};
  const incomplete = loaded.set.elements.findIndex((e) => unansweredItems(e, levels).length > 0);
  if (incomplete >= 0) return { kind: 'incomplete', view: { ...loaded, cursor: incomplete, levels }, step: incomplete };

  let round: WithEtag<FidelityRoundDoc> = loaded.round;
  for (let attempt = 0; ; attempt++) {
    const next: FidelityRoundDoc = {
      ...round,
      totals: addToTotals(round.totals, loaded.set, levels),
      answeredBy: [...(round.answeredBy ?? []), ctx.actor.userId],
      answeredCount: round.answeredCount + 1,
    };
    try {
      await repo.replace({ ...next, _etag: round._etag });
      round = { ...next, _etag: '' };
      break;
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= 7) throw e;
      // Someone else answered (or the round closed) at the same moment: read it again and add to that.
      const fresh = await repo.get(ctx.actor.tenantId, roundId);
      if (fresh === undefined) return 'gone';
      if (fresh.status === 'CLOSED') return 'closed';
      round = fresh;
      if ((fresh.answeredBy ?? []).includes(ctx.actor.userId)) break;
    }
  }
  await repo.deleteDraft(ctx.actor.tenantId, roundId, ctx.actor.userId);
  return { kind: 'sent', round };
}
