import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { businessDate } from '../../domain/calendar';
import { openingDocId, type JobOpeningDoc } from '../../domain/company';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { MatchFactSchema } from '../../domain/job-match';
import { companyText } from '../../i18n/company';
import type { Locale } from '../../i18n/locale';
import { CompanyRepository } from '../../store/company-repository';
import { queryAll } from '../../store/documents';
import { JobMatchRepository } from '../../store/job-match-repository';
import { openingFormCard } from '../../../cards/company/opening-form-card';
import { openingCard, openingsListCard, type OpeningCardView } from '../../../cards/company/opening-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, oldestAcceptedDate, type FormValues } from '../case-work/form-reader';
import { readOpeningForm, type OpeningInput } from './rules';
import { nameOf, staffOf } from './staff';
import { catalogueFieldLabel } from '../case-work/field-label';

const label = (locale: Locale): ((field: string) => string) => catalogueFieldLabel(companyText, locale);

const todayOf = async (ctx: HandlerContext): Promise<string> =>
  businessDate(ctx.now, (await ctx.services.directory.getSettings(ctx.actor.tenantId)).timeZone);

export function draftOfOpening(o: JobOpeningDoc): Record<string, string> {
  return {
    title: o.title,
    occupationCode: o.occupationCode ?? '',
    placementType: o.placementType,
    hoursPerWeek: String(o.hoursPerWeek),
    ordinaryHoursFromStart: String(o.ordinaryHoursFromStart),
    tasks: o.tasks ?? '',
    accommodationPossible: o.accommodationPossible ? 'true' : 'false',
    fromDate: o.fromDate,
    untilDate: o.untilDate ?? '',
    status: o.status,
  };
}

const fieldsOf = (input: OpeningInput) => ({
  title: input.title,
  ...(input.occupationCode !== undefined ? { occupationCode: input.occupationCode } : {}),
  placementType: input.placementType,
  hoursPerWeek: input.hoursPerWeek,
  ordinaryHoursFromStart: input.ordinaryHoursFromStart,
  ...(input.tasks !== undefined ? { tasks: input.tasks } : {}),
  accommodationPossible: input.accommodationPossible,
  fromDate: input.fromDate,
  ...(input.untilDate !== undefined ? { untilDate: input.untilDate } : {}),
  status: input.status,
});

async function companyOf(ctx: HandlerContext, companyId: string) {
  const company = await new CompanyRepository(ctx.services.store).getCompany(ctx.actor.tenantId, companyId);
  if (company === undefined) throw new NotFoundError(`company ${companyId}`);
  return company;
}

/** "Ny jobåbning" on the company card. */
export async function newOpeningForm(ctx: HandlerContext, companyId: string): Promise<AdaptiveCard> {
  ctx.guard.require('company.write');
  const company = await companyOf(ctx, companyId);
  return openingFormCard({
    locale: ctx.actor.locale,
    mode: 'new',
    companyId,
    companyName: company.name,
    draft: {
      fromDate: await todayOf(ctx),
      placementType: 'ORDINARY_PAID_HOURS',
      status: 'OPEN',
      ordinaryHoursFromStart: '0',
    },
    submissionId: randomUUID(),
  });
}

/** Creates the opening (its id is the form's submission id: a repeated click creates one) and shows it. */
export function createOpening(
  ctx: HandlerContext,
  data: { companyId: string; submissionId: string } & FormValues,
): Promise<ActionOutcome> {
  ctx.guard.require('company.write');
  const { locale, tenantId, userId } = ctx.actor;
  return answerForm(ctx, {
    catalogue: companyText,
    invalid: async (message) => {
      const company = await companyOf(ctx, data.companyId);
      return openingFormCard({
        locale,
        mode: 'new',
        companyId: data.companyId,
        companyName: company.name,
        draft: draftOf(data),
        submissionId: data.submissionId,
        error: message,
      });
    },
    conflict: async () => ({ card: await newOpeningForm(ctx, data.companyId) }),
    save: async () => {
      const company = await companyOf(ctx, data.companyId);
      const today = await todayOf(ctx);
      const input = readOpeningForm(new FormReader(data, label(locale)), oldestAcceptedDate(today));
      const openingId = data.submissionId;
      const doc: JobOpeningDoc = {
        id: openingDocId(openingId),
        tenantId,
        type: 'job_opening',
        schemaVersion: 1,
        openingId,
        companyId: company.companyId,
        ...fieldsOf(input),
        registeredOn: today,
        ownerId: userId,
        createdAt: ctx.now.toISOString(),
        createdBy: userId,
        updatedAt: ctx.now.toISOString(),
        updatedBy: userId,
        lastSubmissionId: data.submissionId,
      };
      await new CompanyRepository(ctx.services.store).createOpening(doc);
      return { card: await openingCardFor(ctx, openingId, companyText(locale, 'opening.created')) };
    },
  });
}

