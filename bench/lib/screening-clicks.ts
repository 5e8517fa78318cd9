import { addDays, businessDate } from '../../bot/domain/calendar';
import type { BenchApp, BenchUser } from './bench-app';
import { actionData, invokeCard, type CardJson } from '../../bot/local/demo/lib/cards';
import type { StoreRequest } from '../../test/harness/store-request-counter';

/**
 * A screener clicking through Standardscreening v1 over HTTP, as Teams sends it: each click is the
 * button's own data plus the step's inputs. Used by the latency and throughput benchmarks.
 */
export const STEP_INPUTS: readonly Record<string, string>[] = [
  { q_citizenInformed: 'true', q_mode: 'IN_PERSON', q_participation: 'YES' },
  { q_gateway: 'YES' },
  { q_wgSeeing: 'NO_DIFFICULTY', q_wgHearing: 'SOME_DIFFICULTY', q_wgMobility: 'A_LOT_OF_DIFFICULTY' },
  { q_wgCognition: 'DONT_KNOW', q_wgSelfCare: 'NO_DIFFICULTY', q_wgCommunication: 'NO_DIFFICULTY' },
  { q_accommodationNeeds: 'WORKING_TIME,PHYSICAL_DEMANDS' },
  { q_possibleHko: 'AID_WORK_TOOL' },
  { screeningOutcome: 'INDICATION_WITH_JOB_IMPACT' },
  { q_nextStepType: 'VISITATION_CONVERSATION', q_nextStepDate: addDays(businessDate(new Date()), 7) },
];

export interface Click {
  readonly status: number;
  readonly ms: number;
  readonly card: CardJson | undefined;
  /** The store requests the turn caused. */
  readonly requests: StoreRequest[];
}

export async function click(
  app: BenchApp,
  user: BenchUser,
  verb: string,
  data: Record<string, unknown>,
): Promise<Click> {
  const r = await app.execute(user, verb, data);
  return { status: r.status, ms: r.ms, card: invokeCard(r.body), requests: r.requests };
}

/** Starts a screening for `caseNumber`; the card of its first step. */
export function startScreening(app: BenchApp, user: BenchUser, caseNumber: string): Promise<Click> {
  return click(app, user, 'screening.start', { caseNumber });
}

/** "Next" on the step card `card` with the inputs of that step; undefined when the card has no such button. */
export function answerStep(app: BenchApp, user: BenchUser, card: CardJson | undefined): Promise<Click> | undefined {
  const data = actionData(card, 'screening.answer');
  if (data === undefined) return undefined;
  const step = typeof data.step === 'number' ? data.step : -1;
  return click(app, user, 'screening.answer', { ...data, ...(STEP_INPUTS[step] ?? {}) });
}

/** A jobformidler opens a work agreement on `caseRef` (an internship at one company): the agreement card. */
export async function createAgreement(app: BenchApp, user: BenchUser, caseRef: string): Promise<Click> {
  const form = await click(app, user, 'agreement.new', { caseRef });
  return click(app, user, 'agreement.create', {
    ...actionData(form.card, 'agreement.create'),
    placementType: 'COMPANY_INTERNSHIP',
    cvr: '10150817',
    companyName: 'Lageret A/S',
    contactName: 'Bo Hansen',
  });
}
