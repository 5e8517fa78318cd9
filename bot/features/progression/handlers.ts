import { z } from 'zod';
import { MEASUREMENT_NOTE_MAX, MeasurementContextSchema, ParticipantSchema } from '../../domain/progression';
import { progressionText as t } from '../../i18n/progression';
import { messageCard } from '../../../cards/common/message-card';
import { citizenCard } from '../../../cards/progression/citizen-card';
import { importResultCard, indicatorSetsCard } from '../../../cards/progression/indicator-sets-card';
import { startCard } from '../../../cards/progression/scoring-cards';
import { cardReply, defineAction, textReply, type Feature } from '../feature';
import { storedCaseRef } from './case-access';
import { CaseRefSchema } from '../case-work/form-reader';
import { extractPastedJson, importIndicatorSet } from './import-indicator-set';
import { IndicatorSetCatalogue } from './indicator-sets';
import { loadOverview } from './overview';
import { completeMeasurement, discardDraft, openDraft, prepareStart, savePage, startMeasurement } from './scoring';
import { cardInput, draftCard, goneCard, missingNames, overviewCard, startOrResumeCard } from './progression-cards';
/**
 * Progression measurement: the jobformidler scores a case's indicators together with the citizen
 * (a resumable wizard), sees baseline against latest and the ordinary-hours curve, and can show the
 * citizen their own version. Admins list and import indicator-set versions.
 */

/** The case reference as typed (case refs are case-sensitive; command matching is lower-cased). */
function caseRefFrom(rawText: string, lowered: string | undefined): string | undefined {
  if (lowered === undefined) return undefined;
  const token = rawText
    .split(/\s+/)
    .map((w) => w.replace(/[.!?]+$/, ''))
    .find((w) => w.toLowerCase() === lowered);
  return CaseRefSchema.safeParse(token).success ? token : undefined;
}

const Participants = z
  .string()
  .max(100)
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(z.array(ParticipantSchema).max(3));

const isJson = (file: { name: string; fileType: string }): boolean =>
  file.fileType === 'json' || file.name.toLowerCase().endsWith('.json');