export async function editOpeningForm(ctx: HandlerContext, openingId: string, error?: string): Promise<AdaptiveCard> {
  ctx.guard.require('company.write');
  const repository = new CompanyRepository(ctx.services.store);
  const opening = await repository.getOpening(ctx.actor.tenantId, openingId);
  if (opening === undefined) throw new NotFoundError(`opening ${openingId}`);
  const company = await companyOf(ctx, opening.companyId);
  return openingFormCard({
    locale: ctx.actor.locale,
    mode: 'edit',
    companyId: company.companyId,
    companyName: company.name,
    draft: draftOfOpening(opening),
    submissionId: randomUUID(),
    openingId,
    etag: opening._etag,
    error,
  });
}

/** Saves a changed opening over the version the form showed (ETag). */
export function saveOpening(
  ctx: HandlerContext,
  data: { openingId: string; submissionId: string; etag: string } & FormValues,
): Promise<ActionOutcome> {
  ctx.guard.require('company.write');
  const { locale, tenantId, userId } = ctx.actor;
  const repository = new CompanyRepository(ctx.services.store);
  return answerForm(ctx, {
    catalogue: companyText,
    invalid: async (message) => {
      const opening = await repository.getOpening(tenantId, data.openingId);
      if (opening === undefined) throw new NotFoundError(`opening ${data.openingId}`);
      const company = await companyOf(ctx, opening.companyId);
      return openingFormCard({
        locale,
        mode: 'edit',
        companyId: company.companyId,
        companyName: company.name,
        draft: draftOf(data),
        submissionId: data.submissionId,
        openingId: data.openingId,
        etag: data.etag,
        error: message,
      });
    },
    conflict: async (message) => ({ card: await editOpeningForm(ctx, data.openingId, message) }),
    save: async () => {
      const current = await repository.getOpening(tenantId, data.openingId);
      if (current === undefined) throw new NotFoundError(`opening ${data.openingId}`);
      if (current.lastSubmissionId === data.submissionId)
        return { card: await openingCardFor(ctx, data.openingId, companyText(locale, 'opening.saved')) };
      const today = await todayOf(ctx);
      // An opening registered long ago keeps its own start date.
      const oldest = current.fromDate < oldestAcceptedDate(today) ? current.fromDate : oldestAcceptedDate(today);
      const input = readOpeningForm(new FormReader(data, label(locale)), oldest);
      if (current._etag !== data.etag) throw new ConflictError(current.id);
      const { _etag, occupationCode: _o, tasks: _t, untilDate: _u, ...stored } = current;
      await repository.replaceOpening(
        {
          ...stored,
          ...fieldsOf(input),
          updatedAt: ctx.now.toISOString(),
          updatedBy: userId,
          lastSubmissionId: data.submissionId,
        },
        _etag,
      );
      return {
        card: await openingCardFor(ctx, data.openingId, companyText(locale, 'opening.saved')),
        refreshFor: 'everyone',
      };
    },
  });
}

const SharedFactsSchema = z.object({
  caseRef: z.string(),
  type: z.string(),
  screenerId: z.string().optional(),
  assignedJobformidlerId: z.string().optional(),
  matches: z.array(MatchFactSchema).optional(),
});

