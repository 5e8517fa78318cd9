import { businessDate, previousIsoWeek } from '../../domain/calendar';
import { FOLLOWED_UP_STATUSES, followUpOfFacts } from '../../domain/case-follow-up';
import { activePlacementsOn } from '../../domain/placement';
import type { CaseFacts } from '../../domain/case-facts';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import type { Page, WithEtag } from '../../store/documents';
import { caseloadCard, type CaseloadRow } from '../../../cards/caseload/caseload-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { progressionDueOn } from '../progression/rules';

/** Cases per page of "Mine borgere"; large caseloads page with continuation tokens. */
export const CASELOAD_PAGE_SIZE = 10;

/**
 * One page of the jobformidler's own caseload, read from the case facts projection in one query
 * (no read per case, whatever the caseload's size). Each case shown is an audited look-up, so a
 * citizen's access log lists it; the turn logs them in one entry (bot/access/guard.ts).
 */
export async function caseloadPage(ctx: HandlerContext, continuationToken?: string): Promise<AdaptiveCard> {
  ctx.guard.require('caseload.view');
  const { tenantId, userId } = ctx.actor;
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const facts = new CaseFactsRepository(ctx.services.store);
  const list = (token?: string): Promise<Page<WithEtag<CaseFacts>>> =>
    facts.listOpenForJobformidler(tenantId, userId, { maxItemCount: CASELOAD_PAGE_SIZE, continuationToken: token });
  let page: Page<WithEtag<CaseFacts>>;
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
  const lastWeek = previousIsoWeek(today);
  const rows: CaseloadRow[] = [];
  for (const f of page.items) {
    rows.push(
      await ctx.guard.run(
        {
          action: 'caseload.view',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: f.caseRef,
          resource: { tenantId: f.tenantId, assignedJobformidlerId: f.assignedJobformidlerId },
          auditAction: 'caseload.read',
        },
        async (): Promise<CaseloadRow> => ({
          caseRef: f.caseRef,
          status: f.status,
          placementType: activePlacementsOn(f.placements, today)[0]?.type,
          ordinaryHoursLastWeek: f.weeks.find((w) => w.isoWeek === lastWeek)?.ordinaryHours,
          followUp: followUpOfFacts(f, f.status, settings, today),
          progressionDue: FOLLOWED_UP_STATUSES.includes(f.status) ? progressionDueOn(f, today) : undefined,
        }),
      ),
    );
  }
  return caseloadCard({
    locale: ctx.actor.locale,
    rows,
    cadenceDays: settings.cadenceDaysDefault,
    placementCadenceDays: settings.cadenceDaysInPlacement,
    nextPageToken: page.continuationToken,
    isFirstPage,
  });
}
