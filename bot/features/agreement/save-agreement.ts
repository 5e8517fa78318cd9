import { InvalidInputError, NotFoundError } from '../../domain/errors';
import {
  CHECKLIST_ITEMS,
  MAX_REVISIONS,
  agreementStatusAfterSave,
  entryOf,
  type AgreementDoc,
  type ChecklistKey,
  type ChecklistStatus,
} from '../../domain/work-agreement';
import { agreementText } from '../../i18n/agreement';
import { caseText } from '../../i18n/case-common';
import type { Locale } from '../../i18n/locale';
import { AgreementRepository } from '../../store/agreement-repository';
import { fieldLabel } from '../../../cards/agreement/agreement-card';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { mayWrite, readCase } from '../case-work/case-access';
import { changeCaseWork } from '../case-work/change-case-work';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, oldestAcceptedDate, type FormValues } from '../case-work/form-reader';
import { saveOnceTo } from '../case-work/save-once';
import { agreementCardFor, agreementFieldLabel, agreementView, draftOfAgreement } from './open-agreement';
import {
  agreementChanges,
  contentOf,
  entryText,
  isContentChange,
  readChecklist,
  readCompany,
  readPlacementType,
  short,
  statusField,
  submittedValue,
} from './rules';
import { companyDocId } from '../../domain/company';
import { ensureCompanyRecord } from '../company/company-records';

type AgreementSubmission = {
  caseRef: string;
  agreementId: string;
  submissionId: string;
  etag: string;
  version: number;
} & FormValues;

/** Form fields outside the checklist, and the key revisions and labels know them by. */
const FORM_FIELDS: Record<string, string> = {
  placementType: 'placementType',
  cvr: 'company.cvr',
  companyName: 'company.name',
  contactName: 'company.contactName',
  agreedAt: 'agreedAt',
  signedAt: 'signedAt',
};

/** A line of the conflict notice: short, so the card with all 19 items stays under 28 KB. */
const brief = (line: string): string => (line.length > 70 ? `${line.slice(0, 69)}…` : line);

/** How a field reads in a revision: the before-value of the first later change is the user's base. */
function revisionValueOf(submitted: Record<string, string>, field: string, key: string): string {
  if (field.startsWith('s_')) {
    const value = submittedValue(submitted, key as ChecklistKey);
    return entryText({
      key: key as ChecklistKey,
      status: (submitted[field] ?? 'NOT_DISCUSSED') as ChecklistStatus,
      ...(value ? { value } : {}),
    });
  }
  return short(submitted[field] ?? '');
}

/**
 * What the user tried to save and did not get saved (shown after a conflict): fields that differ
 * from the stored version, except those someone else changed since the user's version and the user
 * left as they were.
 */
export function unsavedChanges(
  locale: Locale,
  stored: AgreementDoc,
  submitted: Record<string, string>,
  baseVersion: number,
): string[] {
  const current = draftOfAgreement(stored);
  const changedByOthers = new Map<string, string>();
  for (const r of stored.revisions.filter((rev) => rev.version > baseVersion))
    for (const c of r.changes) if (!changedByOthers.has(c.key)) changedByOthers.set(c.key, c.from);
  const untouched = (field: string, key: string): boolean =>
    changedByOthers.has(key) && changedByOthers.get(key) === revisionValueOf(submitted, field, key);
  const lines: string[] = [];
  for (const [field, key] of Object.entries(FORM_FIELDS)) {
    const mine = submitted[field] ?? '';
    if (mine === (current[field] ?? '') || untouched(field, key)) continue;
    const shown =
      field === 'placementType' && mine !== ''
        ? caseText(locale, `placementType.${mine as AgreementDoc['placementType']}`)
        : mine || '–';
    lines.push(brief(`${fieldLabel(locale, key)}: ${shown}`));
  }
  for (const item of CHECKLIST_ITEMS) {
    const status = (submitted[statusField(item.key)] ?? 'NOT_DISCUSSED') as ChecklistStatus;
    const value = submittedValue(submitted, item.key);
    const before = entryOf(stored.checklist, item.key);
    if ((status === before.status && value === (before.value ?? '')) || untouched(statusField(item.key), item.key))
      continue;
    const statusText = agreementText(locale, `item.${status}`);
    lines.push(brief(`${fieldLabel(locale, item.key)}: ${value ? `${statusText} – ${value}` : statusText}`));
  }
  return lines;
}

