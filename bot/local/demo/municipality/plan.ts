import { DateTime } from 'luxon';
import type { Role } from '../../../domain/roles';
import type { VisitationGroup } from '../../../domain/case';
import type { GatewayAnswer, WgAnswer, WgDomain } from '../../../features/screening/questionnaire-rules';
import { WG_DOMAINS } from '../../../features/screening/questionnaire-rules';
import type { RationaleCode, G3Recipient } from '../../../features/visitation/rules';
import { Prng } from '../lib/prng';
import { planWork, type WorkPlan } from './plan-work';
import { planCompanySide, type CompanySidePlan } from './plan-companies';
import {
  caseworkerStaff,
  planG1FollowThrough,
  planRehab,
  type G1FollowThrough,
  type RehabFollowThrough,
} from './plan-follow-through';

/**
 * The synthetic municipality as a pure plan: who works there and what happened to each citizen,
 * drawn from a seeded PRNG with the programmes' figures (domain-research §2, §6). Applying it to a
 * store (apply-*.ts) goes through the app's own use cases; the plan itself does no I/O, so the same
 * seed always gives the same municipality.
 *
 * Figures used (defaults, shaped by the seeds, not official statistics):
 * - Screening outcomes: ~13 % report an impairment that matters for work (handicap II: "13 %" of
 *   ~15,000 screened), a few more with a severe WG domain but no job impact; ~5 % decline.
 * - Visitation: group 1 about 60 %, group 2 about 22 %, group 3 about 12 %, outside the target group 6 %.
 * - Caseload: enough jobformidlere that each has 30–40 active group-1 citizens (FSM: "30-40 sager").
 * - Visitation conversation 3–14 days after screening; first job conversation 2–21 days later
 *   (seed 000 names this as the bottleneck: some wait longer).
 */
