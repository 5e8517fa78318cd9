import { businessDate, previousIsoWeek } from '../../domain/calendar';
import { FOLLOWED_UP_STATUSES, followUpOfFacts } from '../../domain/case-follow-up';
import { activePlacementsOn } from '../../domain/placement';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import type { Page, WithEtag } from '../../store/documents';
import { caseloadCard, type CaseloadRow } from '../../../cards/caseload/caseload-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { ownershipOf } from '../case/case-access';
import { progressionDueOn } from '../progression/rules';
import { meetingOverdue } from '../rehab/rules';

/** Cases per page of "Mine borgere"; large caseloads page with continuation tokens. */
export const CASELOAD_PAGE_SIZE = 10;

/**
 * One page of the user's own caseload: group 1 cases as jobformidler, group 2 cases as their owner. Each case shown is an audited look-up (so a
 * citizen's access log lists it); the row is read from the case facts projection.
 */
export async function caseloadPage(ctx: HandlerContext, continuationToken?: string): Promise<AdaptiveCard> {
  ctx.guard.require('caseload.view');
  const { tenantId, userId } = ctx.actor;
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const cases = new CaseRepository(ctx.services.store);
  const list = (token?: string): Promise<Page<WithEtag<CaseDoc>>> =>
    cases.listOpenOwnedBy(tenantId, userId, { maxItemCount: CASELOAD_PAGE_SIZE, continuationToken: token });
  let page: Page<WithEtag<CaseDoc>>;
  let isFirstPage = continuationToken === undefined;
  try {
    page = await list(continuationToken);
  } catch (e) {
    if (continuationToken === undefined) throw e;
    // A token from an old card may no longer be valid: start again from the first page.
    ctx.log.info({ err: e }, 'Caseload continuation token refused; showing the first page');
    page = await list();
    isFirstPage = true;
  }
  const facts = new CaseFactsRepository(ctx.services.store);
  const lastWeek = previousIsoWeek(today);
  const rows = await Promise.all(
    page.items.map((c) =>
      ctx.guard.run(
        {
          action: 'caseload.view',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: c.caseRef,
          resource: ownershipOf(c),
          auditAction: 'caseload.read',
        },
        async (): Promise<CaseloadRow> => {
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
          const f = await facts.getOrRebuild(tenantId, c.caseRef, settings, ctx.now);
          const active = f === undefined ? [] : activePlacementsOn(f.placements, today);
          return {
            caseRef: c.caseRef,
            status: c.status,
            placementType: active[0]?.type,
            ordinaryHoursLastWeek: f?.weeks.find((w) => w.isoWeek === lastWeek)?.ordinaryHours,
            followUp: f === undefined ? undefined : followUpOfFacts(f, c.status, settings, today),
            progressionDue: FOLLOWED_UP_STATUSES.includes(c.status) ? progressionDueOn(f, today) : undefined,
          };
        },
      ),
    ),
  );
  return caseloadCard({
    locale: ctx.actor.locale,
    rows,
    cadenceDays: settings.cadenceDaysDefault,
    placementCadenceDays: settings.cadenceDaysInPlacement,
    nextPageToken: page.continuationToken,
    isFirstPage,
  });
}
