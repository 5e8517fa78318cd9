import { z } from 'zod';
import type { IndicatorSet } from '../../domain/indicator-set';
import type { TenantSettings } from '../../domain/tenant-settings';
import type { CaseDoc } from '../../store/case-repository';
import { queryAll } from '../../store/documents';
import { AgreementRepository } from '../../store/agreement-repository';
import { ProgressionRepository, type ProgressionMeasurementDoc } from '../../store/progression-repository';
import type { Store } from '../../store/cosmos-store';
import type { HandlerContext } from '../feature';
import { g1StartOf, withCase } from './case-access';
import { IndicatorSetCatalogue } from './indicator-sets';
import { businessDate } from '../../domain/calendar';
import { IsoDateSchema } from '../../domain/case';
import {
  nextAgreedStep,
  compareMeasurements,
  comparablePair,
  nextProgressionDue,
  progressionDueState,
  type Comparison,
  type DueState,
} from './rules';

/**
 * What the overview card and the citizen's version show for one case: the latest measurement, the
 * baseline it is compared with (same set version only), the open draft, the cadence, and the
 * ordinary hours per week from the case-facts projection.
 */
export interface HoursWeek {
  readonly isoWeek: string;
  readonly ordinaryHours: number;
}

export interface ProgressionOverview {
  readonly caseRef: string;
  readonly latest?: ProgressionMeasurementDoc | undefined;
  readonly latestSet?: IndicatorSet | undefined;
  readonly baseline?: ProgressionMeasurementDoc | undefined;
  /** Present when latest and baseline exist (always on the same version). */
  readonly comparison?: Extract<Comparison, { ok: true }> | undefined;
  /** Earlier measurements on other set versions exist and were left out. */
  readonly otherVersions: boolean;
  readonly draft?: { readonly doc: ProgressionMeasurementDoc; readonly set: IndicatorSet } | undefined;
  readonly completedCount: number;
  readonly due: DueState;
  readonly nextDue?: string | undefined;
  readonly weeks: readonly HoursWeek[];
  readonly settings: TenantSettings;
  /** Only for the citizen's version: the next step agreed in the work agreement. */
  readonly nextAgreedStep?: string | undefined;
}

/** Only the part of the case-facts projection this feature shows; its owner may add fields freely. */
const FactsWeeksSchema = z.object({
  type: z.literal('case_facts'),
  weeks: z.array(z.object({ isoWeek: z.string(), ordinaryHours: z.number() })),
  firstJobConversationAt: z.string().optional(),
});

/** The ordinary hours per week and the first job conversation held, from the case-facts projection. */
async function factsOf(
  store: Store,
  tenantId: string,
  caseRef: string,
): Promise<{ weeks: HoursWeek[]; firstJobConversationAt?: string | undefined }> {
  const facts = await queryAll(
    store.containers.cases,
    {
      query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @ref AND c.type = "case_facts"',
      parameters: [
        { name: '@t', value: tenantId },
        { name: '@ref', value: caseRef },
      ],
    },
    FactsWeeksSchema,
  );
  return {
    weeks: facts[0]?.weeks.map((w) => ({ isoWeek: w.isoWeek, ordinaryHours: w.ordinaryHours })) ?? [],
    firstJobConversationAt: facts[0]?.firstJobConversationAt,
  };
}

export async function loadOverview(
  ctx: HandlerContext,
  caseRef: string,
  auditAction: 'progression.read' | 'progression.citizen_view',
): Promise<ProgressionOverview> {
  return withCase(ctx, caseRef, { kind: 'read', auditAction }, async (caseDoc: CaseDoc) => {
    const tenantId = ctx.actor.tenantId;
    const citizenView = auditAction === 'progression.citizen_view';
    const [all, settings, facts, agreements] = await Promise.all([
      new ProgressionRepository(ctx.services.store).listForCase(tenantId, caseRef),
      ctx.services.directory.getSettings(tenantId),
      factsOf(ctx.services.store, tenantId, caseRef),
      citizenView ? new AgreementRepository(ctx.services.store).listForCase(tenantId, caseRef) : [],
    ]);
    const weeks = facts.weeks;
    const catalogue = new IndicatorSetCatalogue(ctx.services.store);
    const completed = all.filter((m) => m.status === 'COMPLETED');
    const draftDoc = all.find((m) => m.status === 'DRAFT');
    const pair = comparablePair(
      completed.map((doc) => ({
        measuredAt: doc.measuredAt,
        setId: doc.indicatorSetId,
        setVersion: doc.indicatorSetVersion,
        context: doc.context,
        doc,
      })),
    );
    const latest = pair?.latest.doc;
    const baseline = pair?.baseline?.doc;
    const latestSet = latest
      ? (await catalogue.find(tenantId, latest.indicatorSetId, latest.indicatorSetVersion))?.set
      : undefined;
    const draftSet = draftDoc
      ? (await catalogue.find(tenantId, draftDoc.indicatorSetId, draftDoc.indicatorSetVersion))?.set
      : undefined;
    const compared =
      latestSet && latest && baseline
        ? compareMeasurements(latestSet, toScored(baseline), toScored(latest))
        : undefined;
    const booked = IsoDateSchema.safeParse(caseDoc.visitation?.firstJobConversationBookedFor);
    const nextDue = nextProgressionDue(
      completed,
      g1StartOf(caseDoc),
      settings,
      facts.firstJobConversationAt ?? (booked.success ? booked.data : undefined),
    );
    return {
      caseRef,
      latest,
      latestSet,
      baseline,
      comparison: compared?.ok ? compared : undefined,
      otherVersions: pair?.otherVersions ?? false,
      draft: draftDoc && draftSet ? { doc: draftDoc, set: draftSet } : undefined,
      completedCount: completed.length,
      due: progressionDueState(nextDue, businessDate(ctx.now, settings.timeZone)),
      nextDue,
      weeks,
      settings,
      nextAgreedStep: nextAgreedStep(agreements),
    };
  });
}

const toScored = (doc: ProgressionMeasurementDoc) => ({
  setId: doc.indicatorSetId,
  setVersion: doc.indicatorSetVersion,
  scores: doc.scores,
});
