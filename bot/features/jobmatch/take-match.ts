import { businessDate, formatDate } from '../../domain/calendar';
import { caseDocId } from '../../domain/case';
import { stampNew } from '../../domain/case-work-doc';
import type { CompanyDoc, JobOpeningDoc } from '../../domain/company';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors';
import type { JobMatchDoc } from '../../domain/job-match';
import {
  CHECKLIST_VALUE_MAX,
  emptyChecklist,
  type AgreementDoc,
  type ChecklistEntry,
  type ChecklistKey,
} from '../../domain/work-agreement';
import { jobMatchText } from '../../i18n/jobmatch';
import type { Locale } from '../../i18n/locale';
import { AgreementRepository } from '../../store/agreement-repository';
import { CompanyRepository } from '../../store/company-repository';
import { JobMatchRepository, readMatchInputs } from '../../store/job-match-repository';
import type { ActionOutcome, HandlerContext } from '../feature';
import { writeCase } from '../case-work/case-access';
import { inputErrorText } from '../case-work/form-reader';
import { agreementView } from '../agreement/open-agreement';
import { isOpenOn } from './rules';
import { openingForMatch, proposedMatch, suggestionFor, suggestionsForCase, suggestionsForOpening } from './suggest';

/** A taken match starts its work agreement under this id: one agreement per case and opening. */
export const agreementIdOf = (openingId: string): string => `m-${openingId}`;

const clip = (s: string): string => (s.length > CHECKLIST_VALUE_MAX ? `${s.slice(0, CHECKLIST_VALUE_MAX - 1)}…` : s);

/**
 * The work agreement a taken match starts: placement type and company from the opening and the
 * company record; what the opening says about tasks, hours, the contact person, adaptation and
 * period is filled in as values, but every item stays "not discussed" until agreed with the citizen
 * and the company (the checklist is theirs to agree, not the opening's).
 */
export function agreementFromOpening(
  locale: Locale,
  opening: JobOpeningDoc,
  company: CompanyDoc,
): Pick<AgreementDoc, 'placementType' | 'company' | 'companyId' | 'checklist'> {
  const person = company.contactPersons[0];
  const values: Partial<Record<ChecklistKey, string>> = {
    ...(opening.tasks ? { TASKS: opening.tasks } : {}),
    WORKING_HOURS: String(opening.hoursPerWeek),
    ORDINARY_HOURS_FROM_START: String(opening.ordinaryHoursFromStart),
    ...(person
      ? {
          COMPANY_CONTACT: jobMatchText(locale, 'agreement.contact', {
            name: person.name,
            phone: person.phone ? `, ${person.phone}` : '',
          }),
        }
      : {}),
    ...(opening.accommodationPossible ? { ACCOMMODATIONS: jobMatchText(locale, 'agreement.accommodation') } : {}),
    START_AND_DURATION:
      opening.untilDate !== undefined
        ? jobMatchText(locale, 'agreement.start_until', {
            from: formatDate(opening.fromDate, locale),
            until: formatDate(opening.untilDate, locale),
          })
        : jobMatchText(locale, 'agreement.start', { from: formatDate(opening.fromDate, locale) }),
  };
  const checklist: ChecklistEntry[] = emptyChecklist().map((e) => {
    const value = values[e.key];
    return value !== undefined ? { ...e, value: clip(value) } : e;
  });
  return {
    placementType: opening.placementType,
    company: { cvr: company.cvr, name: company.name, contactName: (person?.name ?? company.name).slice(0, 120) },
    companyId: company.companyId,
    checklist,
  };
}

/**
 * "Tag matchet": the jobformidler's decision. The match is recorded as taken (and shared with the
 * opening's owner on the company side: the case reference and the reasons, nothing more), and a
 * work agreement is started, pre-filled from the opening and the company. A repeated click opens
 * the same agreement. The opening must still be open and the citizen's goals must still fit.
 */
