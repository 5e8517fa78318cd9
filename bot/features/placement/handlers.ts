import { z } from 'zod';
import { defineAction, type Feature } from '../feature';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { placementForm, savePlacement } from './save-placement';
import { defineFormAction } from '../case-work/form-action';

const Id = z.string().min(8).max(64);

/** Placements (virksomhedsforløb mv.): start one (from a work agreement or on its own), change status and end. */
export const placementFeature: Feature = {
  name: 'placement',
  actions: [
    defineAction({
      verb: 'placement.new',
      schema: z.object({ caseRef: CaseRefSchema, agreementId: Id.optional() }),
      handle: async (ctx, data) => ({
        card: await placementForm(ctx, data.caseRef, { agreementId: data.agreementId }),
      }),
    }),
    defineAction({
      verb: 'placement.edit',
      schema: z.object({ caseRef: CaseRefSchema, placementId: Id }),
      handle: async (ctx, data) => ({
        card: await placementForm(ctx, data.caseRef, { placementId: data.placementId }),
      }),
    }),
    defineFormAction({
      verb: 'placement.save',
      schema: formActionSchema({ placementId: Id.optional(), agreementId: Id.optional() }),
      save: savePlacement,
    }),
  ],
};