/**
 * Saves the checklist. The card carries the ETag of the version it shows: if someone else saved
 * since, this save is refused and answered with the current version, the conflict notice and the
 * user's own unsaved changes, so neither person loses work. A card shared in a chat updates for all.
 */
export function saveAgreement(
  ctx: HandlerContext,
  data: AgreementSubmission,
  refusal?: InputRefusal,
): Promise<ActionOutcome> {
  const { locale, tenantId, userId } = ctx.actor;
  const repository = new AgreementRepository(ctx.services.store);
  return answerForm(ctx, {
    refusal,
    label: agreementFieldLabel(ctx),
    catalogue: agreementText,
    invalid: (message, field) =>
      agreementCardFor(ctx, data.caseRef, data.agreementId, {
        error: message,
        errorField: field,
        draft: draftOf(data),
        etag: data.etag,
        baseVersion: data.version,
        submissionId: data.submissionId,
      }),
    conflict: async (message) => ({
      card: await readCase(ctx, data.caseRef, 'agreement.read', async ({ caseDoc }) => {
        const current = await repository.get(tenantId, data.caseRef, data.agreementId);
        if (current === undefined) throw new NotFoundError(`agreement ${data.agreementId}`);
        return agreementView(ctx, data.caseRef, current, mayWrite(ctx, caseDoc), {
          notice: message,
          unsaved: unsavedChanges(locale, current, draftOf(data), data.version),
        });
      }),
    }),
    save: async () => {
      const { result } = await changeCaseWork(ctx, data.caseRef, 'agreement.write', async ({ today }, writer) => {
        const form = new FormReader(data, agreementFieldLabel(ctx));
        const placementType = readPlacementType(form);
        const company = readCompany(form);
        const checklist = readChecklist(form, placementType);
        const dateRange = { notAfter: today, notBefore: oldestAcceptedDate(today) };
        const agreedAt = form.date('agreedAt', dateRange);
        const signedAt = form.date('signedAt', dateRange);
        if (signedAt !== undefined && agreedAt === undefined)
          throw new InvalidInputError('signed_without_agreed', {}, 'signedAt');
        form.order('agreedAt', agreedAt, 'signedAt', signedAt);
        const reason = form.text('reason', { max: 300 });
        const target = writer.target(repository, data.agreementId);
        // The company record exists once the agreement is linked to it under the same CVR.
        const companyId =
          target.current?.companyId === companyDocId(company.cvr)
            ? target.current.companyId
            : await ensureCompanyRecord(ctx.services.store, tenantId, company, userId, ctx.now);
        return saveOnceTo(target, data, (current) => {
          if (current === undefined) throw new NotFoundError(`agreement ${data.agreementId}`);
          const next = { placementType, company, checklist, agreedAt, signedAt };
          const changes = agreementChanges(contentOf(current), next);
          if (changes.length === 0) return undefined;
          const { _etag, ...stored } = current;
          return {
            ...stored,
            ...next,
            companyId,
            checklist: [...checklist],
            status: agreementStatusAfterSave({
              previous: current.status,
              agreedAt,
              signedAt,
              signedAtChanged: signedAt !== current.signedAt,
              contentChanged: changes.some((c) => isContentChange(c.key)),
            }),
            version: current.version + 1,
            revisions: [
              ...current.revisions,
              {
                version: current.version + 1,
                at: ctx.now.toISOString(),
                by: userId,
                changes,
                ...(reason !== undefined ? { reason } : {}),
              },
            ].slice(-MAX_REVISIONS),
            updatedAt: ctx.now.toISOString(),
            updatedBy: userId,
          };
        });
      });
      return {
        card: agreementView(ctx, data.caseRef, result.doc, true, {
          notice: agreementText(locale, result.unchanged ? 'unchanged' : 'saved'),
        }),
        refreshFor: 'everyone',
      };
    },
  });
}
