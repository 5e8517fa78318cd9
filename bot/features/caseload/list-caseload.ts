import { businessDate, previousIsoWeek } from '../../domain/calendar';
import { followUpOfFacts } from '../../domain/case-follow-up';
import type { CaseFacts } from '../../domain/case-facts';
import { activePlacementsOn } from '../../domain/placement';
import { CaseRepository } from '../../store/case-repository';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { caseloadCard, type CaseloadRow } from '../../../cards/caseload/caseload-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { ownershipOf } from '../case/case-access';
import { progressionDueFor } from '../progression/applies';
import { IndicatorSetCatalogue } from '../progression/indicator-sets';
import { countCaseload, pageOf, prioritise } from './rules';

/** Cases per page of "Mine borgere". */
export const CASELOAD_PAGE_SIZE = 10;

/**
 * One page of the jobformidler's own caseload, ordered over the WHOLE caseload (overdue first, then
 * due today, then soon; see rules.ts), with counts over the whole caseload. The order needs every
 * case's facts, so they are read in one query (plus a rebuild for a case just handed over); reading
 * them for the counts is one audited look-up of the caseload, and each case shown on the page is
 * an audited look-up of that case (so the citizen's access log lists it).
 */
export async function caseloadPage(ctx: HandlerContext, page = 0): Promise<AdaptiveCard> {
  ctx.guard.require('caseload.view');
  const { tenantId, userId } = ctx.actor;
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const factsRepository = new CaseFactsRepository(ctx.services.store);
  const caseload = await ctx.guard.run(
    { action: 'caseload.view', kind: 'read', purpose: 'follow_up', auditAction: 'caseload.summary' },
    async () => {
      const [cases, stored, catalogue] = await Promise.all([
        new CaseRepository(ctx.services.store).allOpenForJobformidler(tenantId, userId),
        factsRepository.listForJobformidler(tenantId, userId),
        new IndicatorSetCatalogue(ctx.services.store).list(tenantId),
      ]);
      const factsOf = new Map(stored.map((f) => [f.caseRef, f]));
      return Promise.all(
        cases.map(async (c) => {
          const f: CaseFacts | undefined =
            factsOf.get(c.caseRef) ?? (await factsRepository.getOrRebuild(tenantId, c.caseRef, settings, ctx.now));
          return {
            caseDoc: c,
            facts: f,
            caseRef: c.caseRef,
            followUp: f === undefined ? undefined : followUpOfFacts(f, c.status, settings, today),
            progressionDue: progressionDueFor(f, c.status, today, catalogue),
          };
        }),
      );
    },
  );
  const ordered = prioritise(caseload);
  const shown = pageOf(ordered, page, CASELOAD_PAGE_SIZE);
  const lastWeek = previousIsoWeek(today);
  const rows = await Promise.all(
    shown.items.map((r) =>
      ctx.guard.run(
        {
          action: 'caseload.view',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: r.caseRef,
          resource: ownershipOf(r.caseDoc),
          auditAction: 'caseload.read',
        },
        async (): Promise<CaseloadRow> => {
          const active = r.facts === undefined ? [] : activePlacementsOn(r.facts.placements, today);
          return {
            caseRef: r.caseRef,
            status: r.caseDoc.status,
            placementType: active[0]?.type,
            ordinaryHoursLastWeek: r.facts?.weeks.find((w) => w.isoWeek === lastWeek)?.ordinaryHours,
            followUp: r.followUp,
            progressionDue: r.progressionDue,
          };
        },
      ),
    ),
  );
  return caseloadCard({
    locale: ctx.actor.locale,
    rows,
    counts: countCaseload(caseload),
    cadenceDays: settings.cadenceDaysDefault,
    placementCadenceDays: settings.cadenceDaysInPlacement,
    page: shown.page,
    pages: shown.pages,
  });
}
