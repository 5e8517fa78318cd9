import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ANY_CONVERSATION } from '../../domain/venue';
import { fidelityText as t, type FidelityKey } from '../../i18n/fidelity';
import { messageCard } from '../../../cards/common/message-card';
import { coreElementSetsCard, coreImportResultCard } from '../../../cards/fidelity/sets-card';
import { roundStartedCard, startRoundCard } from '../../../cards/fidelity/start-card';
import { laterCard, myRoundsCard, reviewCard, stepCard, thanksCard } from '../../../cards/fidelity/answer-cards';
import type { AdaptiveCard } from '../../../cards/types';
import { extractPastedJson } from '../progression/import-indicator-set';
import { cardReply, defineAction, textReply, type Feature, type HandlerContext } from '../feature';
import { myRounds, openAnswer, saveStep, sendAnswers, type AnswerView, type Refusal } from './answer-round';
import { CoreElementSetCatalogue } from './core-element-sets';
import { importCoreElementSet, isCoreElementSetJson } from './import-core-element-set';
import { reportCard, reportsFor, roundReport } from './report';
import { startForm, startRound, type StartForm, type StartProblem } from './start-round';

/**
 * Fidelity rounds (issue 16 A): admins keep the programmes' core elements as versioned data; a
 * leader starts a round in the team's channel and reads its report there (team sums, never per
 * person); each member answers 1:1 on a short resumable card. Reminders and closing are the job's
 * (round-job.ts).
 */
const REFUSAL_KEY: Record<Refusal, FidelityKey> = {
  gone: 'report.not_found',
  closed: 'closed.text',
  not_invited: 'not_invited',
  already: 'already.text',
};

const refusalCard = (ctx: HandlerContext, refusal: Refusal): AdaptiveCard =>
  messageCard(t(ctx.actor.locale, REFUSAL_KEY[refusal]), { tone: refusal === 'already' ? 'good' : 'attention' });

const isJson = (file: { name: string; fileType: string }): boolean =>
  file.fileType === 'json' || file.name.toLowerCase().endsWith('.json');

function formCard(
  ctx: HandlerContext,
  form: StartForm,
  extra: { selectedKey?: string; endDate?: string; startToken?: string; error?: string } = {},
): AdaptiveCard {
  return startRoundCard({
    locale: ctx.actor.locale,
    sets: form.sets,
    selectedKey: extra.selectedKey,
    endDate: extra.endDate ?? form.endDate,
    minDate: form.today,
    maxDate: form.maxDate,
    startToken: extra.startToken ?? randomUUID(),
    error: extra.error,
  });
}

const problemText = (ctx: HandlerContext, problem: StartProblem): string =>
  t(ctx.actor.locale, problem.key, problem.params ?? {});

/** The card for where a member is: a step, or "check and send" once every step is passed. */
function answerCard(
  ctx: HandlerContext,
  view: AnswerView,
  error?: { step: number; chosen?: Readonly<Record<string, number>> },
): AdaptiveCard {
  const locale = ctx.actor.locale;
  const step = error?.step ?? view.cursor;
  if (step >= view.set.elements.length)
    return reviewCard({ locale, round: view.round, set: view.set, levels: view.levels });
  const element = view.set.elements[step];
  return stepCard({
    locale,
    round: view.round,
    set: view.set,
    step,
    chosen: error?.chosen ?? (element ? (view.levels[element.elementId] ?? {}) : {}),
    error: error ? t(locale, 'step.missing') : undefined,
  });
}