export interface StaffMember {
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export interface ScreeningPlan {
  /** The Danish business day the screening starts (YYYY-MM-DD). */
  readonly on: string;
  readonly mode: 'IN_PERSON' | 'PHONE' | 'VIDEO';
  readonly participation: 'YES' | 'NO';
  readonly gateway: GatewayAnswer;
  readonly wg: Readonly<Record<WgDomain, WgAnswer>>;
  /** Indices into the questionnaire's options (so a renamed code does not break the plan). */
  readonly accommodationPicks: readonly number[];
  readonly hkoPicks: readonly number[];
  /** The screener sometimes records another outcome than the suggested one (art. 22: the human decides). */
  readonly overrideOutcome: boolean;
  /** Left open after this many steps ("save and continue later"), for recent screenings. */
  readonly pausedAfterSteps?: number;
}

export interface VisitationPlan {
  readonly conversationAt: string;
  readonly group: VisitationGroup;
  readonly rationale: RationaleCode;
  /** Group 1. */
  readonly jobformidlerId?: string;
  readonly firstJobConversationAt?: string;
  /** Group 2. */
  readonly rehabTeamMeetingAt?: string;
  /** Group 2: the owner (a myndighedssagsbehandler). */
  readonly ownerId?: string;
  /** Group 3. */
  readonly recipient?: G3Recipient;
  readonly notificationDate?: string;
}

export interface CasePlan {
  readonly caseNumber: string;
  readonly screenerId: string;
  readonly screening: ScreeningPlan;
  /** Absent while the visitation conversation is still ahead (or the screening is unfinished). */
  readonly visitation?: VisitationPlan;
  /** Group 1: the jobformidler's work with the citizen up to today. */
  readonly work?: WorkPlan;
  /** Group 2: the rehabilitation team meeting, recommendation and closing (plan-follow-through.ts). */
  readonly rehab?: RehabFollowThrough;
  /** Group 1: a move to another jobformidler, or closing for a job with aftercare. */
  readonly followThrough?: G1FollowThrough;
}

export interface MunicipalityPlan {
  readonly seed: number;
  readonly tenantId: string;
  readonly today: string;
  /** The key person who grants the roles (and in whose name nothing else is done). */
  readonly admin: StaffMember;
  readonly screeners: readonly StaffMember[];
  readonly jobformidlere: readonly StaffMember[];
  readonly ledere: readonly StaffMember[];
  /** Owners of group 2 cases. */
  readonly caseworkers?: readonly StaffMember[];
  readonly cases: readonly CasePlan[];
  /** Company consultants: the companies, their openings and most company contacts are theirs. */
  readonly konsulenter: readonly StaffMember[];
  readonly companySide: CompanySidePlan;
}

export interface PlanOptions {
  readonly cases: number;
  readonly seed: number;
  readonly tenantId: string;
  /** Business date the municipality is seen from (YYYY-MM-DD). */
  readonly today: string;
  /** How far back citizens arrive (days); arrivals are spread evenly over this window. */
  readonly historyDays?: number;
  /** Staff who must exist with these roles (e.g. the Playground user, so `npm start` shows data). */
  readonly featuredUser?: {
    readonly userId: string;
    readonly displayName: string;
    /** Default: screener, jobformidler and leder. */
    readonly roles?: readonly Role[];
  };
  /**
   * Real people who take the places of drawn staff (jobformidlere first, then screeners, then
   * leaders), keeping their roles: the Playground's colleagues, so the demo shows them by name.
   */
  readonly colleagues?: readonly { readonly userId: string; readonly displayName: string }[];
  /** Mean active group-1 caseload per jobformidler (FSM: 30–40). */
  readonly caseloadTarget?: number;
}

const FIRST = [
  'Anne',
  'Mette',
  'Lars',
  'Søren',
  'Hanne',
  'Jens',
  'Louise',
  'Mads',
  'Camilla',
  'Peter',
  'Sofie',
  'Rasmus',
];
const LAST = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen'];

const addDays = (iso: string, days: number): string =>
  DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate() ?? iso;

/** Moves a date off the weekend (conversations are held on weekdays). */
function weekday(iso: string): string {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  return d.weekday === 6 ? addDays(iso, 2) : d.weekday === 7 ? addDays(iso, 1) : iso;
}

type Profile = 'DECLINED' | 'WITH_JOB_IMPACT' | 'NO_JOB_IMPACT' | 'NO_INDICATION';

function wgAnswers(rng: Prng, profile: Profile): Record<WgDomain, WgAnswer> {
  const out = {} as Record<WgDomain, WgAnswer>;
  for (const domain of WG_DOMAINS)
    out[domain] = rng.weighted<WgAnswer>(
      profile === 'NO_INDICATION'
        ? {
            NO_DIFFICULTY: 80,
            SOME_DIFFICULTY: 17,
            DONT_KNOW: 2,
            REFUSED: 1,
            A_LOT_OF_DIFFICULTY: 0,
            CANNOT_DO_AT_ALL: 0,
          }
        : {
            NO_DIFFICULTY: 45,
            SOME_DIFFICULTY: 30,
            A_LOT_OF_DIFFICULTY: 18,
            CANNOT_DO_AT_ALL: 3,
            DONT_KNOW: 3,
            REFUSED: 1,
          },
    );
  if (profile === 'NO_JOB_IMPACT') out[rng.pick(WG_DOMAINS)] = 'A_LOT_OF_DIFFICULTY';
  return out;
}

function screeningPlan(rng: Prng, on: string, today: string): ScreeningPlan {
  const profile = rng.weighted<Profile>({ DECLINED: 5, WITH_JOB_IMPACT: 13, NO_JOB_IMPACT: 7, NO_INDICATION: 75 });
  const indication = profile === 'WITH_JOB_IMPACT' || profile === 'NO_JOB_IMPACT';
  const picks = (max: number, n: number): number[] => [...new Set(Array.from({ length: n }, () => rng.int(0, max)))];
  const recent = addDays(today, -7) <= on;
  return {
    on,
    mode: rng.weighted({ IN_PERSON: 70, PHONE: 20, VIDEO: 10 }),
    participation: profile === 'DECLINED' ? 'NO' : 'YES',
    gateway: profile === 'WITH_JOB_IMPACT' ? rng.weighted({ YES: 90, DONT_KNOW: 10 }) : 'NO',
    wg: wgAnswers(rng, profile),
    accommodationPicks: indication ? picks(4, rng.int(1, 3)) : [],
    hkoPicks: profile === 'WITH_JOB_IMPACT' && rng.chance(0.6) ? picks(3, rng.int(1, 2)) : [],
    overrideOutcome: profile !== 'DECLINED' && rng.chance(0.03),
    ...(recent && rng.chance(0.25) ? { pausedAfterSteps: rng.int(1, 5) } : {}),
  };
}

function visitationGroup(rng: Prng, screening: ScreeningPlan): VisitationGroup {
  const impact = screening.gateway === 'YES';
  return rng.weighted<VisitationGroup>(
    impact
      ? { G1_INTERVENTION: 52, G2_REHABILITATION: 32, G3_NOT_EMPLOYMENT_READY: 12, OUT_OF_SCOPE: 4 }
      : { G1_INTERVENTION: 61, G2_REHABILITATION: 20, G3_NOT_EMPLOYMENT_READY: 12, OUT_OF_SCOPE: 7 },
  );
}

function visitationPlan(rng: Prng, group: VisitationGroup, at: string, impact: boolean): VisitationPlan {
  switch (group) {
    case 'G1_INTERVENTION':
      return {
        conversationAt: at,
        group,
        rationale: impact ? 'NEEDS_ACCOMMODATION' : 'READY_FOR_ORDINARY_HOURS',
        // 2–14 days for most; a tail waits up to three weeks (the bottleneck seed 000 describes).
        firstJobConversationAt: weekday(addDays(at, rng.chance(0.8) ? rng.int(2, 14) : rng.int(15, 21))),
      };
    case 'G2_REHABILITATION':
      return {
        conversationAt: at,
        group,
        rationale: 'NEEDS_REHABILITATION_CLARIFICATION',
        rehabTeamMeetingAt: weekday(addDays(at, rng.int(21, 70))),
      };
    case 'G3_NOT_EMPLOYMENT_READY': {
      const recipient = rng.weighted<G3Recipient>({ SOCIAL_SERVICES: 60, OTHER_ADMINISTRATION: 15, NOT_RELEVANT: 25 });
      return {
        conversationAt: at,
        group,
        rationale: 'SEVERE_SOCIAL_OR_HEALTH',
        recipient,
        ...(recipient !== 'NOT_RELEVANT' ? { notificationDate: weekday(addDays(at, rng.int(0, 10))) } : {}),
      };
    }
    case 'OUT_OF_SCOPE':
      return { conversationAt: at, group, rationale: rng.pick(['OTHER_BENEFIT_OR_PROGRAMME', 'CITIZEN_DECLINED']) };
  }
}

function staff(rng: Prng, n: number, roles: readonly Role[], title: string): StaffMember[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: rng.guid(),
    displayName: `${rng.pick(FIRST)} ${rng.pick(LAST)} (${title} ${i + 1})`,
    roles,
  }));
}

