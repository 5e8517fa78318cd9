import { DateTime } from 'luxon';
import type { CompanyContactKind, OpenTo } from '../../../domain/company';
import type { PlacementType } from '../../../domain/case';
import type { Prng } from '../lib/prng';
import { COMPANIES } from './plan-work';

/**
 * The company side of the synthetic municipality (FSM KE3): the companies the citizens' placements
 * are with, as records of their own, their job openings, and the company-directed contacts of the
 * last eight weeks – outreach visits and cold canvassing, phone calls and aftercare by the
 * virksomhedskonsulenter, and some by the jobformidlere (seed 000: "gå på to ben"). Placement
 * follow-ups with an employer about a citizen are part of that citizen's work (apply-work.ts).
 *
 * Figures (defaults, not official statistics): a consultant has about three company contacts a week,
 * a jobformidler about two besides the employer follow-ups; each company has one or two openings in
 * the period, of which older ones are often filled.
 */
export interface CompanyPlan {
  readonly cvr: string;
  readonly name: string;
  readonly postcode: string;
  readonly city: string;
  readonly industry: string;
  readonly openTo: readonly OpenTo[];
  readonly contactPerson: { readonly name: string; readonly role: string; readonly phone: string };
  readonly ownerId: string;
  /** The day the consultant adds it (before the history starts, so agreements link to it). */
  readonly addedOn: string;
}

export interface OpeningPlan {
  readonly cvr: string;
  readonly title: string;
  readonly placementType: PlacementType;
  readonly hoursPerWeek: number;
  readonly ordinaryHoursFromStart: number;
  readonly tasks: string;
  readonly accommodationPossible: boolean;
  readonly registeredOn: string;
  readonly fromDate: string;
  readonly status: 'OPEN' | 'FILLED';
  readonly byUserId: string;
}

export interface CompanyContactPlan {
  readonly cvr: string;
  readonly kind: CompanyContactKind;
  readonly mode: 'IN_PERSON' | 'PHONE' | 'VIDEO' | 'MESSAGE';
  readonly on: string;
  readonly staffId: string;
}

export interface CompanySidePlan {
  readonly companies: readonly CompanyPlan[];
  readonly openings: readonly OpeningPlan[];
  readonly contacts: readonly CompanyContactPlan[];
}

/** The weeks of company contacts and openings the demo has: M14's four weeks and the four before (its trend). */
export const COMPANY_HISTORY_DAYS = 56;

const PEOPLE = [
  ['Bo Hansen', 'Lagerchef'],
  ['Lene Mortensen', 'Indehaver'],
  ['Ali Yilmaz', 'Driftsleder'],
  ['Karin Holm', 'Køkkenchef'],
  ['Jesper Dahl', 'Personalechef'],
] as const;
const OPEN_TO: readonly OpenTo[][] = [
  ['ORDINARY_HOURS', 'INTERNSHIP'],
  ['ORDINARY_HOURS', 'JOB'],
  ['INTERNSHIP', 'WAGE_SUBSIDY'],
  ['ORDINARY_HOURS', 'FLEXJOB', 'JOB'],
];

const plusDays = (iso: string, days: number): string =>
  DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate() ?? iso;
const isWeekday = (iso: string): boolean => DateTime.fromISO(iso, { zone: 'UTC' }).weekday <= 5;

/** Weekdays in [from, to) on which `staff` has a contact, about `perWeek` a week. */
function contactDays(rng: Prng, from: string, to: string, perWeek: number): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = plusDays(d, 1)) if (isWeekday(d) && rng.chance(perWeek / 5)) out.push(d);
  return out;
}

