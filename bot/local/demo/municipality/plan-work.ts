import { DateTime } from 'luxon';
import type { ContactType, PlacementType } from '../../../domain/case';
import type { Prng } from '../lib/prng';

/**
 * A group-1 citizen's months with the personal jobformidler, planned from the programmes' figures
 * (domain-research §2.1, §2.9, §6; FSM evaluation):
 * - about 70 % reach company-based activity ("> 70 % of group 1 had a virksomhedsforløb");
 * - work agreements mostly with ordinary paid hours from the start (3–8 hours), growing by about
 *   half an hour a week (0–1.5) toward the goal of 30 (some get there, most are on the way);
 * - follow-up every 4–6 weeks, every 14 days during a placement (a few cases slip and are overdue);
 * - CV for about two in three, a concrete job goal of the citizen's own for most (M19 ≥ 60 %).
 * Weeks of hours are planned for the last 52 weeks only: that is all the case facts keep.
 */
export interface PlannedContact {
  readonly on: string;
  readonly type: ContactType;
}

export interface PlannedWeek {
  readonly isoWeek: string;
  /** The Monday of the week (hours are logged in the week after). */
  readonly monday: string;
  readonly ordinary: number;
  readonly practice: number;
}

export interface PlacementPlan {
  readonly type: PlacementType;
  readonly startOn: string;
  readonly plannedEndOn: string;
  /** Set when it ended before today. */
  readonly end?: { readonly on: string; readonly status: 'COMPLETED' | 'INTERRUPTED' };
  readonly company: { readonly cvr: string; readonly name: string; readonly contact: string };
  /** Ordinary paid hours agreed from the start (0: none). */
  readonly ordinaryFromStart: number;
  /** All critical checklist items agreed (else one is left open). */
  readonly agreementComplete: boolean;
  readonly weeks: readonly PlannedWeek[];
}

export interface WorkPlan {
  /** The day the jobformidler starts (the first job conversation). */
  readonly startOn: string;
  readonly cv: 'NONE' | 'PERSONAL' | 'JOBNET' | 'BOTH';
  readonly goal?: { readonly title: string; readonly actions: string; readonly citizenOwned: boolean };
  readonly contacts: readonly PlannedContact[];
  readonly placement?: PlacementPlan;
}

/**
 * The municipality's companies: placements happen here, and the company side (plan-companies.ts)
 * adds them as records with their CVR (one company per CVR), openings and contacts.
 */
export const COMPANIES = [
  {
    name: 'Lageret A/S',
    job: 'Lagermedarbejder',
    cvr: '29141002',
    postcode: '8200',
    city: 'Aarhus N',
    industry: '521000',
  },
  {
    name: 'Byens Bageri ApS',
    job: 'Bagerimedhjælper',
    cvr: '33171005',
    postcode: '8000',
    city: 'Aarhus C',
    industry: '107120',
  },
  {
    name: 'Grøn Park Service',
    job: 'Gartnermedhjælper',
    cvr: '25481003',
    postcode: '8260',
    city: 'Viby J',
    industry: '813000',
  },
  {
    name: 'Kantinen I/S',
    job: 'Køkkenmedhjælper',
    cvr: '36651008',
    postcode: '8000',
    city: 'Aarhus C',
    industry: '562900',
  },
  {
    name: 'Rengøringsholdet A/S',
    job: 'Servicemedarbejder',
    cvr: '21901008',
    postcode: '8210',
    city: 'Aarhus V',
    industry: '812100',
  },
  {
    name: 'Cykelværkstedet',
    job: 'Cykelmekaniker-hjælper',
    cvr: '34721009',
    postcode: '8220',
    city: 'Brabrand',
    industry: '952900',
  },
  {
    name: 'Plejecenter Solgården',
    job: 'Servicemedarbejder i plejen',
    cvr: '29811008',
    postcode: '8240',
    city: 'Risskov',
    industry: '871000',
  },
  {
    name: 'Supermarkedet Centrum',
    job: 'Butiksmedhjælper',
    cvr: '30361008',
    postcode: '8000',
    city: 'Aarhus C',
    industry: '471100',
  },
] as const;
const CONTACTS = ['Bo Hansen', 'Lene Mortensen', 'Ali Yilmaz', 'Karin Holm', 'Jesper Dahl'];

const date = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
const plusDays = (iso: string, days: number): string => date(iso).plus({ days }).toISODate() ?? iso;
const weekdayOf = (iso: string): string => {
  const d = date(iso);
  return d.weekday >= 6 ? plusDays(iso, 8 - d.weekday) : iso;
};

