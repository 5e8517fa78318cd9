import { DateTime } from 'luxon';
import type { ScreeningOutcome } from '../../../domain/case';
import type { Services } from '../../../services';
import { OUTCOME_INPUT } from '../../../../cards/screening/step-card';
import type { Question, Questionnaire } from '../../../features/screening/questionnaire-rules';
import { startScreening } from '../../../features/screening/start-screening';
import { pause, recordAnswer } from '../../../features/screening/record-step';
import { suggestOutcome } from '../../../features/screening/rules';
import { questionnaireOf, type ScreeningView } from '../../../features/screening/views';
import { saveVisitation } from '../../../features/visitation/decide-visitation';
import { DEFAULT_TIME_ZONE } from '../../../domain/calendar';
import type { ScreeningDoc } from '../../../store/screening-repository';
import { actingAs } from '../lib/acting-as';
import type { CasePlan, MunicipalityPlan, ScreeningPlan } from './plan';

/**
 * Screening and visitation of one planned citizen, done the way a screener does them: the same use
 * cases the card actions call (start, one answer per step, outcome, next step; then the visitation
 * decision), each at the planned time, so policy checks, audit entries, the case's status changes
 * and the sensitive facts all come from the app itself.
 */
export const at = (isoDate: string, hour: number, minute = 0): Date =>
  DateTime.fromISO(isoDate, { zone: DEFAULT_TIME_ZONE }).set({ hour, minute }).toJSDate();

const OVERRIDE: Partial<Record<ScreeningOutcome, ScreeningOutcome>> = {
  NO_INDICATION: 'INDICATION_NO_JOB_IMPACT',
  INDICATION_NO_JOB_IMPACT: 'INDICATION_WITH_JOB_IMPACT',
  INDICATION_WITH_JOB_IMPACT: 'INDICATION_NO_JOB_IMPACT',
};

/** The card inputs a screener would fill in for one question of the planned screening. */
function inputFor(question: Question, plan: ScreeningPlan, visitAt: string): string | undefined {
  switch (question.type) {
    case 'confirm':
      return question.role === 'informed' ? 'true' : undefined;
    case 'choice':
      if (question.role === 'participation') return plan.participation;
      if (question.role === 'gateway') return plan.gateway;
      if (question.role === 'wg' && question.domain !== undefined) return plan.wg[question.domain];
      if (question.role === 'nextStep') return 'VISITATION_CONVERSATION';
      if (question.id === 'mode') return plan.mode;
      return question.options[0]?.value;
    case 'multi': {
      const picks = question.role === 'accommodations' ? plan.accommodationPicks : plan.hkoPicks;
      return picks.flatMap((i) => question.options[i]?.value ?? []).join(',');
    }
    case 'date':
      return question.role === 'nextStepDate' ? visitAt : undefined;
  }
}

function stepInputs(q: Questionnaire, doc: ScreeningDoc, plan: CasePlan, visitAt: string): Record<string, string> {
  const step = q.steps[doc.stepIndex];
  if (step === undefined) throw new Error(`${plan.caseNumber}: no step ${doc.stepIndex}`);
  if (step.kind === 'outcome') {
    const suggested = suggestOutcome(q, doc.answers).outcome;
    const chosen = plan.screening.overrideOutcome ? (OVERRIDE[suggested] ?? suggested) : suggested;
    return { [OUTCOME_INPUT]: chosen };
  }
  const inputs: Record<string, string> = {};
  for (const question of step.questions) {
    const value = inputFor(question, plan.screening, visitAt);
    if (value !== undefined) inputs[`q_${question.id}`] = value;
  }
  return inputs;
}

function expectStep(view: ScreeningView, caseNumber: string): ScreeningDoc {
  if (view.kind === 'step' && (view.errors?.length ?? 0) > 0)
    throw new Error(`${caseNumber}: the app refused a planned answer: ${JSON.stringify(view.errors)}`);
  return view.screening;
}

export type SeedOutcome = 'created' | 'existed';

/** Screens (and visits) one planned citizen. A case that exists already is left as it is. */
export async function applyScreeningAndVisitation(
  services: Services,
  plan: MunicipalityPlan,
  c: CasePlan,
  index: number,
): Promise<SeedOutcome> {
  const tenantId = plan.tenantId;
  const screener = { tenantId, userId: c.screenerId, roles: ['screener' as const] };
  const startHour = 9 + (index % 6);
  let minute = 0;
  const step = () => actingAs(services, screener, at(c.screening.on, startHour, (minute += 3)));

  const started = await startScreening(step(), c.caseNumber);
  if (started.kind !== 'view') throw new Error(`${c.caseNumber}: could not start (${started.kind})`);
  if (started.resumed) return 'existed';
  let doc = expectStep(started.view, c.caseNumber);
  const q = questionnaireOf(doc);
  // The visitation conversation booked at the end of the screening (planned even when not held yet).
  const visitAt = c.visitation?.conversationAt ?? c.screening.on;
  for (let answered = 0; doc.status === 'IN_PROGRESS'; answered++) {
    const sub = { caseRef: doc.caseRef, seq: doc.seq, step: doc.stepIndex, inputs: stepInputs(q, doc, c, visitAt) };
    if (answered === c.screening.pausedAfterSteps) {
      await pause(step(), sub);
      return 'created';
    }
    doc = expectStep(await recordAnswer(step(), sub), c.caseNumber);
    if (answered > q.steps.length) throw new Error(`${c.caseNumber}: the screening does not finish`);
  }

  const v = c.visitation;
  if (v === undefined) return 'created';
  const view = await saveVisitation(actingAs(services, screener, at(v.conversationAt, 14)), doc.caseRef, {
    group: v.group,
    conversationAt: v.conversationAt,
    rationale: v.rationale,
    ...(v.jobformidlerId !== undefined ? { jobformidlerId: v.jobformidlerId } : {}),
    ...(v.firstJobConversationAt !== undefined ? { firstJobConversationAt: v.firstJobConversationAt } : {}),
    ...(v.rehabTeamMeetingAt !== undefined ? { rehabTeamMeetingAt: v.rehabTeamMeetingAt } : {}),
    ...(v.ownerId !== undefined ? { ownerId: v.ownerId } : {}),
    ...(v.recipient !== undefined ? { notificationRecipient: v.recipient } : {}),
    ...(v.notificationDate !== undefined ? { notificationDate: v.notificationDate } : {}),
  });
  if (view.kind !== 'decided')
    throw new Error(`${c.caseNumber}: the visitation was not saved (${view.kind} ${JSON.stringify(view)})`);
  return 'created';
}