/** Spreads `items` over `owners` as evenly as possible, in a shuffled order. */
function balanced<T>(rng: Prng, items: readonly T[], owners: number): Map<T, number> {
  const out = new Map<T, number>();
  rng.shuffle(items).forEach((item, i) => out.set(item, i % owners));
  return out;
}

export function planMunicipality(options: PlanOptions): MunicipalityPlan {
  const rng = new Prng(options.seed);
  const historyDays = options.historyDays ?? 540;
  const target = options.caseloadTarget ?? 35;
  const { today } = options;

  // Arrivals first: everything else (staff numbers, caseloads) follows from them.
  const drafts = Array.from({ length: options.cases }, (_, i) => {
    const on = weekday(addDays(today, -Math.floor(((options.cases - i) / options.cases) * historyDays)));
    const screening = screeningPlan(rng, on > today ? today : on, today);
    const visitAt = weekday(addDays(screening.on, rng.int(3, 14)));
    // A declined screening closes the case at once (issue 12 item 3): no visitation follows it.
    const decided = screening.pausedAfterSteps === undefined && visitAt <= today && screening.participation === 'YES';
    const group = visitationGroup(rng, screening);
    return { i, screening, visitAt, decided, group, visitRng: rng.next() };
  });

  const g1 = drafts.filter((d) => d.decided && d.group === 'G1_INTERVENTION');
  // At least two as soon as there is work for two, so continuity and moving cases between them show.
  const jobformidlerCount = Math.max(g1.length >= 20 ? 2 : 1, Math.round(g1.length / target));
  const screenerCount = Math.max(2, Math.round(options.cases / 120));
  const ledere = staff(rng, Math.max(1, Math.ceil(jobformidlerCount / 8)), ['leder'], 'leder');
  const screeners = staff(rng, screenerCount, ['screener'], 'screener');
  const jobformidlere = staff(rng, jobformidlerCount, ['jobformidler'], 'jobformidler');
  const admin: StaffMember = { userId: rng.guid(), displayName: 'Nøgleperson (demodata)', roles: ['admin'] };
  if (options.featuredUser !== undefined) {
    // The featured user screens and follows up, and leads (so every command has something to show).
    const featured = {
      userId: options.featuredUser.userId,
      displayName: options.featuredUser.displayName,
      roles: options.featuredUser.roles ?? (['screener', 'jobformidler', 'leder', 'virksomhedskonsulent'] as Role[]),
    };
    screeners[0] = featured;
    jobformidlere[0] = featured;
  }
  const named = [...(options.colleagues ?? [])];
  for (const list of [jobformidlere, screeners, ledere])
    for (let i = 0; i < list.length && named.length > 0; i++)
      if (list[i]!.userId !== options.featuredUser?.userId) list[i] = { ...named.shift()!, roles: list[i]!.roles };
  const owner = balanced(
    rng,
    g1.map((d) => d.i),
    jobformidlerCount,
  );

  const cases: CasePlan[] = drafts.map((d) => {
    const caseRng = new Prng(Math.floor(d.visitRng * 2 ** 32));
    const base = {
      caseNumber: `DEMO-${options.seed}-${String(d.i + 1).padStart(5, '0')}`,
      screenerId: screeners[d.i % screeners.length]!.userId,
      screening: d.screening,
    };
    if (!d.decided) return base;
    const v = visitationPlan(caseRng, d.group, d.visitAt, d.screening.gateway === 'YES');
    const jf = owner.get(d.i);
    if (jf === undefined || v.firstJobConversationAt === undefined) return { ...base, visitation: v };
    const work = planWork(caseRng, v.firstJobConversationAt, today);
    return {
      ...base,
      visitation: { ...v, jobformidlerId: jobformidlere[jf]!.userId },
      ...(work !== undefined ? { work } : {}),
    };
  });

  // The company side draws from its own stream, so adding it left every citizen of a seed as it was.
  const companyRng = new Prng(options.seed * 7919 + 17);
  const konsulenter = staff(
    companyRng,
    Math.max(1, Math.round(jobformidlerCount / 3)),
    ['virksomhedskonsulent'],
    'virksomhedskonsulent',
  );
  const companySide = planCompanySide(companyRng, {
    today,
    historyStart: drafts[0]?.screening.on ?? today,
    konsulenter: konsulenter.map((k) => k.userId),
    jobformidlere: jobformidlere.map((j) => j.userId),
  });
  return withFollowThrough({
    seed: options.seed,
    tenantId: options.tenantId,
    today,
    admin,
    screeners,
    jobformidlere,
    ledere,
    cases,
    konsulenter,
    companySide,
  });
}

