import { z } from 'zod';
import { screeningText as t } from '../../i18n/screening';
import { startScreeningCard } from '../../../cards/screening/start-card';
import { confirmAbortCard } from '../../../cards/screening/pause-abort-cards';
import { screeningAnswersCard } from '../../../cards/screening/answers-card';
import { myScreeningsCard } from '../../../cards/screening/list-card';
import { cardReply, defineAction, textReply, type Feature, type HandlerContext, type Reply } from '../feature';
import { listMyScreenings } from './list-screenings';
import { readScreening } from './read-answers';
import { abort, goBack, pause, recordAnswer, resume, type StepSubmission } from './record-step';
import { CaseRefSchema, isPlaceholder } from './case-ref';
import { startScreening } from './start-screening';
import { questionnaireOf, renderScreeningView } from './views';
import type { ActionOutcome } from '../feature';

const CardInputValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
const StepDataSchema = z
  .object({ caseRef: CaseRefSchema, seq: z.number().int().min(0), step: z.number().int().min(0).max(50) })
  .catchall(CardInputValue);
type StepData = z.output<typeof StepDataSchema>;

const submission = (data: StepData): StepSubmission => {
  const { caseRef, seq, step, ...inputs } = data;
  return { caseRef, seq, step, inputs };
};

const viewCard = (ctx: HandlerContext, view: Parameters<typeof renderScreeningView>[1]): ActionOutcome => ({
  card: renderScreeningView(ctx.actor.locale, view),
});

/**
 * The answers card. Opened from the case card (`from: 'case'`), the jobformidler reads them to
 * follow the case up: logged with that purpose, and "hide" goes back to the case.
 */
async function answersCard(ctx: HandlerContext, caseRef: string, from?: 'case') {
  const { screening } = await readScreening(
    ctx,
    caseRef,
    from === 'case' ? 'screening.read_answers.case' : 'screening.read_answers',
    from === 'case' ? 'follow_up' : 'screening',
  );
  return screeningAnswersCard(
    ctx.actor.locale,
    {
      caseRef,
      questionnaire: questionnaireOf(screening),
      status: screening.status,
      answers: screening.answers,
      outcome: screening.outcome,
      suggestedOutcome: screening.suggestedOutcome,
      outcomeChangedByScreener: screening.outcomeChangedByScreener,
    },
    from === 'case' ? { verb: 'case.open', data: { caseRef } } : { verb: 'screening.summary', data: { caseRef } },
  );
}

/** The redacted summary again (after "hide answers"): only status, dates and the next step. */
async function summaryCard(ctx: HandlerContext, caseRef: string) {
  const { caseDoc, screening } = await readScreening(ctx, caseRef, 'screening.summary');
  if (screening.status === 'IN_PROGRESS') return renderScreeningView(ctx.actor.locale, { kind: 'paused', screening });
  const mayDecide = ctx.guard.allows('visitation.decide', {
    tenantId: caseDoc.tenantId,
    screenerId: caseDoc.screenerId,
  });
  return renderScreeningView(ctx.actor.locale, {
    kind: 'finished',
    screening,
    awaitingVisitation: mayDecide && caseDoc.status === 'AWAITING_VISITATION',
  });
}

const ANSWERS_COMMAND = /^(?:screeningssvar|screening answers|vis screening|show screening)(?:\s+(\S+))?$/;

