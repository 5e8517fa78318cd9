import { z } from 'zod';
import { defineAction, type Feature } from '../feature';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { hoursForm, saveHours } from './save-hours';
import { defineFormAction } from '../case-work/form-action';

/** Weekly ordinary and practice hours: a quick card per ISO week; a week is corrected, never duplicated. */
export const hoursFeature: Feature = {
  name: 'hours',
  actions: [
    defineAction({
      verb: 'hours.new',
      schema: z.object({
        caseRef: CaseRefSchema,
        isoWeek: z
          .string()
          .regex(/^\d{4}-W\d{2}$/)
          .optional(),
      }),
      handle: async (ctx, data) => ({
        card: await hoursForm(ctx, data.caseRef, data.isoWeek !== undefined ? { isoWeek: data.isoWeek } : {}),
      }),
    }),
    defineFormAction({ verb: 'hours.save', schema: formActionSchema({}), save: saveHours }),
  ],
};
