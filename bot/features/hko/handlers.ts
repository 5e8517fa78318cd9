import { z } from 'zod';
import { defineAction, type Feature } from '../feature';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { hkoForm, saveHko } from './save-hko';
import { defineFormAction } from '../case-work/form-action';

const Id = z.string().min(8).max(64);

/** Compensation schemes (HKO): considered, applied, decided and delivered dates; art. 9 data. */
export const hkoFeature: Feature = {
  name: 'hko',
  actions: [
    defineAction({
      verb: 'hko.new',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await hkoForm(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'hko.edit',
      schema: z.object({ caseRef: CaseRefSchema, hkoId: Id }),
      handle: async (ctx, data) => ({ card: await hkoForm(ctx, data.caseRef, data.hkoId) }),
    }),
    defineFormAction({ verb: 'hko.save', schema: formActionSchema({ hkoId: Id.optional() }), save: saveHko }),
  ],
};
