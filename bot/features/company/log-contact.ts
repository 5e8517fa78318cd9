import { randomUUID } from 'node:crypto';
import { businessDate } from '../../domain/calendar';
import { caseDocId } from '../../domain/case';
import { stampNew } from '../../domain/case-work-doc';
import { followUpOfWork } from '../../domain/case-follow-up';
import { CONTACT_TYPE_OF_KIND, companyContactDocId, type CompanyContactDoc } from '../../domain/company';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors';
import { latestNextDue } from '../../domain/follow-up-cadence';
import type { FollowUpDoc } from '../../domain/follow-up';
import { activePlacementsOn } from '../../domain/placement';
import { companyText } from '../../i18n/company';
import type { Locale } from '../../i18n/locale';
import { CaseRepository } from '../../store/case-repository';
import { readCaseWork } from '../../store/case-work-partition';
import { CompanyRepository } from '../../store/company-repository';
import { FollowUpRepository } from '../../store/follow-up-repository';
import { contactFormCard } from '../../../cards/company/contact-form-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { ownershipOf, writeCase } from '../case-work/case-access';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, oldestAcceptedDate, type FormValues } from '../case-work/form-reader';
import { companyCardFor } from './open-company';
import { readContactForm, type ContactInput } from './rules';
import { catalogueFieldLabel } from '../case-work/field-label';

/** Own open cases a jobformidler can link a contact to (a caseload is a few dozen; a hard cap keeps the card small). */
const MAX_CASE_CHOICES = 150;

const label = (locale: Locale): ((field: string) => string) => catalogueFieldLabel(companyText, locale);

/**
 * The case references a user may link a company contact to: a jobformidler's own open cases. The
 * company side (virksomhedskonsulent) links none; it has no access to citizens.
 */
async function linkableCases(ctx: HandlerContext): Promise<string[]> {
  if (!ctx.actor.roles.includes('jobformidler')) return [];
  const cases = new CaseRepository(ctx.services.store);
  const refs: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await cases.listOpenForJobformidler(ctx.actor.tenantId, ctx.actor.userId, {
      maxItemCount: 100,
      ...(continuationToken !== undefined ? { continuationToken } : {}),
    });
    refs.push(...page.items.map((c) => c.caseRef));
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && refs.length < MAX_CASE_CHOICES);
  return refs.slice(0, MAX_CASE_CHOICES);
}

async function companyOrFail(ctx: HandlerContext, companyId: string) {
  const company = await new CompanyRepository(ctx.services.store).getCompany(ctx.actor.tenantId, companyId);
  if (company === undefined) throw new NotFoundError(`company ${companyId}`);
  return company;
}

export async function contactForm(
  ctx: HandlerContext,
  companyId: string,
  options: { draft?: Record<string, string>; submissionId?: string; error?: string } = {},
): Promise<AdaptiveCard> {
  ctx.guard.require('company.write');
  const company = await companyOrFail(ctx, companyId);
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  return contactFormCard({
    locale: ctx.actor.locale,
    companyId,
    companyName: company.name,
    draft: options.draft ?? { date: today, kind: 'OUTREACH_VISIT', mode: 'IN_PERSON' },
    submissionId: options.submissionId ?? randomUUID(),
    ownCases: await linkableCases(ctx),
    error: options.error,
  });
}

/**
 * Logs a company-directed contact on the company. Each citizen it concerned gets it as a follow-up
 * on their case (an audited case write, direction "company-facing"), so it counts as that case's
 * contact; the company's own record keeps only how many. Every case is checked before anything is
 * written; the contact's id is the form's submission id, so a repeated click logs it once, and a
 * retry after a failure completes the cases still missing.
 */