export const screeningFeature: Feature = {
  name: 'screening',
  commands: [
    {
      id: 'screening.new',
      helpButton: 'run',
      patterns: [/^(?:ny screening|screening|new screening|start screening)$/],
      permission: 'screening.run',
      help: {
        da: t('da', 'cmd.new.help'),
        en: t('en', 'cmd.new.help'),
        example: { da: 'ny screening', en: 'new screening' },
      },
      quickAction: { da: t('da', 'cmd.new.quick'), en: t('en', 'cmd.new.quick') },
      handle: async (ctx) => [cardReply(startScreeningCard({ locale: ctx.actor.locale }))],
    },
    {
      id: 'screening.list',
      helpButton: 'run',
      patterns: [/^(?:mine screeninger|my screenings)$/],
      permission: 'screening.list_own',
      help: {
        da: t('da', 'cmd.list.help'),
        en: t('en', 'cmd.list.help'),
        example: { da: 'mine screeninger', en: 'my screenings' },
      },
      quickAction: { da: t('da', 'cmd.list.quick'), en: t('en', 'cmd.list.quick') },
      handle: async (ctx) => [cardReply(myScreeningsCard(ctx.actor.locale, await listMyScreenings(ctx)))],
    },
    {
      id: 'screening.answers',
      helpButton: 'caseRef',
      patterns: [ANSWERS_COMMAND],
      permission: 'screening.read_answers',
      help: {
        da: t('da', 'cmd.answers.help'),
        en: t('en', 'cmd.answers.help'),
        example: { da: 'screeningssvar SAGSNUMMER', en: 'screening answers CASE-NUMBER' },
      },
      handle: async (ctx, { match }): Promise<Reply[]> => {
        const caseRef = CaseRefSchema.safeParse(match[1] ?? '');
        if (!caseRef.success || isPlaceholder(caseRef.data)) return [textReply(t(ctx.actor.locale, 'error.case_ref'))];
        return [cardReply(await answersCard(ctx, caseRef.data))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'screening.start',
      schema: z.object({ caseNumber: z.string().max(200).default('') }),
      // A CPR number typed as the case number: the start card again, empty, with the reason.
      refusedInput: async (ctx) => ({
        card: startScreeningCard({ locale: ctx.actor.locale, error: t(ctx.actor.locale, 'start.error.cpr') }),
      }),
      handle: async (ctx, data) => {
        const locale = ctx.actor.locale;
        const result = await startScreening(ctx, data.caseNumber);
        switch (result.kind) {
          case 'invalid':
            return {
              card: startScreeningCard({
                locale,
                error: t(locale, result.reason === 'cpr_shaped' ? 'start.error.cpr' : 'start.error.format'),
              }),
            };
          case 'taken':
            return {
              card: startScreeningCard({ locale, error: t(locale, 'start.error.taken', { caseRef: result.caseRef }) }),
            };
          case 'view': {
            const view =
              result.resumed && result.view.kind === 'step'
                ? { ...result.view, notice: t(locale, 'start.resumed', { caseRef: result.view.screening.caseRef }) }
                : result.view;
            return viewCard(ctx, view);
          }
        }
      },
    }),
    defineAction({
      verb: 'screening.answer',
      schema: StepDataSchema,
      handle: async (ctx, data) => viewCard(ctx, await recordAnswer(ctx, submission(data))),
    }),
    defineAction({
      verb: 'screening.back',
      schema: StepDataSchema,
      handle: async (ctx, data) => viewCard(ctx, await goBack(ctx, submission(data))),
    }),
    defineAction({
      verb: 'screening.pause',
      schema: StepDataSchema,
      handle: async (ctx, data) => viewCard(ctx, await pause(ctx, submission(data))),
    }),
    defineAction({
      verb: 'screening.abort',
      schema: StepDataSchema,
      handle: async (ctx, data) => {
        ctx.guard.require('screening.run');
        return {
          card: confirmAbortCard({ locale: ctx.actor.locale, caseRef: data.caseRef, seq: data.seq, step: data.step }),
        };
      },
    }),
    defineAction({
      verb: 'screening.abort.confirm',
      schema: StepDataSchema,
      handle: async (ctx, data) => viewCard(ctx, await abort(ctx, submission(data))),
    }),
    defineAction({
      verb: 'screening.resume',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => viewCard(ctx, await resume(ctx, data.caseRef)),
    }),
    defineAction({
      verb: 'screening.answers',
      schema: z.object({ caseRef: CaseRefSchema, from: z.literal('case').optional() }),
      handle: async (ctx, data) => ({ card: await answersCard(ctx, data.caseRef, data.from) }),
    }),
    defineAction({
      verb: 'screening.summary',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await summaryCard(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'screening.list',
      schema: z.object({}),
      handle: async (ctx) => {
        ctx.guard.require('screening.list_own');
        return { card: myScreeningsCard(ctx.actor.locale, await listMyScreenings(ctx)) };
      },
    }),
  ],
};
