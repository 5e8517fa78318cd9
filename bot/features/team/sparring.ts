import { addDays, businessDate } from '../../domain/calendar';
import { NotFoundError } from '../../domain/errors';
import { CaseFactsRepository } from '../../store/case-facts-repository';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { Page, WithEtag } from '../../store/documents';
import { readCaseWork } from '../../store/case-work-partition';
import { teamText } from '../../i18n/team';
import { caseCard } from '../../../cards/case/case-card';
import { caseloadCard, type CaseloadRow } from '../../../cards/caseload/caseload-card';
import { teamCard, type TeamRow } from '../../../cards/team/team-card';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { caseView } from '../case/open-case';
import { previousIsoWeek } from '../../domain/calendar';
import { followUpOfFacts } from '../../domain/case-follow-up';
import { activePlacementsOn } from '../../domain/placement';
import { progressionDueFor } from '../progression/applies';
import { IndicatorSetCatalogue } from '../progression/indicator-sets';
import { caseFactsPages } from '../digest/facts-reader';
import { dayNumber } from '../digest/calendar';
import { caseView as metricView, isG1On } from '../digest/metrics/case-view';
import { followUpState } from '../digest/metrics/flow';
import { ownershipWithTeam, teamOfLeader, type LeaderTeam } from './leader-team';
import { countCaseload } from '../caseload/rules';
import { progressionLine } from './progression-line';

/**
 * The leader at the case table (issue 15 items 4 and 6; seed 001: "den enkelte medarbejders
 * sagsstamme til at drøfte de næste skridt"). The team card shows each jobformidler's caseload
 * against the band (staff data, 1:1 only); from it the leader opens a jobformidler's citizens and a
 * case's overview for sparring. Each case shown is an audited read with the purpose
 * "ledelsessparring" (the citizen sees its date in their log); screening answers and HKO (art. 9)
 * are never read here.
 */
export async function teamJobformidlere(ctx: HandlerContext, team: LeaderTeam) {
  const all = await ctx.services.directory.listUsersWithRole(ctx.actor.tenantId, 'jobformidler');
  return all
    .filter((u) => team.memberIds.has(u.userId.toLowerCase()))
    .map((u) => ({ userId: u.userId, displayName: u.displayName }));
}

/** Active group 1 caseload and overdue follow-ups per jobformidler of the team, as the digest counts them, today. */
async function loadsOf(ctx: HandlerContext, ids: readonly string[]) {
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const metricCtx = { asOf: addDays(today, 1), settings };
  const loads = new Map(ids.map((id) => [id, { caseload: 0, overdue: 0 }]));
  const stats = { read: 0, skipped: 0 };
  for await (const page of caseFactsPages(ctx.services.store, ctx.actor.tenantId, { jobformidlerIds: ids }, stats)) {
    for (const facts of page) {
      const load = facts.assignedJobformidlerId !== undefined ? loads.get(facts.assignedJobformidlerId) : undefined;
      if (load === undefined) continue;
      const view = metricView(facts);
      if (isG1On(view, dayNumber(today))) load.caseload++;
      if (followUpState(view, metricCtx) === 'overdue') load.overdue++;
    }
  }
  return { loads, settings };
}

export async function teamOverview(ctx: HandlerContext): Promise<AdaptiveCard> {
  ctx.guard.require('caseload.balance');
  const team = await teamOfLeader(ctx);
  const locale = ctx.actor.locale;
  if (team.teams === 0) return messageCard(teamText(locale, 'team.none'), { tone: 'attention' });
  const members = await teamJobformidlere(ctx, team);
  // One audited read of the team's case facts: only counts leave it (staff data, not case data).
  const { loads, settings } = await ctx.guard.run(
    { action: 'caseload.balance', kind: 'read', purpose: 'ledelsessparring', auditAction: 'caseload.balance' },
    () =>
      loadsOf(
        ctx,
        members.map((m) => m.userId),
      ),
  );
  const rows: TeamRow[] = members.map((m) => ({ ...m, ...(loads.get(m.userId) ?? { caseload: 0, overdue: 0 }) }));
  return teamCard({ locale, rows, band: settings.caseloadBand });
}

const PAGE = 10;

