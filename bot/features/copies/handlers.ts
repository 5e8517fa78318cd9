import { z } from 'zod';
import { followUpOfWork } from '../../domain/case-follow-up';
import { NotFoundError } from '../../domain/errors';
import type { IndicatorSet } from '../../domain/indicator-set';
import { currentAgreement } from '../../domain/work-agreement';
import { copiesText as t } from '../../i18n/copies';
import type { Locale } from '../../i18n/locale';
import { readCaseWork } from '../../store/case-work-partition';
import { renderPdf } from '../../../cards/pdf/tagged-pdf';
import { storedCaseRef } from '../progression/case-access';
import { IndicatorSetCatalogue } from '../progression/indicator-sets';
import { readCase } from '../case-work/case-access';
import {
  fileReply,
  textReply,
  type Feature,
  type FileProducer,
  type HandlerContext,
  type OutboundFile,
} from '../feature';
import { citizenCopyBlocks, employerCopyBlocks, progressionBlocks } from './content';

/**
 * The citizen's copy of the plan and the employer's copy of the work agreement, as PDFs the case's
 * jobformidler gets as files in the 1:1 chat, to print or send (issue 16 B.5–6). Made server-side
 * from the case's documents, in plain Danish or, on request, English.
 */
const CITIZEN =
  /^(?:borgerkopi|borgerens kopi|citizen copy|citizen's copy)(?: (\S+))?(?: (engelsk|english|dansk|danish))?$/;
const EMPLOYER =
  /^(?:arbejdsgiverkopi|virksomhedskopi|virksomhedens kopi|employer copy|company copy)(?: (\S+))?(?: (engelsk|english|dansk|danish))?$/;

const ParamsSchema = z.object({
  caseRef: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/),
  lang: z.enum(['da', 'en']),
});

const langOf = (word: string | undefined, fallback: Locale): Locale =>
  word === undefined ? fallback : word === 'engelsk' || word === 'english' ? 'en' : 'da';

/** The case reference as typed (matching is lower-cased; case refs are not). */
function typedRef(rawText: string, lowered: string | undefined): string | undefined {
  if (lowered === undefined) return undefined;
  return rawText.split(/\s+/).find((w) => w.toLowerCase() === lowered);
}

async function jobformidlerName(ctx: HandlerContext, userId: string | undefined): Promise<string | undefined> {
  if (userId === undefined) return undefined;
  return (await ctx.services.directory.getUser(ctx.actor.tenantId, userId))?.displayName;
}

const fileName = (prefix: string, caseRef: string): string => `${prefix}-${caseRef.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`;

export async function citizenCopy(ctx: HandlerContext, params: z.infer<typeof ParamsSchema>): Promise<OutboundFile> {
  const lang = params.lang;
  return readCase(
    ctx,
    params.caseRef,
    'case.citizen_copy',
    async (scope) => {
      const work = await readCaseWork(ctx.services.store, ctx.actor.tenantId, params.caseRef);
      if (work === undefined) throw new NotFoundError(`case ${params.caseRef}`);
      const catalogue = new IndicatorSetCatalogue(ctx.services.store);
      const sets = new Map<string, IndicatorSet>();
      for (const m of work.progression) {
        const key = `${m.indicatorSetId}@${m.indicatorSetVersion}`;
        if (!sets.has(key)) {
          const entry = await catalogue.find(ctx.actor.tenantId, m.indicatorSetId, m.indicatorSetVersion);
          if (entry !== undefined) sets.set(key, entry.set);
        }
      }
      const blocks = citizenCopyBlocks({
        locale: lang,
        today: scope.today,
        goals: work.jobGoals?.goals ?? [],
        agreement: currentAgreement(work.agreements),
        jobformidlerName: await jobformidlerName(ctx, scope.caseDoc.assignedJobformidlerId),
        followUp: followUpOfWork(work, scope.settings, scope.today),
        progression: progressionBlocks(
          work.progression,
          (m) => sets.get(`${m.indicatorSetId}@${m.indicatorSetVersion}`),
          lang,
        ),
      });
      const bytes = await renderPdf({
        title: t(lang, 'citizen.title'),
        lang: lang === 'da' ? 'da-DK' : 'en-GB',
        author: 'Jobcenter',
        createdAt: ctx.now,
        blocks,
      });
      return {
        name: fileName(lang === 'da' ? 'din-plan' : 'your-plan', params.caseRef),
        contentType: 'application/pdf',
        bytes,
        description: t(ctx.actor.locale, 'citizen.file_description', { caseRef: params.caseRef }),
      };
    },
    'case.citizen_copy',
  );
}

