import { ROLES, type Role } from '../../domain/roles';
import type { Notifier, Services } from '../../services';
import { PLAYGROUND_OTHER_USERS } from '../playground-config';
import { planMunicipality, describePlan, type MunicipalityPlan } from './municipality/plan';
import { seedMunicipality, type SeedReport } from './municipality/seed-municipality';

/**
 * "Prøv med et demo-jobcenter": a small synthetic municipality for the person trying Fremdrift
 * locally, recorded through the app's own use cases (bot/local/demo/municipality). Small on purpose:
 * it is built while the user waits (about half a minute on the embedded store; docs/benchmarks.md),
 * yet big enough that every card has something to show. The person gets every role and a caseload of
 * their own; the Playground's colleagues (playground-config.ts) are the other jobformidlere,
 * screeners and the leader, with their names.
 */
export const DEMO = { cases: 40, seed: 1, historyDays: 180, caseloadTarget: 8 } as const;

export interface DemoUser {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
}

export function demoPlan(user: DemoUser, today: string): MunicipalityPlan {
  const you = { userId: user.userId, displayName: user.displayName, roles: ROLES };
  const plan = planMunicipality({
    cases: DEMO.cases,
    seed: DEMO.seed,
    tenantId: user.tenantId,
    today,
    historyDays: DEMO.historyDays,
    caseloadTarget: DEMO.caseloadTarget,
    featuredUser: you,
    colleagues: PLAYGROUND_OTHER_USERS.filter((u) => u.aadObjectId !== user.userId).map((u) => ({
      userId: u.aadObjectId,
      displayName: u.name,
    })),
  });
  // The person trying it grants the roles (as "roller" would), so the audit log shows their own role changes.
  return { ...plan, admin: you };
}

export interface DemoSummary {
  readonly report: SeedReport;
  readonly cases: number;
  /** Citizens in the user's own caseload (Mine borgere). */
  readonly yours: number;
  readonly colleagues: readonly { readonly name: string; readonly roles: readonly Role[] }[];
}

/**
 * The demo records months of history in half a minute: the messages the app sent back then (a
 * handover's "Ny borger til dig" to the jobformidler) are not sent now, or the user's chat would
 * fill with a message per citizen before the "ready" card.
 */
const historyNotifier: Notifier = {
  sendToUser: async () => ({ status: 'no_reference' }),
  sendToConversation: async () => ({ status: 'no_reference' }),
  postToChannel: async () => ({ status: 'no_reference' }),
  updateMessage: async () => ({ status: 'no_reference' }),
  teamMemberIds: async () => undefined,
};

export async function buildDemo(services: Services, plan: MunicipalityPlan): Promise<DemoSummary> {
  // Two at a time: the embedded store is one process, and more in flight only queue there (and, on a
  // busy machine, run into the store's per-operation timeout).
  const report = await seedMunicipality({ ...services, notifier: historyNotifier }, plan, { concurrency: 2 });
  const you = plan.admin.userId;
  const staff = new Map(
    [...plan.jobformidlere, ...plan.screeners, ...plan.ledere]
      .filter((s) => s.userId !== you)
      .map((s) => [s.userId, { name: s.displayName, roles: [...s.roles] }]),
  );
  return {
    report,
    cases: describePlan(plan).cases ?? plan.cases.length,
    yours: plan.cases.filter((c) => c.visitation?.jobformidlerId === you).length,
    colleagues: [...staff.values()],
  };
}
