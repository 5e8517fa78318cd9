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
import { meetingOverdue } from '../rehab/rules';

/** Cases per page of "Mine borgere". */
export const CASELOAD_PAGE_SIZE = 10;

/**
 * One page of the user's own caseload (group 1 cases as jobformidler, group 2 cases as their owner), ordered over the WHOLE caseload (overdue first, then
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
        new CaseRepository(ctx.services.store).allOpenOwnedBy(tenantId, userId),
        factsRepository.listForJobformidler(tenantId, userId),
        new IndicatorSetCatalogue(ctx.services.store).list(tenantId),
      ]);
      const factsOf = new Map(stored.map((f) => [f.caseRef, f]));
      return Promise.all(
        cases.map(async (c) => {
          // A group 2 case is shown from the case itself (its meeting and recommendation).
          if (c.visitation?.group === 'G2_REHABILITATION')
            return { caseDoc: c, facts: undefined, caseRef: c.caseRef, followUp: undefined, progressionDue: undefined };
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
          const c = r.caseDoc;
          if (c.visitation?.group === 'G2_REHABILITATION')
            return {
              caseRef: c.caseRef,
              status: c.status,
              rehab: {
                meetingAt: c.rehab?.meetingAt,
                recommendation: c.rehab?.recommendation,
                meetingOverdue: meetingOverdue(c.rehab, today),
              },
            };
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
    paging: { kind: 'pages', page: shown.page, pages: shown.pages },
  });
}