export class NoAgreementError extends Error {}

export async function employerCopy(ctx: HandlerContext, params: z.infer<typeof ParamsSchema>): Promise<OutboundFile> {
  const lang = params.lang;
  return readCase(
    ctx,
    params.caseRef,
    'case.employer_copy',
    async (scope) => {
      const work = await readCaseWork(ctx.services.store, ctx.actor.tenantId, params.caseRef);
      if (work === undefined) throw new NotFoundError(`case ${params.caseRef}`);
      const agreement = currentAgreement(work.agreements);
      if (agreement === undefined) throw new NoAgreementError();
      const bytes = await renderPdf({
        title: t(lang, 'employer.title', { company: agreement.company.name }),
        lang: lang === 'da' ? 'da-DK' : 'en-GB',
        author: 'Jobcenter',
        createdAt: ctx.now,
        blocks: employerCopyBlocks({
          locale: lang,
          today: scope.today,
          agreement,
          jobformidlerName: await jobformidlerName(ctx, scope.caseDoc.assignedJobformidlerId),
          followUp: followUpOfWork(work, scope.settings, scope.today),
        }),
      });
      return {
        name: fileName(lang === 'da' ? 'arbejdsaftale' : 'work-agreement', params.caseRef),
        contentType: 'application/pdf',
        bytes,
        description: t(ctx.actor.locale, 'employer.file_description', { caseRef: params.caseRef }),
      };
    },
    'case.employer_copy',
  );
}

const producers: FileProducer[] = [
  {
    id: 'copies.citizen',
    purpose: 'follow_up',
    params: ParamsSchema,
    produce: (ctx, params) => citizenCopy(ctx, ParamsSchema.parse(params)),
  },
  {
    id: 'copies.employer',
    purpose: 'follow_up',
    params: ParamsSchema,
    produce: (ctx, params) => employerCopy(ctx, ParamsSchema.parse(params)),
  },
];

export const copiesFeature: Feature = {
  name: 'copies',
  producers,
  commands: [
    {
      id: 'copies.citizen',
      patterns: [CITIZEN],
      permission: 'case.citizen_copy',
      help: {
        da: t('da', 'cmd.citizen'),
        en: t('en', 'cmd.citizen'),
        example: { da: 'borgerkopi <sagsnummer> [engelsk]', en: 'citizen copy <case number> [english]' },
      },
      handle: async (ctx, { match, rawText }) => {
        const typed = typedRef(rawText, match[1]);
        if (typed === undefined) return [textReply(t(ctx.actor.locale, 'cmd.missing_ref'))];
        const params = { caseRef: await storedCaseRef(ctx, typed), lang: langOf(match[2], ctx.actor.locale) };
        return [fileReply({ producer: 'copies.citizen', params, file: await citizenCopy(ctx, params) })];
      },
    },
    {
      id: 'copies.employer',
      patterns: [EMPLOYER],
      permission: 'case.employer_copy',
      help: {
        da: t('da', 'cmd.employer'),
        en: t('en', 'cmd.employer'),
        example: { da: 'arbejdsgiverkopi <sagsnummer>', en: 'employer copy <case number>' },
      },
      handle: async (ctx, { match, rawText }) => {
        const typed = typedRef(rawText, match[1]);
        if (typed === undefined) return [textReply(t(ctx.actor.locale, 'cmd.missing_ref'))];
        const params = { caseRef: await storedCaseRef(ctx, typed), lang: langOf(match[2], ctx.actor.locale) };
        try {
          return [fileReply({ producer: 'copies.employer', params, file: await employerCopy(ctx, params) })];
        } catch (e) {
          if (e instanceof NoAgreementError) return [textReply(t(ctx.actor.locale, 'no_agreement'))];
          throw e;
        }
      },
    },
  ],
};
