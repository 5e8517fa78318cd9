import { NotFoundError, ConflictError } from '../../domain/errors';
import type { ScreeningOutcome } from '../../domain/case';
import type { ScreeningDoc } from '../../store/screening-repository';
import type { WithEtag } from '../../store/documents';
import type { CaseAccess } from '../../access/guard';
import { screeningText } from '../../i18n/screening';
import { OUTCOME_INPUT } from '../../../cards/screening/step-card';
import type { HandlerContext } from '../feature';
import { businessDate } from '../../domain/calendar';
import { settleFinishedScreening, settledStateOf, type SettledCase } from './complete-screening';
import { questionsWithRole, type NextStepType, type Questionnaire } from './questionnaire-rules';
import { repositoriesOf } from './repositories';
import {
  CONFIRMABLE_OUTCOMES,
  dropSkippedAnswers,
  mergeStepAnswers,
  nextStepIndex,
  parseStepInput,
  previousStepIndex,
  suggestOutcome,
  type AnswerValue,
} from './rules';
import { questionnaireOf, type ScreeningView } from './views';

/**
 * Recording the steps of a screening. Every button on a step card carries the screening's `seq`
 * and step index from when the card was drawn; a click whose card is no longer current (a double
 * click, a retried invoke, an old card in another chat) records nothing and shows the current step.
 * Two clicks that race past that check meet the ETag: one write wins, the other shows the result.
 */
export interface StepSubmission {
  readonly caseRef: string;
  readonly seq: number;
  readonly step: number;
  /** The card's inputs (`q_<questionId>`, and the outcome choice on the outcome step). */
  readonly inputs: Readonly<Record<string, unknown>>;
}

type Work = (doc: WithEtag<ScreeningDoc>, q: Questionnaire) => Promise<ScreeningView>;

async function load(ctx: HandlerContext, caseRef: string): Promise<WithEtag<ScreeningDoc>> {
  const doc = await repositoriesOf(ctx).screenings.get(ctx.actor.tenantId, caseRef);
  if (doc === undefined) throw new NotFoundError('screening');
  return doc;
}

const access = (ctx: HandlerContext, doc: ScreeningDoc, auditAction: string, kind: 'read' | 'write'): CaseAccess => ({
  action: 'screening.run',
  auditAction,
  kind,
  purpose: 'screening',
  caseRef: doc.caseRef,
  resource: { tenantId: ctx.actor.tenantId, screenerId: doc.screenerId },
});

/** What the summary card needs to know about the case: waiting for visitation, or closed (and until when). */
const finishedState = (settled: SettledCase | undefined) => ({
  awaitingVisitation: settled?.state === 'awaiting_visitation',
  ...(settled?.state === 'closed' ? { closed: { expiresAt: settled.expiresAt } } : {}),
});

/** The finished screening's summary, finishing the case's side of it first if that was interrupted. */
async function finishedView(ctx: HandlerContext, doc: ScreeningDoc): Promise<ScreeningView> {
  const caseDoc = await repositoriesOf(ctx).cases.get(doc.tenantId, doc.caseRef);
  let settled = caseDoc === undefined ? undefined : settledStateOf(caseDoc);
  if (caseDoc?.status === 'SCREENING')
    settled = await ctx.guard.run(access(ctx, doc, 'screening.finish', 'write'), () =>
      settleFinishedScreening(ctx, doc),
    );
  return { kind: 'finished', screening: doc, ...finishedState(settled) };
}

async function currentView(ctx: HandlerContext, caseRef: string, moved: boolean): Promise<ScreeningView> {
  const doc = await load(ctx, caseRef);
  if (doc.status !== 'IN_PROGRESS') return finishedView(ctx, doc);
  return {
    kind: 'step',
    screening: doc,
    ...(moved ? { notice: screeningText(ctx.actor.locale, 'step.moved_on') } : {}),
  };
}

