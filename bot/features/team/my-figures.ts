import { CaseFactsSchema } from '../../domain/case-facts';
import { queryPage } from '../../store/documents';
import { myFiguresCard } from '../../../cards/team/my-figures-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { digestWeekOf } from '../digest/calendar';
import { createDigestAccumulator } from '../digest/metrics/digest-metrics';

/**
 * "Mine tal" (issue 15 item 6; seed 003: "at medarbejderne selv kan følge med i effekten af deres
 * indsats"): the jobformidler's own caseload through the digest's own metric definitions (M1, M5,
 * M6, M10, caseload), this week, 1:1. Their own cases only, so no suppression is needed; one
 * audited read (purpose management information) without a case reference.
 */
export async function myFigures(ctx: HandlerContext): Promise<AdaptiveCard> {
  ctx.guard.require('figures.own');
  const { tenantId, userId, locale } = ctx.actor;
  const settings = await ctx.services.directory.getSettings(tenantId);
  const week = digestWeekOf(ctx.now, settings.timeZone);
  const computation = await ctx.guard.run(
    { action: 'figures.own', kind: 'read', purpose: 'management_information', auditAction: 'figures.own' },
    async () => {
      const acc = createDigestAccumulator({ asOf: week.asOf, isoWeek: week.isoWeek, settings });
      let continuationToken: string | undefined;
      do {
        const page = await queryPage(
          ctx.services.store.containers.cases,
          {
            query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.type = "case_facts" AND c.assignedJobformidlerId = @u',
            parameters: [
              { name: '@t', value: tenantId },
              { name: '@u', value: userId },
            ],
          },
          CaseFactsSchema,
          { maxItemCount: 500, continuationToken },
        );
        for (const facts of page.items) acc.addCase(facts);
        continuationToken = page.continuationToken;
      } while (continuationToken !== undefined);
      return acc.result();
    },
  );
  const a = computation.aggregates;
  return myFiguresCard({
    locale,
    isoWeek: week.isoWeek,
    m1: a.m1.share,
    m5: a.m5.improved,
    m5Delta: a.m5.delta,
    m6: a.m6.sustained,
    overdue: { numerator: a.m10.overdue, denominator: a.m10.activeG1 },
    caseload: computation.workload.find((w) => w.userId === userId)?.caseload ?? 0,
    band: settings.caseloadBand,
    hoursTarget: settings.ordinaryHoursTarget,
  });
}