/** A team member's "Mine borgere", read-only for sparring; each case on the page is an audited look-up. */
export async function sparringCaseload(
  ctx: HandlerContext,
  userId: string,
  continuationToken?: string,
): Promise<AdaptiveCard> {
  ctx.guard.require('case.read_sparring');
  const locale = ctx.actor.locale;
  const team = await teamOfLeader(ctx);
  if (!team.memberIds.has(userId.toLowerCase()))
    return messageCard(teamText(locale, 'sparring.not_in_team'), { tone: 'attention' });
  const { tenantId } = ctx.actor;
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const cases = new CaseRepository(ctx.services.store);
  let page: Page<WithEtag<CaseDoc>>;
  try {
    page = await cases.listOpenForJobformidler(tenantId, userId, { maxItemCount: PAGE, continuationToken });
  } catch {
    page = await cases.listOpenForJobformidler(tenantId, userId, { maxItemCount: PAGE });
  }
  const facts = new CaseFactsRepository(ctx.services.store);
  const catalogue = await new IndicatorSetCatalogue(ctx.services.store).list(tenantId);
  const lastWeek = previousIsoWeek(today);
  const rows: CaseloadRow[] = [];
  for (const c of page.items) {
    rows.push(
      await ctx.guard.run(
        {
          action: 'case.read_sparring',
          kind: 'read',
          purpose: 'ledelsessparring',
          caseRef: c.caseRef,
          resource: await ownershipWithTeam(ctx, c, team),
          auditAction: 'sparring.caseload.read',
        },
        async (): Promise<CaseloadRow> => {
          const f = await facts.getOrRebuild(tenantId, c.caseRef, settings, ctx.now);
          const active = f === undefined ? [] : activePlacementsOn(f.placements, today);
          return {
            caseRef: c.caseRef,
            status: c.status,
            placementType: active[0]?.type,
            ordinaryHoursLastWeek: f?.weeks.find((w) => w.isoWeek === lastWeek)?.ordinaryHours,
            followUp: f === undefined ? undefined : followUpOfFacts(f, c.status, settings, today),
            progressionDue: progressionDueFor(f, c.status, today, catalogue),
          };
        },
      ),
    );
  }
  const name = (await ctx.services.directory.getUser(tenantId, userId))?.displayName ?? userId;
  return caseloadCard({
    locale,
    rows,
    cadenceDays: settings.cadenceDaysDefault,
    placementCadenceDays: settings.cadenceDaysInPlacement,
    // The counts of the page shown: a colleague's whole caseload is not read for sparring.
    counts: countCaseload(rows),
    paging: { kind: 'token', nextPageToken: page.continuationToken, isFirstPage: continuationToken === undefined },
    sparring: {
      userId,
      title: teamText(locale, 'sparring.caseload_title', { name }),
      intro: teamText(locale, 'sparring.caseload_intro'),
      moveLabel: teamText(locale, 'team.move'),
      backLabel: teamText(locale, 'team.title'),
    },
  });
}

/** A case's overview for sparring: goals, agreement, hours, follow-ups, progression; never art. 9 data. */
export async function sparringCase(ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> {
  const caseDoc = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError(`case ${caseRef}`);
  const team = await teamOfLeader(ctx);
  const resource = await ownershipWithTeam(ctx, caseDoc, team);
  return ctx.guard.run(
    {
      action: 'case.read_sparring',
      kind: 'read',
      purpose: 'ledelsessparring',
      caseRef,
      resource,
      auditAction: 'sparring.case.read',
    },
    async () => {
      const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
      const today = businessDate(ctx.now, settings.timeZone);
      const work = await readCaseWork(ctx.services.store, ctx.actor.tenantId, caseRef);
      if (work === undefined) throw new NotFoundError(`case ${caseRef}`);
      // HKO is not read at all: `undefined` makes the card say it is not shown.
      const view = caseView(ctx, { caseDoc: work.caseDoc, settings, today }, work, undefined);
      return caseCard({
        ...view,
        transfer: undefined,
        aftercare: undefined,
        sparring: {
          jobformidlerId: caseDoc.assignedJobformidlerId,
          progression: progressionLine(ctx.actor.locale, work.progression),
          mayMove: ctx.guard.allows('case.reassign', resource) && caseDoc.status !== 'CLOSED',
        },
      });
    },
  );
}