/** A valid-looking 8-digit CVR number (modulus 11 with weights 2,7,6,5,4,3,2,1). */
export function cvrFrom(rng: Prng): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [rng.int(1, 9), ...Array.from({ length: 6 }, () => rng.int(0, 9))];
    const sum = digits.reduce((s, d, i) => s + d * weights[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

function placementPlan(rng: Prng, startOn: string, today: string): PlacementPlan {
  const type = rng.weighted<PlacementType>({
    INTERNSHIP_PLUS_ORDINARY_HOURS: 40,
    COMPANY_INTERNSHIP: 22,
    ORDINARY_PAID_HOURS: 22,
    WAGE_SUBSIDY_PRIVATE: 10,
    ICEBREAKER: 6,
  });
  const company = rng.pick(COMPANIES);
  const ordinaryFromStart =
    type === 'COMPANY_INTERNSHIP'
      ? 0
      : type === 'ORDINARY_PAID_HOURS'
        ? rng.int(4, 10)
        : rng.chance(0.8)
          ? rng.int(3, 8)
          : 0;
  const plannedEndOn = plusDays(startOn, 13 * 7 - 3);
  const fate = rng.weighted({ CONTINUES: 55, COMPLETED: 25, INTERRUPTED: 20 });
  const endOn =
    fate === 'INTERRUPTED' ? plusDays(startOn, rng.int(3, 10) * 7) : fate === 'COMPLETED' ? plannedEndOn : undefined;
  const end =
    endOn !== undefined && endOn < today ? { on: endOn, status: fate as 'COMPLETED' | 'INTERRUPTED' } : undefined;

  const weeks: PlannedWeek[] = [];
  const growth = rng.around(0.5, 0.3, 0.05, 1.5);
  const last = end?.on ?? today;
  const firstMonday = date(startOn).startOf('week');
  const window = date(today).minus({ weeks: 52 });
  let ordinary = ordinaryFromStart;
  for (let monday = firstMonday; monday.plus({ days: 7 }).toISODate()! <= last; monday = monday.plus({ weeks: 1 })) {
    // A week is logged once it is over; an odd week is off sick or not logged at all.
    const skipped = rng.chance(0.08);
    if (weeks.length >= 4 || ordinary > 0) ordinary = Math.min(30, ordinary + (rng.chance(0.15) ? 0 : growth));
    else if (rng.chance(0.3)) ordinary = rng.int(2, 5);
    if (skipped || monday < window) continue;
    const rounded = Math.round(ordinary * 2) / 2;
    const practice = type === 'ORDINARY_PAID_HOURS' ? 0 : Math.max(0, Math.round(28 - rounded));
    weeks.push({
      isoWeek: monday.toISOWeekDate()!.slice(0, 8),
      monday: monday.toISODate()!,
      ordinary: rounded,
      practice,
    });
  }
  // Drawn, though the company has its own CVR now (one company per CVR): a seed plans the same citizens as before.
  cvrFrom(rng);
  return {
    type,
    startOn,
    plannedEndOn,
    ...(end !== undefined ? { end } : {}),
    company: { cvr: company.cvr, name: company.name, contact: rng.pick(CONTACTS) },
    ordinaryFromStart,
    agreementComplete: rng.chance(0.85),
    weeks,
  };
}

/** Contacts from `from` to `to` every `min`–`max` days (weekdays), of the given type mix. */
function contactsBetween(
  rng: Prng,
  from: string,
  to: string,
  gap: readonly [number, number],
  types: Readonly<Partial<Record<ContactType, number>>>,
): PlannedContact[] {
  const out: PlannedContact[] = [];
  for (
    let on = weekdayOf(plusDays(from, rng.int(gap[0], gap[1])));
    on < to;
    on = weekdayOf(plusDays(on, rng.int(gap[0], gap[1])))
  )
    out.push({ on, type: rng.weighted<ContactType>(types) });
  return out;
}

export function planWork(rng: Prng, firstJobConversationOn: string, today: string): WorkPlan | undefined {
  if (firstJobConversationOn > today) return undefined;
  const startOn = firstJobConversationOn;
  const reaches = rng.chance(0.72);
  const placementStart = weekdayOf(plusDays(startOn, rng.int(2, 12) * 7));
  const placement = reaches && placementStart < today ? placementPlan(rng, placementStart, today) : undefined;
  // A few cases slip: nobody has followed up for a while (they show as overdue).
  const slipsFrom = rng.chance(0.12) ? plusDays(today, -rng.int(30, 70)) : today;

  const contacts: PlannedContact[] = [{ on: startOn, type: 'JOB_CONVERSATION' }];
  const outside = { JOB_CONVERSATION: 80, PHONE: 20 } as const;
  const before = placement?.startOn ?? slipsFrom;
  contacts.push(...contactsBetween(rng, startOn, before < slipsFrom ? before : slipsFrom, [28, 42], outside));
  if (placement !== undefined) {
    const inEnd = placement.end?.on ?? today;
    const until = inEnd < slipsFrom ? inEnd : slipsFrom;
    contacts.push({ on: placement.startOn, type: 'TRIPARTITE' });
    contacts.push(
      ...contactsBetween(rng, placement.startOn, until, [12, 16], {
        WORKPLACE_FOLLOW_UP: 70,
        TRIPARTITE: 15,
        PHONE: 15,
      }),
    );
    if (placement.end !== undefined && placement.end.on < slipsFrom)
      contacts.push(...contactsBetween(rng, placement.end.on, slipsFrom, [28, 42], outside));
  }
  const cv = rng.weighted({ NONE: 35, PERSONAL: 20, JOBNET: 30, BOTH: 15 });
  const job = rng.pick(COMPANIES).job;
  return {
    startOn,
    cv,
    ...(rng.chance(0.85)
      ? { goal: { title: job, actions: 'Praktik i branchen\nOpdatere CV', citizenOwned: rng.chance(0.85) } }
      : {}),
    contacts: contacts.filter((c) => c.on <= today).sort((a, b) => a.on.localeCompare(b.on)),
    ...(placement !== undefined ? { placement } : {}),
  };
}
