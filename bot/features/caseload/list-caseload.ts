import { businessDate, previousIsoWeek } from '../../domain/calendar';
import { followUpOfFacts } from '../../domain/case-follow-up';
import type { CaseFacts } from '../../domain/case-facts';
import { activePlacementsOn } from '../../domain/placement';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { caseloadCard, type CaseloadRow } from '../../../cards/caseload/caseload-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { progressionDueFor } from '../progression/applies';
import { progressionDueState } from '../progression/rules';
import { IndicatorSetCatalogue } from '../progression/indicator-sets';
import { meetingOverdue } from '../rehab/rules';
import { countCaseload, pageOf, prioritise } from './rules';

/** Cases per page of "Mine borgere". */
export const CASELOAD_PAGE_SIZE = 10;

const isGroup2 = (f: CaseFacts): boolean => f.visitations.at(-1)?.group === 'G2_REHABILITATION';

/**
 * One page of the user's own caseload (group 1 cases as jobformidler, group 2 cases as their owner),
 * ordered over the WHOLE caseload (overdue first, then due today, then soon; see rules.ts), with
 * counts over the whole caseload. Everything comes from the case facts projection in one query, so
 * the number of store requests does not grow with the caseload (docs/benchmarks.md).
 */
export async function caseloadPage(ctx: HandlerContext, page = 0): Promise<AdaptiveCard> {
  ctx.guard.require('caseload.view');
  const { tenantId, userId } = ctx.actor;
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const owned = await new CaseFactsRepository(ctx.services.store).allOpenOwnedBy(tenantId, userId);
  // The indicator-set catalogue decides whether a due measurement can be made at all; it is read
  // only when some case has one due, and then at most once per cache time in this instance (it
  // changes only when an admin imports a set, and here it is only shown).
  const maybeDue = owned.some((f) => !isGroup2(f) && progressionDueState(f.nextProgressionDue, today).state === 'due');
  const catalogue = maybeDue
    ? await new IndicatorSetCatalogue(ctx.services.store).listRecent(tenantId, ctx.services.directory.cacheMs)
    : [];
  const lastWeek = previousIsoWeek(today);
  // Every case of the caseload is read (its facts order the list and make the counts): each is an
  // audited look-up under the policy, so the citizen's access log lists it; the turn logs them together.
  const caseload = await Promise.all(
    owned.map((f) =>
      ctx.guard.run(
        {
          action: 'caseload.view',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: f.caseRef,
          resource: {
            tenantId: f.tenantId,
            screenerId: f.screenerId,
            assignedJobformidlerId: f.assignedJobformidlerId,
            caseworkerId: f.caseworkerId,
          },
          auditAction: 'caseload.read',
        },
        async () => {
          const followUp = isGroup2(f) ? undefined : followUpOfFacts(f, f.status, settings, today);
          const progressionDue = isGroup2(f) ? undefined : progressionDueFor(f, f.status, today, catalogue);
          const row: CaseloadRow = isGroup2(f)
            ? {
                caseRef: f.caseRef,
                status: f.status,
                rehab: {
                  meetingAt: f.rehab?.meetingAt,
                  recommendation: f.rehab?.recommendation,
                  meetingOverdue: meetingOverdue(f.rehab, today),
                },
              }
            : {
                caseRef: f.caseRef,
                status: f.status,
                placementType: activePlacementsOn(f.placements, today)[0]?.type,
                ordinaryHoursLastWeek: f.weeks.find((w) => w.isoWeek === lastWeek)?.ordinaryHours,
                followUp,
                progressionDue,
              };
          const meetingOverdueNow = isGroup2(f) && meetingOverdue(f.rehab, today);
          return { caseRef: f.caseRef, followUp, progressionDue, meetingOverdue: meetingOverdueNow, row };
        },
      ),
    ),
  );
  const shown = pageOf(prioritise(caseload), page, CASELOAD_PAGE_SIZE);
  const rows = shown.items.map((r) => r.row);
  return caseloadCard({
    locale: ctx.actor.locale,
    rows,
    counts: countCaseload(caseload),
    cadenceDays: settings.cadenceDaysDefault,
    placementCadenceDays: settings.cadenceDaysInPlacement,
    paging: { kind: 'pages', page: shown.page, pages: shown.pages },
  });
}