/** Runs `work` as an audited write, unless the click came from a card that is no longer current. */
async function submit(
  ctx: HandlerContext,
  sub: StepSubmission,
  auditAction: string,
  work: Work,
): Promise<ScreeningView> {
  const doc = await load(ctx, sub.caseRef);
  const stale = doc.status !== 'IN_PROGRESS' || doc.seq !== sub.seq || doc.stepIndex !== sub.step;
  if (stale)
    return ctx.guard.run(access(ctx, doc, 'screening.show', 'read'), () =>
      doc.status === 'IN_PROGRESS' ? currentView(ctx, sub.caseRef, true) : finishedView(ctx, doc),
    );
  return ctx.guard.run(access(ctx, doc, auditAction, 'write'), () => work(doc, questionnaireOf(doc)));
}

/** Saves `next` over `doc` if nobody else did meanwhile; otherwise shows what the other click did. */
async function save(
  ctx: HandlerContext,
  doc: WithEtag<ScreeningDoc>,
  next: ScreeningDoc,
  then: (saved: ScreeningDoc) => Promise<ScreeningView> | ScreeningView,
): Promise<ScreeningView> {
  let saved: ScreeningDoc;
  try {
    saved = await repositoriesOf(ctx).screenings.replace({
      ...next,
      seq: doc.seq + 1,
      updatedAt: ctx.now.toISOString(),
      _etag: doc._etag,
    });
  } catch (e) {
    if (e instanceof ConflictError) return currentView(ctx, doc.caseRef, true);
    throw e;
  }
  return then(saved);
}

function withoutOutcome(doc: ScreeningDoc): ScreeningDoc {
  const {
    outcome: _o,
    suggestedOutcome: _s,
    outcomeChangedByScreener: _c,
    wgDisability1: _w1,
    wgDisability3: _w3,
    ...rest
  } = doc;
  return rest;
}

/** New answers for the current step; a change before the outcome step asks for the outcome again. */
function withAnswers(q: Questionnaire, doc: ScreeningDoc, answers: Record<string, AnswerValue>): ScreeningDoc {
  const kept = dropSkippedAnswers(q, answers);
  const outcomeAt = q.steps.findIndex((s) => s.kind === 'outcome');
  const changed = JSON.stringify(kept) !== JSON.stringify(doc.answers);
  const base = changed && doc.stepIndex < outcomeAt ? withoutOutcome(doc) : doc;
  return { ...base, answers: kept };
}

function completed(ctx: HandlerContext, q: Questionnaire, doc: ScreeningDoc): ScreeningDoc {
  const typeQuestion = questionsWithRole(q, 'nextStep')[0];
  const dateQuestion = questionsWithRole(q, 'nextStepDate')[0];
  const type = typeQuestion ? (doc.answers[typeQuestion.id] as NextStepType | undefined) : undefined;
  const date = dateQuestion ? doc.answers[dateQuestion.id] : undefined;
  const suggestion = suggestOutcome(q, doc.answers);
  return {
    ...doc,
    status: 'COMPLETED',
    outcome: doc.outcome ?? suggestion.outcome,
    suggestedOutcome: doc.suggestedOutcome ?? suggestion.outcome,
    wgDisability1: suggestion.wgDisability1,
    wgDisability3: suggestion.wgDisability3,
    ...(type !== undefined
      ? {
          nextStep: {
            type,
            ...(type === 'VISITATION_CONVERSATION' && typeof date === 'string' ? { bookedFor: date } : {}),
          },
        }
      : {}),
    completedAt: ctx.now.toISOString(),
    conductedOn: businessDate(ctx.now),
  };
}

const isConfirmable = (value: unknown): value is ScreeningOutcome =>
  typeof value === 'string' && (CONFIRMABLE_OUTCOMES as readonly string[]).includes(value);