export const progressionFeature: Feature = {
  name: 'progression',
  commands: [
    {
      id: 'progression.open',
      helpButton: 'caseRef',
      patterns: [/^(?:progression|progressionsmåling|progressionsmaaling|progression measurement)(?: (\S+))?$/],
      permission: 'progression.score',
      help: {
        da: t('da', 'cmd.help'),
        en: t('en', 'cmd.help'),
        example: { da: 'progression <sagsnummer>', en: 'progression <case number>' },
      },
      handle: async (ctx, { match, rawText }) => {
        const caseRef = caseRefFrom(rawText, match[1]);
        if (caseRef === undefined) return [textReply(t(ctx.actor.locale, 'cmd.missing_ref'))];
        return [cardReply(await overviewCard(ctx, await storedCaseRef(ctx, caseRef)))];
      },
    },
    {
      id: 'indicatorsets.list',
      helpButton: 'run',
      patterns: [/^(?:indikatorsæt|indikatorsaet|indicator sets?)$/],
      permission: 'indicatorset.manage',
      help: {
        da: t('da', 'cmd.sets.help'),
        en: t('en', 'cmd.sets.help'),
        example: { da: 'indikatorsæt', en: 'indicator sets' },
      },
      handle: async (ctx) => {
        const rows = await new IndicatorSetCatalogue(ctx.services.store).list(ctx.actor.tenantId);
        return [cardReply(indicatorSetsCard({ locale: ctx.actor.locale, rows }))];
      },
    },
    {
      id: 'indicatorsets.import',
      patterns: [/^(?:importér|importer|import) (?:indikatorsæt|indikatorsaet|indicator set)(?: |$)/],
      permission: 'indicatorset.manage',
      help: {
        da: t('da', 'cmd.import.help'),
        en: t('en', 'cmd.import.help'),
        example: { da: 'importér indikatorsæt { … }', en: 'import indicator set { … }' },
      },
      handle: async (ctx, { rawText }) => {
        const json = extractPastedJson(rawText);
        if (json === undefined) return [textReply(t(ctx.actor.locale, 'import.no_json'))];
        return [cardReply(importResultCard(ctx.actor.locale, await importIndicatorSet(ctx, json)))];
      },
    },
  ],
  files: [
    {
      id: 'indicatorsets.import.file',
      permission: 'indicatorset.manage',
      accepts: isJson,
      handle: async (ctx, file) => {
        const content = await file.read();
        return [cardReply(importResultCard(ctx.actor.locale, await importIndicatorSet(ctx, content)))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'progression.open',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await overviewCard(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'progression.citizen',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => {
        const overview = await loadOverview(ctx, data.caseRef, 'progression.citizen_view');
        return { card: citizenCard(cardInput(overview, ctx.actor.locale)) };
      },
    }),
    defineAction({
      verb: 'progression.new',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await startOrResumeCard(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'progression.resume',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => {
        const view = await openDraft(ctx, data.caseRef);
        return { card: view ? draftCard(ctx, view) : await overviewCard(ctx, data.caseRef) };
      },
    }),
    defineAction({
      verb: 'progression.start',
      schema: z.object({
        caseRef: CaseRefSchema,
        startToken: z.uuid(),
        setKey: z.string().max(80).default(''),
        context: MeasurementContextSchema,
        participants: Participants,
        measuredAt: z.string().max(32).default(''),
      }),
      handle: async (ctx, data) => {
        const measuredAt = /^\d{4}-\d{2}-\d{2}$/.test(data.measuredAt) ? data.measuredAt : '0000-00-00';
        const result = await startMeasurement(ctx, data.caseRef, { ...data, measuredAt });
        if (result.kind !== 'problem') return { card: draftCard(ctx, result.view) };
        const prepared = await prepareStart(ctx, data.caseRef);
        if (prepared.kind !== 'start')
          return { card: messageCard(t(ctx.actor.locale, result.key), { tone: 'attention' }) };
        return {
          card: startCard({
            locale: ctx.actor.locale,
            caseRef: data.caseRef,
            sets: prepared.sets,
            selectedKey: data.setKey || undefined,
            earlierSet: prepared.earlierSet,
            context: data.context,
            participants: data.participants,
            today: prepared.today,
            startToken: data.startToken,
            error: t(ctx.actor.locale, result.key),
          }),
        };
      },
    }),
    defineAction({
      verb: 'progression.page',
      schema: z.object({
        caseRef: CaseRefSchema,
        measurementId: z.uuid(),
        page: z.number().int().min(0).max(20),
        move: z.enum(['next', 'back']),
        score: z.string().max(3).optional(),
        citizenScore: z.string().max(3).optional(),
        note: z.string().max(5000).optional(),
      }),
      handle: async (ctx, data) => {
        const outcome = await savePage(ctx, data.caseRef, data.measurementId, data.page, data);
        switch (outcome.kind) {
          case 'gone':
            return { card: goneCard(ctx, data.caseRef) };
          case 'completed':
            return { card: await overviewCard(ctx, data.caseRef, t(ctx.actor.locale, 'overview.already_saved')) };
          case 'page_error':
            return {
              card: draftCard(ctx, outcome.view, {
                page: outcome.page,
                error: t(ctx.actor.locale, outcome.key, { max: MEASUREMENT_NOTE_MAX }),
              }),
            };
          case 'saved':
            return { card: draftCard(ctx, outcome.view) };
        }
      },
    }),
    defineAction({
      verb: 'progression.complete',
      schema: z.object({
        caseRef: CaseRefSchema,
        measurementId: z.uuid(),
        agreedWithCitizen: z.enum(['true', 'false']).default('false'),
      }),
      handle: async (ctx, data) => {
        const locale = ctx.actor.locale;
        const outcome = await completeMeasurement(
          ctx,
          data.caseRef,
          data.measurementId,
          data.agreedWithCitizen === 'true',
          missingNames(locale),
        );
        switch (outcome.kind) {
          case 'gone':
            return { card: goneCard(ctx, data.caseRef) };
          case 'summary_error':
            return {
              card: draftCard(ctx, outcome.view, {
                page: outcome.view.set.indicators.length,
                error: t(locale, outcome.key, { names: outcome.names ?? '' }),
              }),
            };
          case 'already':
            return { card: await overviewCard(ctx, data.caseRef, t(locale, 'overview.already_saved')) };
          case 'completed':
            return { card: await overviewCard(ctx, data.caseRef, t(locale, 'overview.saved')) };
        }
      },
    }),
    defineAction({
      verb: 'progression.discard',
      schema: z.object({ caseRef: CaseRefSchema, measurementId: z.uuid() }),
      handle: async (ctx, data) => {
        const discarded = await discardDraft(ctx, data.caseRef, data.measurementId);
        return {
          card: await overviewCard(
            ctx,
            data.caseRef,
            discarded ? t(ctx.actor.locale, 'overview.discarded') : undefined,
          ),
        };
      },
    }),
  ],
};
