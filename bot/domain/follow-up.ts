import { z } from 'zod';
import { ContactTypeSchema, IsoDateSchema, type ContactType } from './case';
import { caseWorkFields } from './case-work-doc';

/** A follow-up log entry (domain-research §5.3 FollowUpEntry / Contact). */
export const FOLLOW_UP_MODES = ['IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE'] as const;
export const DIRECTIONS = ['CITIZEN_FACING', 'COMPANY_FACING'] as const;
export const FOLLOW_UP_TOPICS = [
  'HOURS_INCREASE',
  'ABSENCE',
  'WORRIES',
  'TAX',
  'CHILDCARE',
  'TASKS',
  'HKO',
  'OTHER',
] as const;
export const FOLLOW_UP_OUTCOMES = [
  'CONTINUE',
  'HOURS_INCREASED',
  'HOURS_DECREASED',
  'PAUSED',
  'INTERRUPTED',
  'CONVERTED_TO_EMPLOYMENT',
] as const;

/** Contact types a jobformidler logs here (the screening and visitation conversations are logged elsewhere). */
export const LOGGABLE_CONTACT_TYPES: readonly ContactType[] = [
  'JOB_CONVERSATION',
  'TRIPARTITE',
  'WORKPLACE_FOLLOW_UP',
  'PHONE',
  'MESSAGE',
  'AD_HOC_INBOUND',
  'COMPANY_OUTREACH_VISIT',
  'AFTERCARE',
];

export const FollowUpDocSchema = z.object({
  ...caseWorkFields,
  type: z.literal('follow_up'),
  followUpId: z.string(),
  date: IsoDateSchema,
  contactType: ContactTypeSchema,
  mode: z.enum(FOLLOW_UP_MODES),
  direction: z.enum(DIRECTIONS),
  topics: z.array(z.enum(FOLLOW_UP_TOPICS)).max(FOLLOW_UP_TOPICS.length),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  ordinaryHoursNewAgreed: z.number().min(0).max(48).optional(),
  note: z.string().max(500).optional(),
  placementId: z.string().optional(),
  nextFollowUpDue: IsoDateSchema,
  /** Set when the contact was logged on a company (bot/features/company): the company side counts it there. */
  companyContactId: z.string().optional(),
  companyId: z.string().optional(),
});
export type FollowUpDoc = z.infer<typeof FollowUpDocSchema>;

/**
 * A contact that counts for the follow-up cadence (M10): a conversation with the citizen, or a
 * workplace follow-up or phone call with the citizen present.
 */
const CADENCE_CONTACT_TYPES: readonly ContactType[] = [
  'JOB_CONVERSATION',
  'TRIPARTITE',
  'WORKPLACE_FOLLOW_UP',
  'PHONE',
];
export const countsForCadence = (f: Pick<FollowUpDoc, 'contactType' | 'direction'>): boolean =>
  f.direction === 'CITIZEN_FACING' && CADENCE_CONTACT_TYPES.includes(f.contactType);

/** Newest first: by date, then by when it was logged. */
export const byNewest = <T extends Pick<FollowUpDoc, 'date' | 'createdAt'>>(a: T, b: T): number =>
  a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;