export const fidelityFeature: Feature = {
  name: 'fidelity',
  commands: [
    {
      id: 'fidelity.sets.list',
      patterns: [/^(?:kerneelementsæt|kerneelementsaet|kerneelementer|core element sets?|core elements)$/],
      permission: 'fidelityset.manage',
      help: {
        da: t('da', 'cmd.sets.help'),
        en: t('en', 'cmd.sets.help'),
        example: { da: 'kerneelementsæt', en: 'core element sets' },
      },
      handle: async (ctx) => {
        const rows = await new CoreElementSetCatalogue(ctx.services.store).list(ctx.actor.tenantId);
        return [cardReply(coreElementSetsCard({ locale: ctx.actor.locale, rows }))];
      },
    },
    {
      id: 'fidelity.sets.import',
      patterns: [/^(?:importér|importer|import) (?:kerneelementsæt|kerneelementsaet|core element set)(?: |$)/],
      permission: 'fidelityset.manage',
      help: {
        da: t('da', 'cmd.import.help'),
        en: t('en', 'cmd.import.help'),
        example: { da: 'importér kerneelementsæt { … }', en: 'import core element set { … }' },
      },
      handle: async (ctx, { rawText }) => {
        const json = extractPastedJson(rawText);
        if (json === undefined) return [textReply(t(ctx.actor.locale, 'import.no_json'))];
        return [cardReply(coreImportResultCard(ctx.actor.locale, await importCoreElementSet(ctx, json)))];
      },
    },
    {
      id: 'fidelity.start',
      // Started where the team is: its channel. The form and what it posts carry no case data and no
      // answers, only the programme, the date and how many were asked.
      conversations: ANY_CONVERSATION,
      patterns: [/^start (?:en )?fidelitetsrunde$/, /^start (?:a )?fidelity round$/],
      permission: 'fidelity.start',
      help: {
        da: t('da', 'cmd.start.help'),
        en: t('en', 'cmd.start.help'),
        example: { da: 'start fidelitetsrunde', en: 'start fidelity round' },
      },
      handle: async (ctx) => {
        const prepared = await startForm(ctx);
        if ('problem' in prepared) return [textReply(problemText(ctx, prepared.problem))];
        return [cardReply(formCard(ctx, prepared.form))];
      },
    },
    {
      id: 'fidelity.report',
      // In the team's channel: that team's latest round (a count while open, team sums of at least
      // three answers once closed, never per person). In the 1:1 chat: the municipality's rounds. In a
      // group chat: a pointer to those two.
      conversations: ANY_CONVERSATION,
      patterns: [
        /^(?:fidelitetsrapport|vis fidelitetsrunde(?:n)?|fidelitetsrunder)$/,
        /^(?:fidelity report|show fidelity round|fidelity rounds)$/,
      ],
      permission: 'fidelity.report',
      help: {
        da: t('da', 'cmd.report.help'),
        en: t('en', 'cmd.report.help'),
        example: { da: 'fidelitetsrapport', en: 'fidelity report' },
      },
      handle: async (ctx) => {
        const found = await reportsFor(ctx);
        if (found.kind === 'none_team') return [textReply(t(ctx.actor.locale, 'report.none_team'))];
        if (found.kind === 'not_here') return [textReply(t(ctx.actor.locale, 'report.not_here'))];
        if (found.kind === 'list') return [cardReply(found.card)];
        return [cardReply(reportCard(ctx.actor.locale, found.report))];
      },
    },
    {
      id: 'fidelity.answer',
      patterns: [
        /^(?:fidelitetsrunde|min fidelitetsrunde|mine fidelitetsrunder)$/,
        /^(?:fidelity round|my fidelity rounds?)$/,
      ],
      permission: 'fidelity.answer',
      help: {
        da: t('da', 'cmd.answer.help'),
        en: t('en', 'cmd.answer.help'),
        example: { da: 'fidelitetsrunde', en: 'fidelity round' },
      },
      handle: async (ctx) => [cardReply(myRoundsCard({ locale: ctx.actor.locale, rows: await myRounds(ctx) }))],
    },
  ],
  files: [
    {
      id: 'fidelity.sets.import.file',
      permission: 'fidelityset.manage',
      accepts: isJson,
      acceptsContent: isCoreElementSetJson,
      handle: async (ctx, file) => {
        const content = await file.read();
        return [cardReply(coreImportResultCard(ctx.actor.locale, await importCoreElementSet(ctx, content)))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'fidelity.start',
      // The start form lives in the team's channel (see the command above).
      conversations: ANY_CONVERSATION,
      schema: z.object({
        startToken: z.uuid(),
        setKey: z.string().max(80).default(''),
        endDate: z.string().max(32).default(''),
      }),
      handle: async (ctx, data) => {
        const outcome = await startRound(ctx, data);
        if (outcome.kind === 'started')
          return {
            card: roundStartedCard({
              locale: ctx.actor.locale,
              roundId: outcome.round.roundId,
              set: outcome.set,
              invited: outcome.round.invitedCount,
              endDate: outcome.round.endDate,
            }),
            refreshFor: 'everyone',
          };
        if (outcome.form === undefined)
          return { card: messageCard(problemText(ctx, outcome.problem), { tone: 'attention' }) };
        return {
          card: formCard(ctx, outcome.form, {
            selectedKey: data.setKey || undefined,
            endDate: data.endDate || undefined,
            startToken: data.startToken,
            error: problemText(ctx, outcome.problem),
          }),
        };
      },
    }),
    defineAction({
      verb: 'fidelity.report.open',
      // A report is team sums only (see the report command); in a channel only that team's rounds open.
      conversations: ANY_CONVERSATION,
      schema: z.object({ roundId: z.uuid() }),
      handle: async (ctx, data) => {
        const report = await roundReport(ctx, data.roundId);
        return {
          card:
            report === undefined
              ? messageCard(t(ctx.actor.locale, 'report.not_found'), { tone: 'attention' })
              : reportCard(ctx.actor.locale, report),
        };
      },
    }),
    defineAction({
      verb: 'fidelity.answer.open',
      schema: z.object({ roundId: z.uuid() }),
      handle: async (ctx, data) => {
        const view = await openAnswer(ctx, data.roundId);
        return { card: typeof view === 'string' ? refusalCard(ctx, view) : answerCard(ctx, view) };
      },
    }),
    defineAction({
      verb: 'fidelity.answer.step',
      schema: z
        .object({
          roundId: z.uuid(),
          step: z.number().int().min(0).max(20),
          move: z.enum(['next', 'back', 'later']),
        })
        .catchall(z.union([z.string().max(3), z.number()])),
      handle: async (ctx, data) => {
        const outcome = await saveStep(ctx, data.roundId, data.step, data.move, data);
        if (typeof outcome === 'string') return { card: refusalCard(ctx, outcome) };
        if (outcome.kind === 'missing')
          return { card: answerCard(ctx, outcome.view, { step: outcome.step, chosen: outcome.chosen }) };
        if (outcome.move === 'later') return { card: laterCard(ctx.actor.locale, outcome.view.round) };
        return { card: answerCard(ctx, outcome.view) };
      },
    }),
    defineAction({
      verb: 'fidelity.answer.send',
      schema: z.object({ roundId: z.uuid() }),
      handle: async (ctx, data) => {
        const outcome = await sendAnswers(ctx, data.roundId);
        if (typeof outcome === 'string') return { card: refusalCard(ctx, outcome) };
        if (outcome.kind === 'incomplete') return { card: answerCard(ctx, outcome.view, { step: outcome.step }) };
        return { card: thanksCard(ctx.actor.locale, outcome.round) };
      },
    }),
  ],
};