/** The day a group 1 citizen's planned work last did something (a contact, a week's hours logged, a placement). */
function lastEventOf(work: WorkPlan): string {
  const days = [work.startOn, ...work.contacts.map((c) => c.on)];
  const p = work.placement;
  if (p !== undefined) {
    days.push(p.startOn, ...(p.end !== undefined ? [p.end.on] : []));
    for (const w of p.weeks) days.push(DateTime.fromISO(w.monday, { zone: 'UTC' }).plus({ days: 7 }).toISODate()!);
  }
  return days.sort().at(-1)!;
}

/** Adds owners and the rehabilitation track to group 2, and a few moves and closings for a job to group 1. */
function withFollowThrough(plan: MunicipalityPlan): MunicipalityPlan {
  const g2 = plan.cases.filter((c) => c.visitation?.group === 'G2_REHABILITATION');
  const caseworkers = caseworkerStaff(plan.seed, g2.length);
  const rehabRng = new Prng(plan.seed + 32_452_843);
  const g1 = plan.cases.flatMap((c, index) =>
    c.work !== undefined && c.visitation?.jobformidlerId !== undefined
      ? [{ index, lastEventOn: lastEventOf(c.work), jobformidlerId: c.visitation.jobformidlerId }]
      : [],
  );
  const g1Plans = planG1FollowThrough(
    plan.seed,
    g1,
    plan.jobformidlere.map((j) => j.userId),
    plan.today,
  );
  let g2Index = 0;
  const cases = plan.cases.map((c, index): CasePlan => {
    const v = c.visitation;
    if (v?.group === 'G2_REHABILITATION' && v.rehabTeamMeetingAt !== undefined) {
      const ownerId = caseworkers[g2Index++ % caseworkers.length]!.userId;
      return { ...c, visitation: { ...v, ownerId }, rehab: planRehab(rehabRng, v.rehabTeamMeetingAt, plan.today) };
    }
    const followThrough = g1Plans.get(index);
    return followThrough !== undefined ? { ...c, followThrough } : c;
  });
  return { ...plan, caseworkers, cases };
}

