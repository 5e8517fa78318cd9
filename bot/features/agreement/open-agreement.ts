import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../domain/errors';
import { completeness, type AgreementDoc } from '../../domain/work-agreement';
import { agreementText } from '../../i18n/agreement';
import { AgreementRepository } from '../../store/agreement-repository';
import type { WithEtag } from '../../store/documents';
import { agreementCard, fieldLabel, type AgreementCardView } from '../../../cards/agreement/agreement-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { mayWrite, readCase } from '../case-work/case-access';
import { itemFields } from './rules';

/** The form's text for a stored agreement. */
export function draftOfAgreement(doc: AgreementDoc): Record<string, string> {
  const draft: Record<string, string> = {
    placementType: doc.placementType,
    cvr: doc.company.cvr,
    companyName: doc.company.name,
    contactName: doc.company.contactName,
    ...(doc.agreedAt ? { agreedAt: doc.agreedAt } : {}),
    ...(doc.signedAt ? { signedAt: doc.signedAt } : {}),
  };
  for (const e of doc.checklist) Object.assign(draft, itemFields(e));
  return draft;
}

/** Labels for the agreement form's fields: s_/v_ prefixes name the checklist item. */
export const agreementFieldLabel =
  (ctx: HandlerContext) =>
  (field: string): string => {
    const { locale } = ctx.actor;
    const bare = field.replace(/^[svr]_/, '');
    const direct: Record<string, string> = {
      cvr: agreementText(locale, 'field.cvr'),
      companyName: agreementText(locale, 'field.companyName'),
      contactName: agreementText(locale, 'field.contactName'),
      agreedAt: agreementText(locale, 'field.agreedAt'),
      signedAt: agreementText(locale, 'field.signedAt'),
      reason: agreementText(locale, 'field.reason'),
      placementType: agreementText(locale, 'field.placementType'),
    };
    return direct[bare] ?? fieldLabel(locale, bare);
  };

export type AgreementExtras = Pick<AgreementCardView, 'notice' | 'error' | 'errorField' | 'unsaved'> & {
  readonly draft?: Record<string, string>;
  /** A refused save re-renders with the ETag and submission the user had, so a later race is still caught. */
  readonly etag?: string;
  readonly baseVersion?: number;
  readonly submissionId?: string;
};

/** The agreement card for a stored agreement (fresh submission id, current ETag). */
export function agreementView(
  ctx: HandlerContext,
  caseRef: string,
  doc: WithEtag<AgreementDoc>,
  canWrite: boolean,
  extras: AgreementExtras = {},
): AdaptiveCard {
  return agreementCard({
    locale: ctx.actor.locale,
    caseRef,
    agreement: doc,
    etag: extras.etag ?? doc._etag,
    baseVersion: extras.baseVersion ?? doc.version,
    submissionId: extras.submissionId ?? randomUUID(),
    completeness: completeness(doc.checklist),
    canWrite,
    draft: extras.draft ?? draftOfAgreement(doc),
    notice: extras.notice,
    error: extras.error,
    errorField: extras.errorField,
    unsaved: extras.unsaved,
  });
}

/** Audited read of one agreement, as a card. */
export function agreementCardFor(
  ctx: HandlerContext,
  caseRef: string,
  agreementId: string,
  extras: AgreementExtras = {},
): Promise<AdaptiveCard> {
  return readCase(ctx, caseRef, 'agreement.read', async ({ caseDoc }) => {
    const doc = await new AgreementRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef, agreementId);
    if (doc === undefined) throw new NotFoundError(`agreement ${agreementId}`);
    return agreementView(ctx, caseRef, doc, mayWrite(ctx, caseDoc), extras);
  });
}