export function logCompanyContact(
  ctx: HandlerContext,
  data: { companyId: string; submissionId: string } & FormValues,
): Promise<ActionOutcome> {
  ctx.guard.require('company.write');
  const { locale, tenantId, userId } = ctx.actor;
  return answerForm(ctx, {
    catalogue: companyText,
    invalid: (message) =>
      contactForm(ctx, data.companyId, { draft: draftOf(data), submissionId: data.submissionId, error: message }),
    conflict: async (message) => ({ card: await contactForm(ctx, data.companyId, { error: message }) }),
    save: async () => {
      const company = await companyOrFail(ctx, data.companyId);
      const settings = await ctx.services.directory.getSettings(tenantId);
      const today = businessDate(ctx.now, settings.timeZone);
      const input = readContactForm(
        new FormReader(data, label(locale)),
        { today, oldest: oldestAcceptedDate(today) },
        await linkableCases(ctx),
      );
      await checkCases(ctx, input.caseRefs);
      const contactId = data.submissionId;
      const doc: CompanyContactDoc = {
        id: companyContactDocId(contactId),
        tenantId,
        type: 'company_contact',
        schemaVersion: 1,
        contactId,
        companyId: company.companyId,
        kind: input.kind,
        mode: input.mode,
        date: input.date,
        staffId: userId,
        ...(input.withPerson !== undefined ? { withPerson: input.withPerson } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        createdAt: ctx.now.toISOString(),
        createdBy: userId,
        updatedAt: ctx.now.toISOString(),
        updatedBy: userId,
        lastSubmissionId: data.submissionId,
      };
      await new CompanyRepository(ctx.services.store).createContact(doc);
      for (const caseRef of input.caseRefs) await addToCase(ctx, caseRef, doc, company.name, input);
      const text =
        input.caseRefs.length > 0
          ? companyText(locale, 'contact.saved_cases', { count: input.caseRefs.length })
          : companyText(locale, 'contact.saved');
      return { card: await companyCardFor(ctx, company.companyId, { text, tone: 'good' }) };
    },
  });
}

/** Every linked case must exist, be the user's to change and be open, before anything is written. */
async function checkCases(ctx: HandlerContext, caseRefs: readonly string[]): Promise<void> {
  const cases = new CaseRepository(ctx.services.store);
  for (const caseRef of caseRefs) {
    const c = await cases.get(ctx.actor.tenantId, caseRef);
    if (c === undefined) throw new NotFoundError(`case ${caseRef}`);
    if (!ctx.guard.allows('case.write', ownershipOf(c))) throw new ForbiddenError('case.write', 'not_owner');
    if (c.status === 'CLOSED') throw new InvalidInputError('input.case_closed', {}, 'cases');
  }
}

/**
 * The contact as a follow-up on one case: company-facing, so it does not reset the citizen
 * cadence, and it carries the case's current due date as its "next follow-up", so the due date the
 * jobformidler sees does not move (the cadence only ever takes the earlier of planned and cadence).
 */
async function addToCase(
  ctx: HandlerContext,
  caseRef: string,
  contact: CompanyContactDoc,
  companyName: string,
  input: ContactInput,
): Promise<void> {
  const { tenantId, userId } = ctx.actor;
  await writeCase(ctx, caseRef, 'company_contact.write', async ({ settings, today }) => {
    const work = await readCaseWork(ctx.services.store, tenantId, caseRef);
    if (work === undefined) throw new NotFoundError(`case ${caseRef}`);
    const due = followUpOfWork(work, settings, today)?.dueDate ?? latestNextDue(input.date, work.placements, settings);
    const placement = activePlacementsOn(work.placements, input.date)[0];
    const followUp: FollowUpDoc = {
      id: caseDocId(tenantId, 'followup', contact.contactId),
      tenantId,
      caseRef,
      type: 'follow_up',
      ...stampNew(userId, ctx.now),
      followUpId: contact.contactId,
      date: input.date,
      contactType: CONTACT_TYPE_OF_KIND[input.kind],
      mode: input.mode,
      direction: 'COMPANY_FACING',
      topics: [],
      outcome: 'CONTINUE',
      note: companyName,
      ...(placement !== undefined ? { placementId: placement.placementId } : {}),
      nextFollowUpDue: due,
      companyContactId: contact.contactId,
      companyId: contact.companyId,
      lastSubmissionId: contact.contactId,
    };
    try {
      await new FollowUpRepository(ctx.services.store).save(followUp, undefined);
    } catch (e) {
      // Already on the case (a retry after a failure further on): nothing more to do here.
      if (!(e instanceof ConflictError)) throw e;
    }
  });
}
