import type { BotHarness } from '../harness/bot-harness';
import { TEST_TENANT, actionsOf, type TestUser } from '../harness/bot-harness';
import { CaseRepository } from '../../bot/store/case-repository';
import type { AdaptiveCard } from '../../cards/types';

/** Test set-up for progression: a group-1 case assigned directly, and a whole scoring run over HTTP. */
export const DEFAULT_SET_KEY = 'g1-vej-mod-ordinaere-timer@1';

export async function createG1Case(
  h: BotHarness,
  jobformidler: TestUser,
  caseRef: string,
  effectiveFrom = '2025-01-06',
): Promise<void> {
  const at = `${effectiveFrom}T09:00:00.000Z`;
  const created = await new CaseRepository(h.services.store).create({
    tenantId: TEST_TENANT,
    caseRef,
    status: 'ACTIVE',
    screenerId: 'screener-1',
    assignedJobformidlerId: jobformidler.aadObjectId,
    jobformidlerHistory: [{ userId: jobformidler.aadObjectId, from: effectiveFrom }],
    visitation: {
      group: 'G1_INTERVENTION',
      conversationAt: effectiveFrom,
      decidedAt: at,
      decidedBy: 'screener-1',
      effectiveFrom,
    },
    createdAt: at,
    updatedAt: at,
    updatedBy: 'test-setup',
  });
  if (created === undefined) throw new Error(`Case ${caseRef} exists already`);
}

export function actionData(card: AdaptiveCard | undefined, verb: string): Record<string, unknown> {
  const action = actionsOf(card).find((a) => a.verb === verb);
  if (action === undefined) throw new Error(`No ${verb} action on the card`);
  return action.data;
}

export interface ScoringRun {
  readonly context?: string;
  readonly measuredAt: string;
  readonly setKey?: string;
  readonly scores: readonly number[];
  readonly notes?: readonly (string | undefined)[];
  readonly agreed?: boolean;
}

/** Clicks through a whole measurement: new → start → one page per score → save. Returns the last card. */
export async function scoreMeasurement(
  h: BotHarness,
  user: TestUser,
  caseRef: string,
  run: ScoringRun,
): Promise<AdaptiveCard | undefined> {
  const start = await h.execute(user, 'progression.new', { caseRef });
  const token = actionData(start.card, 'progression.start').startToken;
  let r = await h.execute(user, 'progression.start', {
    caseRef,
    startToken: token,
    setKey: run.setKey ?? DEFAULT_SET_KEY,
    context: run.context ?? 'BASELINE',
    participants: 'CITIZEN,JOBFORMIDLER',
    measuredAt: run.measuredAt,
  });
  for (const [page, score] of run.scores.entries()) {
    const data = actionsOf(r.card).find((a) => a.verb === 'progression.page' && a.data.move === 'next')?.data;
    if (data === undefined) throw new Error(`No next button on page ${page}`);
    r = await h.execute(user, 'progression.page', { ...data, score: String(score), note: run.notes?.[page] ?? '' });
  }
  return (
    await h.execute(user, 'progression.complete', {
      ...actionData(r.card, 'progression.complete'),
      agreedWithCitizen: run.agreed === false ? 'false' : 'true',
    })
  ).card;
}
