import { z } from 'zod';
import { defineAction, type Feature } from '../feature';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { followUpForm, logFollowUp } from './log-follow-up';
import { defineFormAction } from '../case-work/form-action';
import { aftercareFormFor, saveAftercare } from './aftercare';

/** The follow-up log: jobsamtaler, trepartssamtaler, workplace follow-ups and calls, with the next date. */
export const followUpFeature: Feature = {
  name: 'followup',
  actions: [
    defineAction({
      verb: 'followup.new',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await followUpForm(ctx, data.caseRef) }),
    }),
    defineFormAction({ verb: 'followup.save', schema: formActionSchema({}), save: logFollowUp }),
    // Aftercare on a case closed for a job (issue 15 item 5): logged without re-opening the case.
    defineAction({
      verb: 'aftercare.new',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await aftercareFormFor(ctx, data.caseRef) }),
    }),
    defineAction({ verb: 'aftercare.save', schema: formActionSchema({}), handle: saveAftercare }),
  ],
};
