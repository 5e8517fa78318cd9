import { z } from 'zod';
import { companyText } from '../../i18n/company';
import { cardReply, defineAction, textReply, type Feature } from '../feature';
import { FormValueSchema } from '../case-work/form-reader';
import { contactForm, logCompanyContact } from './log-contact';
import { companyCardFor, findCompany, listCompanies } from './open-company';
import { createOpening, editOpeningForm, listOpenings, newOpeningForm, openingCardFor, saveOpening } from './openings';
import { createCompany, editCompanyForm, newCompanyForm, saveCompany } from './save-company';
import { normaliseCvr } from './rules';

const CompanyId = z.string().regex(/^company:\d{8}$/);
const OpeningId = z.string().min(8).max(64);
const SubmissionId = z.string().min(8).max(64);
const form = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ submissionId: SubmissionId, ...shape }).catchall(FormValueSchema);

/** What follows the command word, as typed (the router lower-cases its copy). */
const argumentOf = (rawText: string): string =>
  rawText
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/^\S+\s*/, '')
    .trim();

/**
 * The company side (FSM KE3, handicap II KE5): companies as records of their own, their job
 * openings, and company-directed contacts logged on them. Business data of the municipality,
 * shown in the 1:1 chat like everything else that can lead to a citizen.
 */
export const companyFeature: Feature = {
  name: 'company',
  commands: [
    {
      id: 'company.list',
      patterns: [/^(?:virksomheder|companies)$/],
      permission: 'company.read',
      help: {
        da: companyText('da', 'cmd.list'),
        en: companyText('en', 'cmd.list'),
        example: { da: 'virksomheder', en: 'companies' },
      },
      quickAction: { da: companyText('da', 'quick'), en: companyText('en', 'quick') },
      handle: async (ctx) => [cardReply(await listCompanies(ctx))],
    },
    {
      id: 'company.new',
      patterns: [/^(?:ny virksomhed|opret virksomhed|new company|add company)(?: (\S+))?$/],
      permission: 'company.write',
      help: {
        da: companyText('da', 'cmd.new'),
        en: companyText('en', 'cmd.new'),
        example: { da: 'ny virksomhed', en: 'new company' },
      },
      handle: async (ctx, { match }) => {
        const cvr = match[1] !== undefined ? normaliseCvr(match[1]) : undefined;
        return [cardReply(await newCompanyForm(ctx, cvr !== undefined && /^\d{8}$/.test(cvr) ? cvr : undefined))];
      },
    },
    {
      id: 'company.find',
      patterns: [/^(?:virksomhed|company)(?: (.+))?$/],
      permission: 'company.read',
      help: {
        da: companyText('da', 'cmd.find'),
        en: companyText('en', 'cmd.find'),
        example: { da: 'virksomhed NAVN eller CVR', en: 'company NAME or CVR' },
      },
      handle: async (ctx, { rawText }) => {
        const card = await findCompany(ctx, argumentOf(rawText));
        return [card === undefined ? textReply(companyText(ctx.actor.locale, 'cmd.find_usage')) : cardReply(card)];
      },
    },
    {
      id: 'opening.list',
      patterns: [/^(?:jobåbninger|jobaabninger|job ?openings)$/],
      permission: 'company.read',
      help: {
        da: companyText('da', 'cmd.openings'),
        en: companyText('en', 'cmd.openings'),
        example: { da: 'jobåbninger', en: 'job openings' },
      },
      handle: async (ctx) => [cardReply(await listOpenings(ctx))],
    },
  ],
  actions: [
    defineAction({
      verb: 'company.open',
      schema: z.object({ companyId: CompanyId }),
      handle: async (ctx, data) => ({ card: await companyCardFor(ctx, data.companyId) }),
    }),
    defineAction({
      verb: 'company.list',
      schema: z.object({ continuationToken: z.string().max(4000).optional() }),
      handle: async (ctx, data) => ({ card: await listCompanies(ctx, data.continuationToken) }),
    }),
    defineAction({
      verb: 'company.new',
      schema: z.object({
        cvr: z
          .string()
          .regex(/^\d{8}$/)
          .optional(),
      }),
      handle: async (ctx, data) => ({ card: await newCompanyForm(ctx, data.cvr) }),
    }),
    defineAction({ verb: 'company.create', schema: form({}), handle: createCompany }),
    defineAction({
      verb: 'company.edit',
      schema: z.object({ companyId: CompanyId }),
      handle: async (ctx, data) => ({ card: await editCompanyForm(ctx, data.companyId) }),
    }),
    defineAction({
      verb: 'company.save',
      schema: form({ companyId: CompanyId, etag: z.string().max(200) }),
      handle: saveCompany,
    }),
    defineAction({
      verb: 'company.contact.new',
      schema: z.object({ companyId: CompanyId }),
      handle: async (ctx, data) => ({ card: await contactForm(ctx, data.companyId) }),
    }),
    defineAction({ verb: 'company.contact.save', schema: form({ companyId: CompanyId }), handle: logCompanyContact }),
    defineAction({
      verb: 'opening.new',
      schema: z.object({ companyId: CompanyId }),
      handle: async (ctx, data) => ({ card: await newOpeningForm(ctx, data.companyId) }),
    }),
    defineAction({ verb: 'opening.create', schema: form({ companyId: CompanyId }), handle: createOpening }),
    defineAction({
      verb: 'opening.open',
      schema: z.object({ openingId: OpeningId }),
      handle: async (ctx, data) => ({ card: await openingCardFor(ctx, data.openingId) }),
    }),
    defineAction({
      verb: 'opening.edit',
      schema: z.object({ openingId: OpeningId }),
      handle: async (ctx, data) => ({ card: await editOpeningForm(ctx, data.openingId) }),
    }),
    defineAction({
      verb: 'opening.save',
      schema: form({ openingId: OpeningId, etag: z.string().max(200) }),
      handle: saveOpening,
    }),
  ],
};
