import { actionsOf, cardText, type BotHarness, type ExecuteResult, type TestUser } from '../harness/bot-harness';
import type { AdaptiveCard } from '../../cards/types';

/**
 * Drives the screening the way a screener clicks through it: every step is an Action.Execute
 * invoke carrying the card's own action data plus the inputs, as Teams sends it.
 */
export type Inputs = Record<string, string>;

export function actionOf(card: AdaptiveCard | undefined, verb: string) {
  const action = actionsOf(card).find((a) => a.verb === verb);
  if (action === undefined) throw new Error(`No ${verb} on the card:\n${cardText(card)}`);
  return action;
}

export async function click(
  h: BotHarness,
  user: TestUser,
  card: AdaptiveCard | undefined,
  verb: string,
  inputs: Inputs = {},
): Promise<ExecuteResult> {
  const action = actionOf(card, verb);
  const r = await h.execute(user, verb, { ...action.data, ...inputs });
  if (r.status !== 200) throw new Error(`${verb} answered HTTP ${r.status}`);
  return r;
}

export const caseRefOf = (card: AdaptiveCard | undefined): string => {
  const ref = actionsOf(card).find((a) => typeof a.data.caseRef === 'string')?.data.caseRef;
  if (typeof ref !== 'string') throw new Error(`No case reference on the card:\n${cardText(card)}`);
  return ref;
};

/** Inputs for each step of Standardscreening v1, keyed by the progress line's step number. */
export const POSITIVE_V1: Inputs[] = [
  { q_citizenInformed: 'true', q_mode: 'IN_PERSON', q_participation: 'YES' },
  { q_gateway: 'YES' },
  { q_wgSeeing: 'NO_DIFFICULTY', q_wgHearing: 'SOME_DIFFICULTY', q_wgMobility: 'A_LOT_OF_DIFFICULTY' },
  { q_wgCognition: 'DONT_KNOW', q_wgSelfCare: 'NO_DIFFICULTY', q_wgCommunication: 'REFUSED' },
  { q_accommodationNeeds: 'WORKING_TIME,PHYSICAL_DEMANDS' },
  { q_possibleHko: 'AID_WORK_TOOL' },
  { screeningOutcome: 'INDICATION_WITH_JOB_IMPACT' },
  { q_nextStepType: 'VISITATION_CONVERSATION', q_nextStepDate: '2026-03-10' },
];

export async function startScreening(
  h: BotHarness,
  user: TestUser,
  caseNumber = '',
): Promise<{ card: AdaptiveCard; caseRef: string }> {
  const start = await h.say(user, user.locale.startsWith('en') ? 'new screening' : 'ny screening');
  const r = await click(h, user, start.cards[0], 'screening.start', { caseNumber });
  return { card: r.card!, caseRef: caseRefOf(r.card) };
}

/** Answers steps with `inputs` in order from the card given; returns the last card. */
export async function answerSteps(
  h: BotHarness,
  user: TestUser,
  card: AdaptiveCard,
  inputs: readonly Inputs[],
): Promise<AdaptiveCard> {
  let current = card;
  for (const step of inputs) {
    const r = await click(h, user, current, 'screening.answer', step);
    current = r.card!;
  }
  return current;
}

/** A full positive screening from "ny screening" to the redacted summary. */
export async function completeScreening(
  h: BotHarness,
  user: TestUser,
  caseNumber = '',
  inputs: readonly Inputs[] = POSITIVE_V1,
): Promise<{ card: AdaptiveCard; caseRef: string }> {
  const started = await startScreening(h, user, caseNumber);
  const card = await answerSteps(h, user, started.card, inputs);
  return { card, caseRef: started.caseRef };
}