/** The counts a reader checks the plan against the figures with. */
export function describePlan(plan: MunicipalityPlan): Record<string, number> {
  const count = (f: (c: CasePlan) => boolean): number => plan.cases.filter(f).length;
  return {
    cases: plan.cases.length,
    screeningsOpen: count((c) => c.screening.pausedAfterSteps !== undefined),
    awaitingVisitation: count(
      (c) =>
        c.screening.pausedAfterSteps === undefined && c.visitation === undefined && c.screening.participation === 'YES',
    ),
    declined: count((c) => c.screening.participation === 'NO'),
    g1: count((c) => c.visitation?.group === 'G1_INTERVENTION'),
    g2: count((c) => c.visitation?.group === 'G2_REHABILITATION'),
    g3: count((c) => c.visitation?.group === 'G3_NOT_EMPLOYMENT_READY'),
    outOfScope: count((c) => c.visitation?.group === 'OUT_OF_SCOPE'),
    g1WithPlacement: count((c) => c.work?.placement !== undefined),
    g1PlacementsActive: count((c) => c.work?.placement !== undefined && c.work.placement.end === undefined),
    weeksOfHours: plan.cases.reduce((s, c) => s + (c.work?.placement?.weeks.length ?? 0), 0),
    contacts: plan.cases.reduce((s, c) => s + (c.work?.contacts.length ?? 0), 0),
    screeners: plan.screeners.length,
    jobformidlere: plan.jobformidlere.length,
    ledere: plan.ledere.length,
    konsulenter: plan.konsulenter.length,
    companies: plan.companySide.companies.length,
    openings: plan.companySide.openings.length,
    companyContacts: plan.companySide.contacts.length,
    caseworkers: plan.caseworkers?.length ?? 0,
    g2Recommended: count((c) => c.rehab?.recommendation !== undefined),
    g2Closed: count((c) => c.rehab?.closedOn !== undefined),
    transfers: count((c) => c.followThrough?.transfer !== undefined),
    closedForJob: count((c) => c.followThrough?.closedForJob !== undefined),
    aftercareContacts: plan.cases.reduce((s, c) => s + (c.followThrough?.closedForJob?.aftercare.length ?? 0), 0),
  };
}
