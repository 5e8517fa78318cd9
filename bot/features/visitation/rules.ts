import { VISITATION_GROUPS, type VisitationGroup } from '../../domain/case';
import { addDays, isValidIsoDate } from '../../domain/calendar';

/**
 * Pure rules of the visitation decision (domain-research §2.2): what each group needs, and which
 * dates are plausible. The screener decides; these only check that the decision is complete.
 * "today" is the Danish business date of the turn.
 */

export const RATIONALE_CODES = [
  'READY_FOR_ORDINARY_HOURS',
  'NEEDS_ACCOMMODATION',
  'NEEDS_REHABILITATION_CLARIFICATION',
  'SEVERE_SOCIAL_OR_HEALTH',
  'OTHER_BENEFIT_OR_PROGRAMME',
  'CITIZEN_DECLINED',
  'OTHER',
] as const;
export type RationaleCode = (typeof RATIONALE_CODES)[number];

export const G3_RECIPIENTS = ['SOCIAL_SERVICES', 'OTHER_ADMINISTRATION', 'NOT_RELEVANT'] as const;
export type G3Recipient = (typeof G3_RECIPIENTS)[number];

export const NOTE_MAX = 200;

/** Step 1 of the card: the decision itself. */
export interface DecisionBasics {
  readonly group: VisitationGroup;
  readonly conversationAt: string;
  readonly rationale: RationaleCode;
  readonly note?: string;
}

/** Step 2: what the chosen group needs. */
export type GroupDetails =
  | { readonly group: 'G1_INTERVENTION'; readonly jobformidlerId: string; readonly firstJobConversationAt: string }
  | {
      readonly group: 'G2_REHABILITATION';
      /** The owner: a myndighedssagsbehandler or a jobformidler (issue 15 item 1). */
      readonly ownerId: string;
      readonly rehabTeamMeetingAt: string;
      readonly rehabPlanStartedAt?: string;
    }
  | { readonly group: 'G3_NOT_EMPLOYMENT_READY'; readonly recipient: G3Recipient; readonly notificationDate?: string }
  | { readonly group: 'OUT_OF_SCOPE' };

export type FieldErrorKey =
  | 'required'
  | 'invalid_choice'
  | 'invalid_date'
  | 'date_too_early'
  | 'date_too_late'
  | 'too_long'
  | 'jobformidler'
  | 'cpr'
  | 'owner'
  | 'same_group';

