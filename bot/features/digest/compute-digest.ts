import type { TenantSettings } from '../../domain/tenant-settings';
import type { Services } from '../../services';
import { DigestRunRepository } from '../../store/digest-run-repository';
import type { DigestScope } from '../../store/digest-subscription-repository';
import { addIsoWeeks, dayNumber, isoDateOf, type DigestWeek } from './calendar';
import { caseFactsPages, companyActivityPages, sensitiveFactsPages, type ReadStats } from './facts-reader';

/** M14 counts the last 4 weeks and the 4 before (its trend). */
const COMPANY_WINDOW_DAYS = 56;
import { SCREENING_WINDOW_DAYS } from './metrics/flow';
import {
  createDigestAccumulator,
  TREND_WEEKS,
  type DigestComputation,
  type TrendPoint,
} from './metrics/digest-metrics';
import { presentDigest } from './present';
import type { DigestView } from './view-rules';
import { fidelityDigestView, fidelityForDigest, type FidelityDigest } from '../fidelity/digest-fidelity';

/**
 * Computes one digest: streams the scope's case facts and then the sensitive facts through the
 * metrics, page by page (memory stays flat as the municipality grows), and builds the 12-week M1
 * trend from stored weekly snapshots, recomputing only weeks that have none yet.
 *
 * Callers audit the read (purpose management_information): the preview through its guard, the
 * scheduled job with one system entry per computation.
 */
export interface ScopeSpec {
  readonly scope: DigestScope;
  /** The snapshot series: "municipality", or "team:<subscription id>". */
  readonly scopeKey: string;
  /** Team scope: only cases assigned to these jobformidlere. */
  readonly jobformidlerIds?: readonly string[];
  /** Team scope: the team (its fidelity rounds give M21). */
  readonly teamId?: string;
}

export interface ComputedDigest {
  readonly week: DigestWeek;
  readonly spec: ScopeSpec;
  readonly settings: TenantSettings;
  readonly computation: DigestComputation;
  /** Oldest first; the last point is this week. */
  readonly trend: readonly TrendPoint[];
  readonly stats: ReadStats;
  /** M21: the latest closed fidelity rounds (kept apart from the case facts; they are team sums). */
  readonly fidelity: FidelityDigest;
}

export async function computeDigest(
  services: Pick<Services, 'store' | 'directory'>,
  tenantId: string,
  spec: ScopeSpec,
  week: DigestWeek,
): Promise<ComputedDigest> {
  const settings = await services.directory.getSettings(tenantId);
  const acc = createDigestAccumulator({ asOf: week.asOf, isoWeek: week.isoWeek, settings });
  const stats: ReadStats = { read: 0, skipped: 0 };
  const inScope = spec.jobformidlerIds !== undefined ? new Set<string>() : undefined;
  const filter = spec.jobformidlerIds !== undefined ? { jobformidlerIds: spec.jobformidlerIds } : {};
  for await (const page of caseFactsPages(services.store, tenantId, filter, stats)) {
    for (const facts of page) {
      acc.addCase(facts);
      inScope?.add(facts.caseRef);
    }
  }
  // The company side: the last 8 weeks (M14 and its trend, M15); a team sees its own members' activity.
  const members = spec.jobformidlerIds !== undefined ? new Set(spec.jobformidlerIds) : undefined;
  const companySince = isoDateOf(dayNumber(week.asOf) - COMPANY_WINDOW_DAYS);
  for await (const page of companyActivityPages(services.store, tenantId, companySince, stats)) {
    for (const activity of page)
      if (members === undefined || members.has(activity.staffId)) acc.addCompanyActivity(activity);
  }
  const screenedSince = isoDateOf(dayNumber(week.asOf) - SCREENING_WINDOW_DAYS);
  for await (const page of sensitiveFactsPages(services.store, tenantId, screenedSince, stats)) {
    for (const facts of page) if (inScope === undefined || inScope.has(facts.caseRef)) acc.addSensitive(facts);
  }
  const computation = acc.result();
  const runs = new DigestRunRepository(services.store);
  const earlier = await Promise.all(
    computation.m1History.map(async (point): Promise<TrendPoint> => {
      // A snapshot that cannot be read (an older format, a bad write) must not stop the digest: that
      // week is recomputed from today's facts instead.
      const snapshot = await runs.getSnapshot(tenantId, spec.scopeKey, point.isoWeek).catch(() => undefined);
      return snapshot ? { isoWeek: point.isoWeek, share: snapshot.aggregates.m1.share } : point;
    }),
  );
  const trend = [...earlier, { isoWeek: week.isoWeek, share: computation.aggregates.m1.share }];
  if (trend.length !== TREND_WEEKS || trend[0]?.isoWeek !== addIsoWeeks(week.isoWeek, 1 - TREND_WEEKS))
    throw new Error('Digest trend is not the 12 weeks up to this week');
  const fidelity = await fidelityForDigest(services.store, tenantId, spec.teamId, week.asOf);
  return { week, spec, settings, computation, trend, stats, fidelity };
}

export function digestView(computed: ComputedDigest): DigestView {
  const { settings } = computed;
  const view = presentDigest({
    aggregates: computed.computation.aggregates,
    trend: computed.trend,
    k: settings.kSuppression,
    target: settings.g1CompanyShareTarget,
    caseloadBand: settings.caseloadBand,
    companyContactShareBand: settings.companyContactShareBand,
  });
  return { ...view, fidelity: fidelityDigestView(computed.fidelity, view) };
}
