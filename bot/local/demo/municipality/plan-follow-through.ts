import { DateTime } from 'luxon';
import type { RehabRecommendation, ReassignmentReason } from '../../../domain/case';
import type { Role } from '../../../domain/roles';
import { Prng } from '../lib/prng';

/**
 * Every citizen's follow-through in the synthetic municipality (issue 15), planned on top of the
 * screening, visitation and group 1 work (plan.ts, plan-work.ts) from its own seeded stream, so the
 * rest of the municipality stays the same for the same seed:
 * - group 2 gets an owner (a myndighedssagsbehandler, about 40 cases each); the rehabilitation team
 *   meeting is held on its date when that has passed, about 3 in 4 get a recommendation 1–3 weeks
 *   later (FSM: "næsten tre ud af fire borgere i rehabiliteringsgruppen (gruppe 2) blevet afklaret
 *   videre"), and a recommended case is closed to it 2–4 weeks after;
 * - a few group 1 cases (about 3 %, at least one) move to another jobformidler the day after their
 *   last planned event, asked by their jobformidler and accepted by the colleague;
 * - a few group 1 cases (about 4 %, at least one) close for a job the day after their last event,
 *   with one to three aftercare contacts in the following months.
 */
export interface RehabFollowThrough {
  /** The meeting was held (its planned date, in the past). */
  readonly heldOn?: string;
  readonly recommendation?: RehabRecommendation;
  readonly recommendedOn?: string;
  /** Closed to the recommendation on this day. */
  readonly closedOn?: string;
}

export interface G1FollowThrough {
  /** Handed to another jobformidler (request and acceptance the same day). */
  readonly transfer?: { readonly on: string; readonly toJobformidlerId: string; readonly reason: ReassignmentReason };
  /** Closed for a job, then aftercare contacts. */
  readonly closedForJob?: { readonly on: string; readonly aftercare: readonly string[] };
}

const plusDays = (iso: string, days: number): string =>
  DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate() ?? iso;
const weekday = (iso: string): string => {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  return d.weekday >= 6 ? plusDays(iso, 8 - d.weekday) : iso;
};

export const CASEWORKER_LOAD = 40;

export function caseworkerStaff(
  seed: number,
  g2Cases: number,
): { userId: string; displayName: string; roles: Role[] }[] {
  const rng = new Prng(seed + 104_729);
  return Array.from({ length: Math.max(1, Math.ceil(g2Cases / CASEWORKER_LOAD)) }, (_, i) => ({
    userId: rng.guid(),
    displayName: `Myndighedssagsbehandler ${i + 1} (demodata)`,
    roles: ['myndighedssagsbehandler'],
  }));
}

export function planRehab(rng: Prng, meetingAt: string, today: string): RehabFollowThrough {
  if (meetingAt >= today) return {};
  if (!rng.chance(0.75)) return { heldOn: meetingAt };
  const recommendedOn = weekday(plusDays(meetingAt, rng.int(7, 21)));
  if (recommendedOn > today) return { heldOn: meetingAt };
  const recommendation = rng.weighted<RehabRecommendation>({
    RESOURCE_COURSE: 45,
    FLEXJOB: 30,
    DISABILITY_PENSION: 10,
    JOB_CLARIFICATION_COURSE: 10,
    OTHER: 5,
  });
  const closedOn = weekday(plusDays(recommendedOn, rng.int(14, 28)));
  return {
    heldOn: meetingAt,
    recommendation,
    recommendedOn,
    ...(closedOn <= today && recommendation !== 'OTHER' ? { closedOn } : {}),
  };
}

/** Which group 1 cases move or close for a job: a few, at least one of each when there are enough. */
export function planG1FollowThrough(
  seed: number,
  cases: readonly { readonly index: number; readonly lastEventOn: string; readonly jobformidlerId: string }[],
  jobformidlerIds: readonly string[],
  today: string,
): Map<number, G1FollowThrough> {
  const rng = new Prng(seed + 15_485_863);
  const out = new Map<number, G1FollowThrough>();
  // Only cases whose last event leaves room before today for what follows.
  const eligible = rng.shuffle(cases.filter((c) => plusDays(c.lastEventOn, 2) < today));
  const transfers = jobformidlerIds.length > 1 ? Math.max(1, Math.round(cases.length * 0.03)) : 0;
  const closures = Math.max(1, Math.round(cases.length * 0.04));
  for (const c of eligible.slice(0, transfers)) {
    const others = jobformidlerIds.filter((j) => j !== c.jobformidlerId);
    out.set(c.index, {
      transfer: {
        on: plusDays(c.lastEventOn, 1),
        toJobformidlerId: rng.pick(others),
        reason: rng.weighted<ReassignmentReason>({ ILLNESS_OR_LEAVE: 40, CASELOAD_BALANCE: 40, CITIZEN_WISH: 20 }),
      },
    });
  }
  for (const c of eligible.slice(transfers, transfers + closures)) {
    const on = plusDays(c.lastEventOn, 1);
    const aftercare: string[] = [];
    for (let d = weekday(plusDays(on, rng.int(14, 35))); d <= today && aftercare.length < 3;) {
      aftercare.push(d);
      d = weekday(plusDays(d, rng.int(21, 45)));
    }
    out.set(c.index, { closedForJob: { on, aftercare } });
  }
  return out;
}