export interface FieldError {
  readonly field: string;
  readonly key: FieldErrorKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Parsed<T> =
  | { readonly value: T; readonly errors: readonly [] }
  | { readonly value?: undefined; readonly errors: readonly FieldError[] };

const str = (raw: Readonly<Record<string, unknown>>, field: string): string => {
  const v = raw[field];
  return typeof v === 'string' ? v.trim() : '';
};

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function checkDate(
  errors: FieldError[],
  field: string,
  value: string,
  window: { readonly from: string; readonly to: string },
  required: boolean,
): string | undefined {
  if (value === '') {
    if (required) errors.push({ field, key: 'required' });
    return undefined;
  }
  if (!isValidIsoDate(value)) errors.push({ field, key: 'invalid_date' });
  else if (value < window.from) errors.push({ field, key: 'date_too_early', params: { date: window.from } });
  else if (value > window.to) errors.push({ field, key: 'date_too_late', params: { date: window.to } });
  else return value;
  return undefined;
}

/** Control characters and runs of whitespace out; the CPR guard has already seen the raw text. */
export const cleanNote = (note: string): string =>
  note
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The date the decision card suggests for the visitation conversation: the one booked at the end of
 * the screening, when it lies in the window step 1 accepts (it has taken place, within the last
 * year); otherwise today.
 */
export function suggestedConversationAt(booked: string | undefined, today: string): string {
  return booked !== undefined && isValidIsoDate(booked) && booked <= today && booked >= addDays(today, -365)
    ? booked
    : today;
}

/**
 * Step 1: group, date of the visitation conversation (it has taken place: within the last year, not
 * in the future), a coded rationale, and an optional short note.
 */
export function parseBasics(raw: Readonly<Record<string, unknown>>, today: string): Parsed<DecisionBasics> {
  const errors: FieldError[] = [];
  const group = str(raw, 'group');
  if (group === '') errors.push({ field: 'group', key: 'required' });
  else if (!oneOf(VISITATION_GROUPS, group)) errors.push({ field: 'group', key: 'invalid_choice' });
  const conversationAt = checkDate(
    errors,
    'conversationAt',
    str(raw, 'conversationAt'),
    { from: addDays(today, -365), to: today },
    true,
  );
  const rationale = str(raw, 'rationale');
  if (rationale === '') errors.push({ field: 'rationale', key: 'required' });
  else if (!oneOf(RATIONALE_CODES, rationale)) errors.push({ field: 'rationale', key: 'invalid_choice' });
  const note = cleanNote(str(raw, 'note'));
  if (note.length > NOTE_MAX) errors.push({ field: 'note', key: 'too_long', params: { max: NOTE_MAX } });
  if (errors.length > 0 || conversationAt === undefined) return { errors };
  return {
    value: {
      group: group as VisitationGroup,
      conversationAt,
      rationale: rationale as RationaleCode,
      ...(note !== '' ? { note } : {}),
    },
    errors: [],
  };
}

/**
 * Step 2, per group. G1: a jobformidler from `jobformidlerIds` and the first job conversation
 * (from the visitation conversation up to 180 days on). G2: the owner from `ownerIds`, the
 * rehabilitation team meeting (required) and when the plan was started (optional). G3: whether a
 * notification goes to social services or another department, and its date unless it is not relevant.
 */
export function parseGroupDetails(
  basics: DecisionBasics,
  raw: Readonly<Record<string, unknown>>,
  jobformidlerIds: readonly string[],
  ownerIds: readonly string[] = [],
): Parsed<GroupDetails> {
  const errors: FieldError[] = [];
  const from = basics.conversationAt;
  const done = (value: GroupDetails): Parsed<GroupDetails> => (errors.length > 0 ? { errors } : { value, errors: [] });
  switch (basics.group) {
    case 'G1_INTERVENTION': {
      const jobformidlerId = str(raw, 'jobformidlerId').toLowerCase();
      if (jobformidlerId === '') errors.push({ field: 'jobformidlerId', key: 'required' });
      else if (!jobformidlerIds.includes(jobformidlerId)) errors.push({ field: 'jobformidlerId', key: 'jobformidler' });
      const first = checkDate(
        errors,
        'firstJobConversationAt',
        str(raw, 'firstJobConversationAt'),
        { from, to: addDays(from, 180) },
        true,
      );
      return done({ group: 'G1_INTERVENTION', jobformidlerId, firstJobConversationAt: first ?? '' });
    }
    case 'G2_REHABILITATION': {
      const ownerId = str(raw, 'ownerId').toLowerCase();
      if (ownerId === '') errors.push({ field: 'ownerId', key: 'required' });
      else if (!ownerIds.includes(ownerId)) errors.push({ field: 'ownerId', key: 'owner' });
      const meeting = checkDate(
        errors,
        'rehabTeamMeetingAt',
        str(raw, 'rehabTeamMeetingAt'),
        { from, to: addDays(from, 365) },
        true,
      );
      const plan = checkDate(
        errors,
        'rehabPlanStartedAt',
        str(raw, 'rehabPlanStartedAt'),
        { from: addDays(from, -365), to: addDays(from, 365) },
        false,
      );
      return done({
        group: 'G2_REHABILITATION',
        ownerId,
        rehabTeamMeetingAt: meeting ?? '',
        ...(plan !== undefined ? { rehabPlanStartedAt: plan } : {}),
      });
    }
    case 'G3_NOT_EMPLOYMENT_READY': {
      const recipient = str(raw, 'notificationRecipient');
      if (recipient === '') errors.push({ field: 'notificationRecipient', key: 'required' });
      else if (!oneOf(G3_RECIPIENTS, recipient)) errors.push({ field: 'notificationRecipient', key: 'invalid_choice' });
      const date = checkDate(
        errors,
        'notificationDate',
        str(raw, 'notificationDate'),
        { from: addDays(from, -30), to: addDays(from, 90) },
        recipient !== 'NOT_RELEVANT',
      );
      return done({
        group: 'G3_NOT_EMPLOYMENT_READY',
        recipient: recipient as G3Recipient,
        ...(date !== undefined && recipient !== 'NOT_RELEVANT' ? { notificationDate: date } : {}),
      });
    }
    case 'OUT_OF_SCOPE':
      return done({ group: 'OUT_OF_SCOPE' });
  }
}

export interface JobformidlerChoice {
  readonly userId: string;
  readonly displayName: string;
}

/** `decide`: the first decision after a screening (the screener). `change`: a re-visitation (issue 15 item 3). */
export type VisitationMode = 'decide' | 'change';

/**
 * What the screener is told about the message to the jobformidler: delivered; not yet (Teams
 * refused it, the scheduler keeps trying); not yet because the jobformidler never opened
 * Fremdrift (kept trying too); or it could not even be kept for later (the store failed).
 */
export type HandoverDelivery = 'sent' | 'pending' | 'no_reference' | 'failed';
