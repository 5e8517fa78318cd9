import type { Services } from '../../../services';
import { setRoles } from '../../../features/admin/set-roles';
import { actingAs } from '../lib/acting-as';
import { buildFeatures } from '../../../features/registry';
import { applyScreeningAndVisitation, at } from './apply-screening';
import { applyWork } from './apply-work';
import { applyCompanySide } from './apply-companies';
import { applyFollowThrough } from './apply-follow-through';
import type { MunicipalityPlan } from './plan';

export interface SeedReport {
  readonly created: number;
  readonly existed: number;
  /** Card actions sent as the jobformidlere (agreements, placements, hours, follow-ups). */
  readonly workActions: number;
  /** Card actions of the company side (companies, openings, company contacts). */
  readonly companyActions: number;
  readonly ms: number;
}

/**
 * Runs `work` over `items` with at most `limit` in flight (the embedded store is one process). After a
 * failure no new item is started and the ones in flight are let finish, so nothing is still writing
 * when the error reaches the caller.
 */
export async function inBatches<T>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length && failure === undefined) {
        const i = next++;
        try {
          await work(items[i]!, i);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure !== undefined) throw failure.error;
}

/**
 * Puts a planned municipality into a running app's store through its use cases: the key person
 * grants the staff their roles (as "roller" does), then every citizen is screened and visited, and
 * each group-1 citizen's planned work is clicked through the cards by their jobformidler. A case
 * that already exists is left alone, so a second run adds nothing.
 */
export async function seedMunicipality(
  services: Services,
  plan: MunicipalityPlan,
  options: { readonly concurrency?: number; readonly onProgress?: (done: number) => void } = {},
): Promise<SeedReport> {
  const started = performance.now();
  const grantDay = at(plan.cases[0]?.screening.on ?? plan.today, 8);
  const admin = actingAs(services, { tenantId: plan.tenantId, ...plan.admin }, grantDay);
  const everyone = new Map(
    [
      plan.admin,
      ...plan.screeners,
      ...plan.jobformidlere,
      ...plan.ledere,
      ...plan.konsulenter,
      ...(plan.caseworkers ?? []),
    ].map((s) => [s.userId, s]),
  );
  for (const member of everyone.values()) await setRoles(admin, member.userId, member.roles, member.displayName);

  let created = 0;
  let existed = 0;
  let workActions = 0;
  const { router } = buildFeatures();
  // Companies first: the agreements made with them later link to these records (one company per CVR).
  const companyActions = await applyCompanySide(services, router, plan);
  await inBatches(plan.cases, options.concurrency ?? 8, async (c, i) => {
    const outcome = await applyScreeningAndVisitation(services, plan, c, i);
    if (outcome === 'created') {
      created++;
      const sent = await applyWork(services, router, plan, c);
      // Awaited before adding: `total += await x` reads the total first and loses the other citizens' counts.
      const followThrough = await applyFollowThrough(services, router, plan, c);
      workActions += sent + followThrough;
    } else existed++;
    options.onProgress?.(created + existed);
  });
  return { created, existed, workActions, companyActions, ms: performance.now() - started };
}
