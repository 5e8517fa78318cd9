import { randomUUID } from 'node:crypto';
import { companyDocId, MAX_CONTACT_PERSONS, type CompanyDoc } from '../../domain/company';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { companyText, type CompanyTextKey } from '../../i18n/company';
import type { Locale } from '../../i18n/locale';
import { CompanyRepository } from '../../store/company-repository';
import { companyFormCard, personFieldId } from '../../../cards/company/company-form-card';
import type { AdaptiveCard } from '../../../cards/types';
import { messageCard } from '../../../cards/common/message-card';
import type { ActionOutcome, HandlerContext } from '../feature';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { companyCardFor } from './open-company';
import { readCompanyForm, searchTextOf, type CompanyInput } from './rules';
import { staffOf } from './staff';
import { catalogueFieldLabel } from '../case-work/field-label';

/** Field id → label, in the user's language (error messages name the field). */
export const companyFieldLabel =
  (locale: Locale) =>
  (field: string): string => {
    const person = /^person(\d)_(name|role|phone|email)$/.exec(field);
    if (person) return companyText(locale, `field.person.${person[2]}` as CompanyTextKey, { n: Number(person[1]) });
    return catalogueFieldLabel(companyText, locale)(field);
  };

/** The form's text for a stored company. */
export function draftOfCompany(c: CompanyDoc): Record<string, string> {
  const draft: Record<string, string> = {
    cvr: c.cvr,
    name: c.name,
    address: c.address ?? '',
    postcode: c.postcode ?? '',
    city: c.city ?? '',
    industry: c.industryCode ?? c.industry ?? '',
    openTo: c.openTo.join(','),
    notes: c.notes ?? '',
    ownerId: c.ownerId,
  };
  for (let i = 1; i <= MAX_CONTACT_PERSONS; i++) {
    const p = c.contactPersons[i - 1];
    draft[personFieldId(i, 'name')] = p?.name ?? '';
    draft[personFieldId(i, 'role')] = p?.role ?? '';
    draft[personFieldId(i, 'phone')] = p?.phone ?? '';
    draft[personFieldId(i, 'email')] = p?.email ?? '';
  }
  return draft;
}

/** The company's fields from the form (everything but who created it when). */
type CompanyFields = Pick<
  CompanyDoc,
  | 'cvr'
  | 'name'
  | 'searchText'
  | 'address'
  | 'postcode'
  | 'city'
  | 'industryCode'
  | 'industry'
  | 'contactPersons'
  | 'openTo'
  | 'notes'
  | 'ownerId'
>;

function fieldsOf(input: CompanyInput): CompanyFields {
  return {
    cvr: input.cvr,
    name: input.name,
    searchText: searchTextOf(input.name, input.cvr),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.postcode !== undefined ? { postcode: input.postcode } : {}),
    ...(input.city !== undefined ? { city: input.city } : {}),
    ...(input.industryCode !== undefined ? { industryCode: input.industryCode } : {}),
    ...(input.industry !== undefined ? { industry: input.industry } : {}),
    contactPersons: input.contactPersons,
    openTo: input.openTo,
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    ownerId: input.ownerId,
  };
}

const stampOf = (tenantId: string, userId: string, now: Date) => ({
  tenantId,
  schemaVersion: 1 as const,
  createdAt: now.toISOString(),
  createdBy: userId,
  updatedAt: now.toISOString(),
  updatedBy: userId,
});

/** "ny virksomhed" (or "Opret virksomhed" for a CVR that has none): an empty form, the user as owner. */
export async function newCompanyForm(ctx: HandlerContext, cvr?: string): Promise<AdaptiveCard> {
  ctx.guard.require('company.write');
  const staff = await staffOf(ctx);
  return companyFormCard({
    locale: ctx.actor.locale,
    mode: 'new',
    draft: { ...(cvr !== undefined ? { cvr } : {}), ownerId: ctx.actor.userId },
    owners: staff.owners,
    submissionId: randomUUID(),
  });
}

/**
 * Creates a company. One company per CVR: a CVR that already has a record opens that record instead
 * (nothing is written); a repeated click of the same form opens what the first click created.
 */
