import { z } from 'zod';
import { IsoDateSchema, PlacementTypeSchema } from './case';

/**
 * The company side of the model (domain-research §5.3 Company, JobOpening, Contact): companies as
 * records of their own, their job openings and the company-directed contacts logged on them. They
 * live in the tenant's partition of `directory` and hold no citizen data, not even a count: that a
 * contact concerned a citizen is a follow-up in the case's own partition (it names the company
 * contact), where retention, export and erasure of the case reach it.
 *
 * Contact persons are business data, but a name is personal data (as is a sole proprietorship):
 * they are kept to what the jobcentre needs to call them.
 */
export const CVR_PATTERN = /^\d{8}$/;

/** One company per CVR in a municipality: the CVR is the document's id. */
export const companyDocId = (cvr: string): string => `company:${cvr}`;
export const openingDocId = (openingId: string): string => `opening:${openingId}`;
export const companyContactDocId = (contactId: string): string => `company_contact:${contactId}`;

/** What a company has said yes to working with the jobcentre on (seed 001: "hvilke virksomheder der vil samarbejde om job, lønnede timer"). */
export const OPEN_TO = ['ORDINARY_HOURS', 'INTERNSHIP', 'WAGE_SUBSIDY', 'FLEXJOB', 'JOB'] as const;
export const OpenToSchema = z.enum(OPEN_TO);
export type OpenTo = z.infer<typeof OpenToSchema>;

export const MAX_CONTACT_PERSONS = 3;

export const ContactPersonSchema = z.object({
  name: z.string().min(1).max(120),
  role: z.string().max(80).optional(),
  phone: z.string().max(30).optional(),
  email: z.string().max(120).optional(),
});
export type ContactPerson = z.infer<typeof ContactPersonSchema>;

/** Fields of every company-side document (written from a card, so a repeated click is recognised). */
const companySideFields = {
  tenantId: z.string(),
  schemaVersion: z.literal(1),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  lastSubmissionId: z.string().optional(),
};

export const CompanyDocSchema = z.object({
  ...companySideFields,
  id: z.string(),
  type: z.literal('company'),
  companyId: z.string(),
  cvr: z.string().regex(CVR_PATTERN),
  name: z.string().min(1).max(120),
  /** Lower-case name and CVR, for finding a company by part of its name (the store has no LIKE). */
  searchText: z.string().max(200),
  address: z.string().max(120).optional(),
  postcode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  city: z.string().max(60).optional(),
  /** Branche: a DB07 code (digits) or words. */
  industryCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  industry: z.string().max(120).optional(),
  contactPersons: z.array(ContactPersonSchema).max(MAX_CONTACT_PERSONS),
  openTo: z.array(OpenToSchema).max(OPEN_TO.length),
  notes: z.string().max(1000).optional(),
  /** The jobformidler or virksomhedskonsulent who keeps the relation. */
  ownerId: z.string(),
  /** How the record came about: typed on the company card, or from a work agreement's CVR. */
  origin: z.enum(['card', 'agreement']),
});
export type CompanyDoc = z.infer<typeof CompanyDocSchema>;

export const OPENING_STATUSES = ['OPEN', 'FILLED', 'CLOSED'] as const;
export const OpeningStatusSchema = z.enum(OPENING_STATUSES);
export type OpeningStatus = z.infer<typeof OpeningStatusSchema>;

/** An occupation code: DISCO-08 (4 digits) or its Danish 6-digit extension. */
export const OccupationCodeSchema = z.string().regex(/^\d{4}(\d{2})?$/);

export const JobOpeningDocSchema = z.object({
  ...companySideFields,
  id: z.string(),
  type: z.literal('job_opening'),
  openingId: z.string(),
  companyId: z.string(),
  title: z.string().min(1).max(120),
  occupationCode: OccupationCodeSchema.optional(),
  /** What the citizen would be in: a job, ordinary hours, a praktik with hours, … */
  placementType: PlacementTypeSchema,
  hoursPerWeek: z.number().min(1).max(37),
  /** Ordinary paid hours possible from the first day (0: none at first). */
  ordinaryHoursFromStart: z.number().min(0).max(37),
  /** Tasks and colleagues, and how the tasks can grow (FSM KE3: "arbejdsopgaver, der kan vokse"). */
  tasks: z.string().max(500).optional(),
  accommodationPossible: z.boolean(),
  fromDate: IsoDateSchema,
  untilDate: IsoDateSchema.optional(),
  status: OpeningStatusSchema,
  /** The business day the opening was obtained (M14 counts openings by it). */
  registeredOn: IsoDateSchema,
  ownerId: z.string(),
});
export type JobOpeningDoc = z.infer<typeof JobOpeningDocSchema>;

/** Company-directed contacts (seed 000: "opsøgende virksomhedskontakt ved personlige møder og 'kold kanvas'", "opfølgende besøg og efterværn"). */
export const COMPANY_CONTACT_KINDS = [
  'OUTREACH_VISIT',
  'COLD_CANVASS',
  'PHONE',
  'PLACEMENT_FOLLOW_UP',
  'AFTERCARE_VISIT',
] as const;
export const CompanyContactKindSchema = z.enum(COMPANY_CONTACT_KINDS);
export type CompanyContactKind = z.infer<typeof CompanyContactKindSchema>;

export const COMPANY_CONTACT_MODES = ['IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE'] as const;
export const CompanyContactModeSchema = z.enum(COMPANY_CONTACT_MODES);

export const CompanyContactDocSchema = z.object({
  ...companySideFields,
  id: z.string(),
  type: z.literal('company_contact'),
  contactId: z.string(),
  companyId: z.string(),
  kind: CompanyContactKindSchema,
  mode: CompanyContactModeSchema,
  date: IsoDateSchema,
  /** Who at the jobcentre had the contact. */
  staffId: z.string(),
  /** Whom at the company (business contact). */
  withPerson: z.string().max(120).optional(),
  note: z.string().max(500).optional(),
});
export type CompanyContactDoc = z.infer<typeof CompanyContactDocSchema>;

/** The contact type a company contact counts as on a case it concerned, and in the digest (M14). */
export const CONTACT_TYPE_OF_KIND = {
  OUTREACH_VISIT: 'COMPANY_OUTREACH_VISIT',
  COLD_CANVASS: 'COMPANY_OUTREACH_VISIT',
  PHONE: 'PHONE',
  PLACEMENT_FOLLOW_UP: 'WORKPLACE_FOLLOW_UP',
  AFTERCARE_VISIT: 'AFTERCARE',
} as const satisfies Record<CompanyContactKind, string>;

/** Outreach (visits and cold canvassing) and aftercare visits: what M14 counts of company contacts. */
export const isOutreach = (kind: CompanyContactKind): boolean => kind === 'OUTREACH_VISIT' || kind === 'COLD_CANVASS';
export const isAftercare = (kind: CompanyContactKind): boolean => kind === 'AFTERCARE_VISIT';
