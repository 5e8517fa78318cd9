import { z } from 'zod';
import { rehabText as t } from '../../i18n/rehab';
import { cardReply, defineAction, textReply, type Feature } from '../feature';
import { CaseRefSchema, FormValueSchema } from '../case-work/form-reader';
import { isPlaceholder } from '../screening/case-ref';
import { rehabCardFor, rehabCloseConfirmed, rehabCloseOpen, rehabCloseReview, saveRehab } from './rehab-case';

const CaseRefData = z.object({ caseRef: CaseRefSchema });
const RehabForm = z.object({ caseRef: CaseRefSchema, etag: z.string().max(200).default('') }).catchall(FormValueSchema);
/** Reason and date are read (and refused inline) by the closing flow, so the form keeps what was typed. */
const CloseData = z.object({
  caseRef: CaseRefSchema,
  reason: z.string().max(40).optional(),
  date: z.string().max(40).optional(),
});

/** Group 2, the rehabilitation track: the owner's card and closing it (issue 15 item 1). */
export const rehabFeature: Feature = {
  name: 'rehab',
  commands: [
    {
      id: 'rehab.open',
      patterns: [/^(?:rehabilitering|rehab|rehabilitation)(?:\s+(\S+))?$/],
      permission: 'rehab.read',
      help: {
        da: t('da', 'cmd.help'),
        en: t('en', 'cmd.help'),
        example: { da: 'rehabilitering SAGSNUMMER', en: 'rehab CASE-NUMBER' },
      },
      handle: async (ctx, { match }) => {
        const caseRef = CaseRefSchema.safeParse(match[1] ?? '');
        if (!caseRef.success || isPlaceholder(caseRef.data)) return [textReply(t(ctx.actor.locale, 'cmd.usage'))];
        return [cardReply(await rehabCardFor(ctx, caseRef.data))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'rehab.open',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await rehabCardFor(ctx, data.caseRef) }),
    }),
    defineAction({ verb: 'rehab.save', schema: RehabForm, handle: (ctx, data) => saveRehab(ctx, data) }),
    defineAction({
      verb: 'rehab.close.open',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await rehabCloseOpen(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'rehab.close.review',
      schema: CloseData,
      handle: async (ctx, { caseRef, ...values }) => ({ card: await rehabCloseReview(ctx, caseRef, values) }),
    }),
    defineAction({
      verb: 'rehab.close.confirm',
      schema: CloseData,
      handle: (ctx, { caseRef, ...values }) => rehabCloseConfirmed(ctx, caseRef, values),
    }),
  ],
};