export function createCompany(
  ctx: HandlerContext,
  data: { submissionId: string } & FormValues,
): Promise<ActionOutcome> {
  ctx.guard.require('company.write');
  const { locale, tenantId, userId } = ctx.actor;
  const repository = new CompanyRepository(ctx.services.store);
  return answerForm(ctx, {
    catalogue: companyText,
    invalid: async (message) =>
      companyFormCard({
        locale,
        mode: 'new',
        draft: draftOf(data),
        owners: (await staffOf(ctx)).owners,
        submissionId: data.submissionId,
        error: message,
      }),
    conflict: async (message) => ({ card: messageCard(message, { tone: 'attention' }) }),
    save: async () => {
      const staff = await staffOf(ctx);
      const input = readCompanyForm(
        new FormReader(data, companyFieldLabel(locale)),
        staff.owners.map((o) => o.userId),
        userId,
      );
      const companyId = companyDocId(input.cvr);
      const existing = await repository.getCompany(tenantId, companyId);
      if (existing !== undefined) {
        const mine = existing.lastSubmissionId === data.submissionId;
        return {
          card: await companyCardFor(ctx, companyId, {
            text: mine ? companyText(locale, 'created') : companyText(locale, 'exists', { cvr: input.cvr }),
            tone: mine ? 'good' : 'attention',
          }),
        };
      }
      const doc: CompanyDoc = {
        ...stampOf(tenantId, userId, ctx.now),
        id: companyId,
        type: 'company',
        companyId,
        ...fieldsOf(input),
        origin: 'card',
        lastSubmissionId: data.submissionId,
      };
      const created = await repository.createCompany(doc);
      return {
        card: await companyCardFor(ctx, companyId, {
          text: created ? companyText(locale, 'created') : companyText(locale, 'exists', { cvr: input.cvr }),
          tone: created ? 'good' : 'attention',
        }),
      };
    },
  });
}

/** The edit form, filled from the stored company. */
export async function editCompanyForm(ctx: HandlerContext, companyId: string, error?: string): Promise<AdaptiveCard> {
  ctx.guard.require('company.write');
  const company = await new CompanyRepository(ctx.services.store).getCompany(ctx.actor.tenantId, companyId);
  if (company === undefined) throw new NotFoundError(`company ${companyId}`);
  return companyFormCard({
    locale: ctx.actor.locale,
    mode: 'edit',
    draft: draftOfCompany(company),
    owners: (await staffOf(ctx)).owners,
    submissionId: randomUUID(),
    companyId,
    etag: company._etag,
    error,
  });
}

/** Saves an edited company over the version the form showed (ETag): a newer save by someone else is not overwritten. */
export function saveCompany(
  ctx: HandlerContext,
  data: { companyId: string; submissionId: string; etag: string } & FormValues,
): Promise<ActionOutcome> {
  ctx.guard.require('company.write');
  const { locale, tenantId, userId } = ctx.actor;
  const repository = new CompanyRepository(ctx.services.store);
  return answerForm(ctx, {
    catalogue: companyText,
    invalid: async (message) => {
      const stored = await repository.getCompany(tenantId, data.companyId);
      return companyFormCard({
        locale,
        mode: 'edit',
        draft: { ...draftOf(data), cvr: stored?.cvr ?? '' },
        owners: (await staffOf(ctx)).owners,
        submissionId: data.submissionId,
        companyId: data.companyId,
        etag: data.etag,
        error: message,
      });
    },
    conflict: async (message) => ({ card: await editCompanyForm(ctx, data.companyId, message) }),
    save: async () => {
      const current = await repository.getCompany(tenantId, data.companyId);
      if (current === undefined) throw new NotFoundError(`company ${data.companyId}`);
      if (current.lastSubmissionId === data.submissionId)
        return {
          card: await companyCardFor(ctx, data.companyId, { text: companyText(locale, 'saved'), tone: 'good' }),
        };
      // The CVR is the record's key: an edit form does not carry it, and one that tries to change it is refused.
      if (typeof data.cvr === 'string' && data.cvr.trim() !== '' && data.cvr.replace(/\D/g, '') !== current.cvr)
        throw new InvalidInputError('cvr_changed', {}, 'cvr');
      const staff = await staffOf(ctx);
      const input = readCompanyForm(
        new FormReader({ ...data, cvr: current.cvr }, companyFieldLabel(locale)),
        staff.owners.map((o) => o.userId),
        current.ownerId,
      );
      if (current._etag !== data.etag) throw new ConflictError(current.id);
      // Optional fields emptied on the form go from the record too: only the kept fields are carried over.
      const {
        _etag,
        address: _a,
        postcode: _p,
        city: _c,
        industryCode: _ic,
        industry: _i,
        notes: _n,
        ...stored
      } = current;
      const next: CompanyDoc = {
        ...stored,
        ...fieldsOf(input),
        updatedAt: ctx.now.toISOString(),
        updatedBy: userId,
        lastSubmissionId: data.submissionId,
      };
      await repository.replaceCompany(next, _etag);
      return {
        card: await companyCardFor(ctx, data.companyId, { text: companyText(locale, 'saved'), tone: 'good' }),
        refreshFor: 'everyone',
      };
    },
  });
}
