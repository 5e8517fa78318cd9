import { z } from 'zod';
import { caseloadText } from '../../i18n/caseload';
import { cardReply, defineAction, textReply, type Feature } from '../feature';
import { isPlaceholder } from '../screening/case-ref';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { caseCardFor } from './open-case';
import { closeForm, confirmClose, reviewClose } from './close-case-flow';
import { cvForm, saveCv } from './cv-status';
import { jobGoalsForm, saveJobGoals } from './job-goals';
import { defineFormAction } from '../case-work/form-action';

const CaseRefData = z.object({ caseRef: CaseRefSchema });
/** Reason and date are read (and refused inline) by the closing flow, so the form keeps what was typed. */
const CloseData = z.object({
  caseRef: CaseRefSchema,
  reason: z.string().max(40).optional(),
  date: z.string().max(40).optional(),
});

/** The case card (`case.open`, linked from the visitation handover), ABC job goals and CV status. */
export const caseFeature: Feature = {
  name: 'case',
  commands: [
    {
      id: 'case.open',
      helpButton: 'caseRef',
      patterns: [/^(?:sag|åbn sag|case|open case)(?: (\S+))?$/],
      permission: 'case.read',
      help: {
        da: caseloadText('da', 'cmd.case'),
        en: caseloadText('en', 'cmd.case'),
        example: { da: 'sag SAGSNUMMER', en: 'case CASE-NUMBER' },
      },
      handle: async (ctx, { match }) => {
        const caseRef = CaseRefSchema.safeParse(match[1] ?? '');
        if (!caseRef.success || isPlaceholder(caseRef.data))
          return [textReply(caseloadText(ctx.actor.locale, 'cmd.case_usage'))];
        return [cardReply(await caseCardFor(ctx, caseRef.data))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'case.open',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await caseCardFor(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'case.goals.edit',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await jobGoalsForm(ctx, data.caseRef) }),
    }),
    defineFormAction({ verb: 'case.goals.save', schema: formActionSchema({}), save: saveJobGoals }),
    defineAction({
      verb: 'case.cv.edit',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await cvForm(ctx, data.caseRef) }),
    }),
    defineFormAction({ verb: 'case.cv.save', schema: formActionSchema({}), save: saveCv }),
    defineAction({ verb: 'case.close.open', schema: CaseRefData, handle: (ctx, data) => closeForm(ctx, data.caseRef) }),
    defineAction({
      verb: 'case.close.review',
      schema: CloseData,
      handle: (ctx, { caseRef, ...values }) => reviewClose(ctx, caseRef, values),
    }),
    defineAction({
      verb: 'case.close.confirm',
      schema: CloseData,
      handle: (ctx, { caseRef, ...values }) => confirmClose(ctx, caseRef, values),
    }),
  ],
};