/** "Next" (or "Finish" on the last step): validate, record, move on. */
export function recordAnswer(ctx: HandlerContext, sub: StepSubmission): Promise<ScreeningView> {
  return submit(ctx, sub, 'screening.answer', async (doc, q) => {
    const step = q.steps[doc.stepIndex];
    if (step === undefined) throw new NotFoundError('screening step');
    let next: ScreeningDoc;
    if (step.kind === 'outcome') {
      const chosen = sub.inputs[OUTCOME_INPUT];
      if (!isConfirmable(chosen))
        return { kind: 'step', screening: doc, errors: [{ questionId: OUTCOME_INPUT, key: 'required' }] };
      const suggestion = suggestOutcome(q, doc.answers);
      next = {
        ...doc,
        outcome: chosen,
        suggestedOutcome: suggestion.outcome,
        outcomeChangedByScreener: chosen !== suggestion.outcome,
      };
    } else {
      const context = { today: businessDate(ctx.now), answers: doc.answers };
      const strict = parseStepInput(step, sub.inputs, { ...context, mode: 'strict' });
      if (strict.errors.length > 0) {
        const lenient = parseStepInput(step, sub.inputs, { ...context, mode: 'lenient' });
        return {
          kind: 'step',
          screening: doc,
          values: mergeStepAnswers(step, doc.answers, lenient.answers),
          errors: strict.errors,
        };
      }
      next = withAnswers(q, doc, mergeStepAnswers(step, doc.answers, strict.answers));
    }
    const nextIndex = nextStepIndex(q, next.answers, doc.stepIndex);
    next = nextIndex === undefined ? completed(ctx, q, next) : { ...next, stepIndex: nextIndex };
    return save(ctx, doc, next, async (saved) => {
      if (saved.status === 'IN_PROGRESS') return { kind: 'step', screening: saved };
      return { kind: 'finished', screening: saved, ...finishedState(await settleFinishedScreening(ctx, saved)) };
    });
  });
}

/** "Back": to the previous step that applies; nothing on the current step is recorded. */
export function goBack(ctx: HandlerContext, sub: StepSubmission): Promise<ScreeningView> {
  return submit(ctx, sub, 'screening.back', async (doc, q) => {
    const previous = previousStepIndex(q, doc.answers, doc.stepIndex) ?? doc.stepIndex;
    return save(ctx, doc, { ...doc, stepIndex: previous }, (saved) => ({ kind: 'step', screening: saved }));
  });
}

/** "Save and continue later": keeps what is valid on this step, without asking for what is missing. */
export function pause(ctx: HandlerContext, sub: StepSubmission): Promise<ScreeningView> {
  return submit(ctx, sub, 'screening.pause', async (doc, q) => {
    const step = q.steps[doc.stepIndex];
    if (step === undefined) throw new NotFoundError('screening step');
    let next: ScreeningDoc = doc;
    if (step.kind === 'outcome') {
      const chosen = sub.inputs[OUTCOME_INPUT];
      if (isConfirmable(chosen)) next = { ...doc, outcome: chosen };
    } else {
      const lenient = parseStepInput(step, sub.inputs, {
        today: businessDate(ctx.now),
        answers: doc.answers,
        mode: 'lenient',
      });
      if (lenient.errors.length > 0)
        return {
          kind: 'step',
          screening: doc,
          values: mergeStepAnswers(step, doc.answers, lenient.answers),
          errors: lenient.errors,
        };
      next = withAnswers(q, doc, mergeStepAnswers(step, doc.answers, lenient.answers));
    }
    return save(ctx, doc, next, (saved) => ({ kind: 'paused', screening: saved }));
  });
}

/** Aborting records the outcome ABORTED and deletes the answers given so far (they serve no purpose now). */
export function abort(ctx: HandlerContext, sub: StepSubmission): Promise<ScreeningView> {
  return submit(ctx, sub, 'screening.abort', async (doc) => {
    const next: ScreeningDoc = {
      ...withoutOutcome(doc),
      status: 'ABORTED',
      answers: {},
      outcome: 'ABORTED',
      completedAt: ctx.now.toISOString(),
      conductedOn: businessDate(ctx.now),
    };
    return save(ctx, doc, next, async (saved) => ({
      kind: 'finished',
      screening: saved,
      ...finishedState(await settleFinishedScreening(ctx, saved)),
    }));
  });
}

/** Opens a screening where it stands (from "mine screeninger", a paused card, or another device). */
export async function resume(ctx: HandlerContext, caseRef: string): Promise<ScreeningView> {
  const doc = await load(ctx, caseRef);
  return ctx.guard.run(access(ctx, doc, 'screening.resume', 'read'), () =>
    doc.status === 'IN_PROGRESS'
      ? Promise.resolve<ScreeningView>({ kind: 'step', screening: doc })
      : finishedView(ctx, doc),
  );
}
