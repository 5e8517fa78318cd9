import { z } from 'zod';
import { privacyText as t } from '../../i18n/privacy';
import { messageCard } from '../../../cards/common/message-card';
import { auditExtractCard } from '../../../cards/privacy/audit-extract-card';
import { eraseConfirmCard, exportConfirmCard, exportResultCard } from '../../../cards/privacy/case-request-cards';
import type { AdaptiveCard } from '../../../cards/types';
import { NotFoundError } from '../../domain/errors';
import {
  cardReply,
  defineAction,
  fileReply,
  textReply,
  type Feature,
  type HandlerContext,
  type OutboundFile,
  type Reply,
} from '../feature';
import { auditExtract } from './audit-extract';
import { describeCase, eraseCase } from './erase-case';
import { ErasureReasonSchema } from './rules';
import { exportCase } from './export-case';
import { auditCsv } from './csv';
import { CASE_REF_PATTERN } from './rules';

/**
 * The DPO's and admin's tools for a citizen's requests: the access log of a case (art. 15), export
 * (art. 15/20) and erasure (art. 17). Like every case route, only in a 1:1 chat (the router's rule).
 */
const AUDIT = /^(?:log|adgangslog|access log|audit log) (?:for|over|of) (?:sag|sagen|case) (\S+)$/;
const EXPORT = /^(?:eksportér|eksporter|export) (?:sag|sagen|case) (\S+)$/;
const ERASE = /^(?:slet|erase|delete) (?:sag|sagen|case) (\S+)$/;

const CaseRefSchema = z.string().regex(CASE_REF_PATTERN);

/** Runs a case command; a case the tenant does not have gets the same answer as one that never existed. */
async function forCase(
  ctx: HandlerContext,
  typed: string | undefined,
  work: (caseRef: string) => Promise<Reply[]>,
): Promise<Reply[]> {
  const parsed = CaseRefSchema.safeParse(typed);
  if (!parsed.success) return [textReply(t(ctx.actor.locale, 'bad_ref'))];
  try {
    return await work(parsed.data);
  } catch (e) {
    if (e instanceof NotFoundError) return [textReply(t(ctx.actor.locale, 'not_found', { caseRef: parsed.data }))];
    throw e;
  }
}

/** The chat export as a JSON file (no art. 9 documents; those only through the admin API). */
async function exportFile(ctx: HandlerContext, caseRef: string): Promise<OutboundFile> {
  const exported = await exportCase(ctx, caseRef, { includeSensitive: false });
  return {
    name: `sag-${exported.caseRef.replace(/[^A-Za-z0-9-]/g, '-')}-eksport.json`,
    contentType: 'application/json',
    bytes: new TextEncoder().encode(JSON.stringify(exported, null, 1)),
    description: t(ctx.actor.locale, 'export.file_description', { caseRef: exported.caseRef }),
  };
}

export const privacyFeature: Feature = {
  name: 'privacy',
  producers: [
    {
      id: 'privacy.export',
      purpose: 'data_subject_request',
      params: z.object({ caseRef: CaseRefSchema }),
      produce: (ctx, params) => exportFile(ctx, String(params.caseRef)),
    },
  ],
  commands: [
    {
      id: 'privacy.audit',
      helpButton: 'caseRef',
      patterns: [AUDIT],
      permission: 'audit.extract',
      help: {
        da: t('da', 'cmd.audit'),
        en: t('en', 'cmd.audit'),
        example: { da: 'log for sag <sagsnummer>', en: 'log for case <case number>' },
      },
      handle: (ctx, { typed }) =>
        forCase(ctx, typed[1], async (ref) => {
          const extract = await auditExtract(ctx, ref);
          return [
            cardReply(
              auditExtractCard({
                locale: ctx.actor.locale,
                tenantId: ctx.actor.tenantId,
                caseRef: extract.caseRef,
                rows: extract.rows,
                retentionDays: extract.retentionDays,
                csv: auditCsv(extract.rows, ctx.actor.locale),
              }),
            ),
          ];
        }),
    },
    {
      id: 'privacy.export',
      helpButton: 'caseRef',
      patterns: [EXPORT],
      permission: 'case.export',
      help: {
        da: t('da', 'cmd.export'),
        en: t('en', 'cmd.export'),
        example: { da: 'eksportér sag <sagsnummer>', en: 'export case <case number>' },
      },
      handle: (ctx, { typed }) =>
        forCase(ctx, typed[1], async (ref) => {
          const found = await describeCase(ctx, ref, 'case.export.request');
          return [cardReply(exportConfirmCard({ locale: ctx.actor.locale, tenantId: ctx.actor.tenantId, ...found }))];
        }),
    },
    {
      id: 'privacy.erase',
      helpButton: 'caseRef',
      patterns: [ERASE],
      permission: 'case.erase',
      help: {
        da: t('da', 'cmd.erase'),
        en: t('en', 'cmd.erase'),
        example: { da: 'slet sag <sagsnummer>', en: 'erase case <case number>' },
      },
      handle: (ctx, { typed }) =>
        forCase(ctx, typed[1], async (ref) => {
          const found = await describeCase(ctx, ref, 'case.erase.request');
          return [cardReply(eraseConfirmCard({ locale: ctx.actor.locale, ...found }))];
        }),
    },
  ],
  actions: [
    defineAction({
      verb: 'privacy.export.confirm',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => {
        ctx.guard.require('case.export');
        let file: OutboundFile | undefined;
        const card = await cardFor(ctx, data.caseRef, async () => {
          file = await exportFile(ctx, data.caseRef);
          return exportResultCard({
            locale: ctx.actor.locale,
            tenantId: ctx.actor.tenantId,
            caseRef: data.caseRef,
            json: '',
            fileFollows: true,
          });
        });
        // The export is a file in the 1:1 chat, whatever its size; the admin API stays for automation.
        const followUps =
          file === undefined
            ? []
            : [fileReply({ producer: 'privacy.export', params: { caseRef: data.caseRef }, file })];
        return { card, followUps };
      },
    }),
    defineAction({
      verb: 'privacy.erase.confirm',
      schema: z.object({
        caseRef: CaseRefSchema,
        confirmRef: z.string().trim().max(64).default(''),
        reason: ErasureReasonSchema,
      }),
      handle: async (ctx, data) => {
        ctx.guard.require('case.erase');
        const locale = ctx.actor.locale;
        const card = await cardFor(ctx, data.caseRef, async () => {
          if (data.confirmRef.toUpperCase() !== data.caseRef.toUpperCase()) {
            const found = await describeCase(ctx, data.caseRef, 'case.erase.request');
            return eraseConfirmCard({
              locale,
              ...found,
              error: t(locale, 'erase.mismatch', { caseRef: data.caseRef }),
            });
          }
          const erased = await eraseCase(ctx, data.caseRef, data.reason);
          return messageCard(t(locale, 'erase.done', { caseRef: data.caseRef, ...erased }), { tone: 'good' });
        });
        return { card };
      },
    }),
    defineAction({
      verb: 'privacy.cancel',
      schema: z.object({}).catchall(z.unknown()),
      handle: async (ctx) => ({ card: messageCard(t(ctx.actor.locale, 'cancelled')) }),
    }),
  ],
};

async function cardFor(ctx: HandlerContext, caseRef: string, work: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundError)
      return messageCard(t(ctx.actor.locale, 'not_found', { caseRef }), { tone: 'attention' });
    throw e;
  }
}