/**
 * The opening card. Its job matches are counted over every case (how many were suggested, taken,
 * and came to a placement); a case reference is shown only for a taken match the reader may see
 * (shared with them, or their own), and each one shown is an audited read of that case.
 */
export async function openingCardFor(ctx: HandlerContext, openingId: string, notice?: string): Promise<AdaptiveCard> {
  ctx.guard.require('company.read');
  const { tenantId } = ctx.actor;
  const repository = new CompanyRepository(ctx.services.store);
  const opening = await repository.getOpening(tenantId, openingId);
  if (opening === undefined) throw new NotFoundError(`opening ${openingId}`);
  const [company, matches] = await Promise.all([
    companyOf(ctx, opening.companyId),
    new JobMatchRepository(ctx.services.store).forOpening(tenantId, openingId),
  ]);
  const accepted = matches.filter((m) => m.status === 'ACCEPTED');
  const facts =
    accepted.length === 0
      ? []
      : await queryAll(
          ctx.services.store.containers.cases,
          {
            query:
              'SELECT c.caseRef, c.type, c.screenerId, c.assignedJobformidlerId, c.matches FROM c WHERE c.tenantId = @t AND ARRAY_CONTAINS(@r, c.caseRef) AND c.type IN ("case", "case_facts")',
            parameters: [
              { name: '@t', value: tenantId },
              { name: '@r', value: accepted.map((m) => m.caseRef) },
            ],
          },
          SharedFactsSchema,
        );
  const placed = new Set(
    facts
      .filter((f) => f.type === 'case_facts')
      .filter((f) => (f.matches ?? []).some((m) => m.openingId === openingId && m.placementStartedOn !== undefined))
      .map((f) => f.caseRef),
  );
  const owners = new Map(facts.filter((f) => f.type === 'case').map((f) => [f.caseRef, f]));
  const staff = accepted.length > 0 ? await staffOf(ctx) : undefined;
  const shared: OpeningCardView['shared'][number][] = [];
  for (const m of accepted.sort((a, b) => (a.decidedOn ?? '').localeCompare(b.decidedOn ?? ''))) {
    const owner = owners.get(m.caseRef);
    const resource = {
      tenantId,
      screenerId: owner?.screenerId,
      assignedJobformidlerId: owner?.assignedJobformidlerId,
      sharedWith: m.sharedWith,
    };
    if (owner === undefined || !ctx.guard.allows('jobmatch.read_shared', resource)) continue;
    shared.push(
      await ctx.guard.run(
        {
          action: 'jobmatch.read_shared',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: m.caseRef,
          resource,
          auditAction: 'jobmatch.shared.read',
        },
        async () => ({
          caseRef: m.caseRef,
          jobformidler: nameOf(staff!, m.decidedBy ?? '', companyText(ctx.actor.locale, 'unknown_staff')),
          date: m.decidedOn ?? m.proposedOn,
        }),
      ),
    );
  }
  return openingCard({
    locale: ctx.actor.locale,
    opening,
    companyName: company.name,
    matches: { proposed: matches.length, accepted: accepted.length, placed: placed.size },
    shared,
    canWrite: ctx.guard.allows('company.write'),
    canSuggest: ctx.guard.allows('jobmatch.suggest'),
    ...(notice !== undefined ? { notice } : {}),
  });
}

/** `jobåbninger`: open openings of the municipality, newest first. */
export async function listOpenings(ctx: HandlerContext): Promise<AdaptiveCard> {
  ctx.guard.require('company.read');
  const repository = new CompanyRepository(ctx.services.store);
  const today = await todayOf(ctx);
  const openings = (await repository.openOpenings(ctx.actor.tenantId)).filter(
    (o) => o.untilDate === undefined || o.untilDate >= today,
  );
  const companies = await repository.companiesByIds(
    ctx.actor.tenantId,
    openings.map((o) => o.companyId),
  );
  return openingsListCard({
    locale: ctx.actor.locale,
    openings: openings.slice(0, 30).map((o) => ({
      openingId: o.openingId,
      title: o.title,
      company: companies.get(o.companyId)?.name ?? '–',
      hoursPerWeek: o.hoursPerWeek,
    })),
  });
}