export async function takeMatch(
  ctx: HandlerContext,
  data: { caseRef: string; openingId: string },
): Promise<ActionOutcome> {
  const { tenantId, userId, locale } = ctx.actor;
  const companies = new CompanyRepository(ctx.services.store);
  const matches = new JobMatchRepository(ctx.services.store);
  const agreements = new AgreementRepository(ctx.services.store);
  try {
    const agreement = await writeCase(ctx, data.caseRef, 'jobmatch.accept', async ({ today }) => {
      const current = await matches.get(tenantId, data.caseRef, data.openingId);
      const agreementId = agreementIdOf(data.openingId);
      if (current?.status === 'ACCEPTED' && current.agreementId !== undefined) {
        const existing = await agreements.get(tenantId, data.caseRef, current.agreementId);
        if (existing !== undefined) return existing;
      }
      const opening = await companies.getOpening(tenantId, data.openingId);
      if (opening === undefined) throw new NotFoundError(`opening ${data.openingId}`);
      if (!isOpenOn(opening, today)) throw new InvalidInputError('opening_closed');
      const company = await companies.getCompany(tenantId, opening.companyId);
      if (company === undefined) throw new NotFoundError(`company ${opening.companyId}`);
      const inputs = (await readMatchInputs(ctx.services.store, tenantId, [data.caseRef])).get(data.caseRef);
      const suggestion = suggestionFor(inputs, openingForMatch(opening, company));
      if (suggestion === undefined) throw new InvalidInputError('not_suggested');

      const doc: AgreementDoc = {
        id: caseDocId(tenantId, 'agreement', agreementId),
        tenantId,
        caseRef: data.caseRef,
        type: 'work_agreement',
        ...stampNew(userId, ctx.now),
        agreementId,
        ...agreementFromOpening(locale, opening, company),
        status: 'DRAFT',
        version: 1,
        revisions: [],
      };
      let saved;
      try {
        saved = await agreements.save(doc, undefined);
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        saved = await agreements.get(tenantId, data.caseRef, agreementId);
        if (saved === undefined) throw e;
      }
      const { _etag: _read, ...stored } = current ?? {
        ...proposedMatch(ctx, data.caseRef, today, opening, company.name, suggestion),
        _etag: '',
      };
      const accepted: JobMatchDoc = {
        ...stored,
        status: 'ACCEPTED',
        decidedOn: today,
        decidedBy: userId,
        score: suggestion.score,
        reasons: [...suggestion.reasons],
        agreementId,
        sharedWith: [opening.ownerId],
        updatedAt: ctx.now.toISOString(),
        updatedBy: userId,
      };
      await matches.save(accepted, current?._etag);
      return saved;
    });
    return {
      card: agreementView(ctx, data.caseRef, agreement, true, { notice: jobMatchText(locale, 'taken') }),
      refreshFor: 'everyone',
    };
  } catch (e) {
    // Nothing was written: the suggestions again, with why the match could not be taken.
    if (e instanceof InvalidInputError)
      return {
        card: await suggestionsForCase(ctx, data.caseRef, {
          text: inputErrorText(locale, e, jobMatchText),
          tone: 'attention',
        }),
      };
    throw e;
  }
}

/** "Ikke relevant": the jobformidler sets a suggestion aside; it is kept as declined and not shown again. */
export async function dismissMatch(
  ctx: HandlerContext,
  data: { caseRef: string; openingId: string; from: 'case' | 'opening' },
): Promise<ActionOutcome> {
  const { tenantId, userId, locale } = ctx.actor;
  const matches = new JobMatchRepository(ctx.services.store);
  await writeCase(ctx, data.caseRef, 'jobmatch.decline', async () => {
    const current = await matches.get(tenantId, data.caseRef, data.openingId);
    if (current === undefined) throw new NotFoundError(`match ${data.openingId}`);
    if (current.status !== 'PROPOSED') return;
    const settings = await ctx.services.directory.getSettings(tenantId);
    const { _etag, ...stored } = current;
    await matches.save(
      {
        ...stored,
        status: 'DECLINED',
        decidedOn: businessDate(ctx.now, settings.timeZone),
        decidedBy: userId,
        updatedAt: ctx.now.toISOString(),
        updatedBy: userId,
      },
      _etag,
    );
  });
  const notice = { text: jobMatchText(locale, 'dismissed'), tone: 'good' as const };
  return {
    card:
      data.from === 'opening'
        ? await suggestionsForOpening(ctx, data.openingId, notice)
        : await suggestionsForCase(ctx, data.caseRef, notice),
  };
}
