import { randomUUID } from 'node:crypto';
import { caseDocId } from '../../domain/case';
import { stampNew } from '../../domain/case-work-doc';
import { emptyChecklist, type AgreementDoc } from '../../domain/work-agreement';
import { agreementText } from '../../i18n/agreement';
import { AgreementRepository } from '../../store/agreement-repository';
import { newAgreementCard } from '../../../cards/agreement/new-agreement-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase, writeCase } from '../case-work/case-access';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { saveOnce } from '../case-work/save-once';
import { agreementFieldLabel, agreementView } from './open-agreement';
import { readCompany, readPlacementType } from './rules';
import { ensureCompanyRecord } from '../company/company-records';

/** The first step: placement type and company. Only the case's jobformidler gets the form. */
export function newAgreementForm(ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'agreement.new',
    async () => newAgreementCard({ locale: ctx.actor.locale, caseRef, draft: {}, submissionId: randomUUID() }),
    'case.write',
  );
}

/**
 * Creates a draft agreement with all 19 items "not discussed". The agreement's id is the form's
 * submission id, so a repeated click opens the same agreement instead of creating a second.
 */
export function createAgreement(
  ctx: HandlerContext,
  data: { caseRef: string; submissionId: string; etag: string } & FormValues,
  refusal?: InputRefusal,
): Promise<ActionOutcome> {
  const { locale, tenantId, userId } = ctx.actor;
  return answerForm(ctx, {
    refusal,
    label: agreementFieldLabel(ctx),
    catalogue: agreementText,
    invalid: (message) =>
      newAgreementCard({
        locale,
        caseRef: data.caseRef,
        draft: draftOf(data),
        submissionId: data.submissionId,
        error: message,
      }),
    conflict: async (message) => ({
      card: newAgreementCard({
        locale,
        caseRef: data.caseRef,
        draft: draftOf(data),
        submissionId: randomUUID(),
        error: message,
      }),
    }),
    save: async () => {
      const agreementId = data.submissionId;
      const saved = await writeCase(ctx, data.caseRef, 'agreement.create', async () => {
        const form = new FormReader(data, agreementFieldLabel(ctx));
        const placementType = readPlacementType(form);
        const company = readCompany(form);
        // One company per CVR: the agreement links to the company record (created from it if new).
        const companyId = await ensureCompanyRecord(ctx.services.store, tenantId, company, userId, ctx.now);
        return saveOnce(
          new AgreementRepository(ctx.services.store),
          { tenantId, caseRef: data.caseRef, key: agreementId },
          { submissionId: data.submissionId, etag: '' },
          (): AgreementDoc => ({
            id: caseDocId(tenantId, 'agreement', agreementId),
            tenantId,
            caseRef: data.caseRef,
            type: 'work_agreement',
            ...stampNew(userId, ctx.now),
            agreementId,
            placementType,
            company,
            companyId,
            status: 'DRAFT',
            version: 1,
            checklist: emptyChecklist(),
            revisions: [],
          }),
        );
      });
      return {
        card: agreementView(ctx, data.caseRef, saved.doc, true, { notice: agreementText(locale, 'created') }),
        refreshFor: 'everyone',
      };
    },
  });
}
