import { z } from 'zod';
import { defineAction, type Feature } from '../feature';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { createAgreement, newAgreementForm } from './create-agreement';
import { agreementCardFor } from './open-agreement';
import { saveAgreement } from './save-agreement';
import { defineFormAction } from '../case-work/form-action';

const AgreementId = z.string().min(8).max(64);

/** The work agreement (arbejdsaftale): create, open and save the checklist. */
export const agreementFeature: Feature = {
  name: 'agreement',
  actions: [
    defineAction({
      verb: 'agreement.new',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await newAgreementForm(ctx, data.caseRef) }),
    }),
    defineFormAction({ verb: 'agreement.create', schema: formActionSchema({}), save: createAgreement }),
    defineAction({
      verb: 'agreement.open',
      schema: z.object({ caseRef: CaseRefSchema, agreementId: AgreementId }),
      handle: async (ctx, data) => ({ card: await agreementCardFor(ctx, data.caseRef, data.agreementId) }),
    }),
    defineFormAction({
      verb: 'agreement.save',
      schema: formActionSchema({ agreementId: AgreementId, version: z.coerce.number().int().min(1).max(1_000_000) }),
      save: saveAgreement,
    }),
  ],
};