export function planCompanySide(
  rng: Prng,
  input: {
    readonly today: string;
    readonly historyStart: string;
    readonly konsulenter: readonly string[];
    readonly jobformidlere: readonly string[];
  },
): CompanySidePlan {
  const { today } = input;
  const from = plusDays(today, -COMPANY_HISTORY_DAYS);
  const owners = input.konsulenter.length > 0 ? input.konsulenter : input.jobformidlere;
  const companies: CompanyPlan[] = COMPANIES.map((c, i) => {
    const [name, role] = PEOPLE[i % PEOPLE.length]!;
    return {
      cvr: c.cvr,
      name: c.name,
      postcode: c.postcode,
      city: c.city,
      industry: c.industry,
      openTo: OPEN_TO[i % OPEN_TO.length]!,
      contactPerson: {
        name,
        role,
        phone: `86 ${String(rng.int(10, 99))} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))}`,
      },
      ownerId: owners[i % owners.length]!,
      addedOn: input.historyStart,
    };
  });

  const openings: OpeningPlan[] = COMPANIES.flatMap((c, i) => {
    const count = rng.int(1, 2);
    return Array.from({ length: count }, (): OpeningPlan => {
      const registeredOn = plusDays(from, rng.int(0, COMPANY_HISTORY_DAYS - 1));
      const hours = rng.int(15, 30);
      return {
        cvr: c.cvr,
        title: c.job,
        placementType: rng.weighted<PlacementType>({
          ORDINARY_PAID_HOURS: 45,
          INTERNSHIP_PLUS_ORDINARY_HOURS: 30,
          ORDINARY_EMPLOYMENT: 15,
          FLEXJOB: 10,
        }),
        hoursPerWeek: hours,
        ordinaryHoursFromStart: Math.min(hours, rng.int(0, 8)),
        tasks: 'Faste opgaver fra dag ét; flere og mere selvstændige opgaver, efterhånden som det går godt',
        accommodationPossible: rng.chance(0.5),
        registeredOn,
        fromDate: plusDays(registeredOn, rng.int(7, 30)),
        status: registeredOn < plusDays(today, -28) && rng.chance(0.5) ? 'FILLED' : 'OPEN',
        byUserId: rng.chance(0.7) ? companies[i]!.ownerId : rng.pick(input.jobformidlere),
      };
    });
  });

  const contactOf = (staffId: string, on: string, byKonsulent: boolean): CompanyContactPlan => {
    const kind = rng.weighted<CompanyContactKind>(
      byKonsulent
        ? { OUTREACH_VISIT: 35, COLD_CANVASS: 20, PHONE: 25, AFTERCARE_VISIT: 20 }
        : { OUTREACH_VISIT: 45, COLD_CANVASS: 10, PHONE: 35, AFTERCARE_VISIT: 10 },
    );
    return {
      cvr: rng.pick(COMPANIES).cvr,
      kind,
      mode: kind === 'PHONE' ? 'PHONE' : rng.weighted({ IN_PERSON: 90, VIDEO: 10 }),
      on,
      staffId,
    };
  };
  const contacts: CompanyContactPlan[] = [
    ...input.konsulenter.flatMap((k) => contactDays(rng, from, today, 3).map((on) => contactOf(k, on, true))),
    ...input.jobformidlere.flatMap((j) => contactDays(rng, from, today, 2).map((on) => contactOf(j, on, false))),
  ].sort((a, b) => a.on.localeCompare(b.on));
  return { companies, openings, contacts };
}

/** Employer follow-ups about a citizen in a placement: every four weeks of the placement, in the period. */
export function employerFollowUps(
  placement: { readonly startOn: string; readonly end?: { readonly on: string } | undefined },
  today: string,
): string[] {
  const from = plusDays(today, -COMPANY_HISTORY_DAYS);
  const until = placement.end?.on ?? today;
  const out: string[] = [];
  for (let d = plusDays(placement.startOn, 14); d < until && d < today; d = plusDays(d, 28)) {
    const day = isWeekday(d) ? d : plusDays(d, DateTime.fromISO(d, { zone: 'UTC' }).weekday === 6 ? 2 : 1);
    if (day >= from && day < today && day <= until) out.push(day);
  }
  return out;
}
