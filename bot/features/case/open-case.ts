import { isoWeeksEndingAt } from '../../domain/calendar';
import { followUpOfWork } from '../../domain/case-follow-up';
import { lastCadenceContact } from '../../domain/case-work';
import { byNewest } from '../../domain/follow-up';
import { completeness, currentAgreement } from '../../domain/work-agreement';
import { readCaseWork, type CaseWorkPartition } from '../../store/case-work-partition';
import { HkoRepository } from '../../store/hko-repository';
import { ScreeningRepository } from '../../store/screening-repository';
import type { HkoDoc } from '../../domain/hko';
import { caseCard, type CaseCardView } from '../../../cards/case/case-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { caseNotFound, mayWrite, ownershipOf, readCase, type CaseScope } from '../case-work/case-access';
import type { CaseWorkScope } from '../case-work/change-case-work';
import { aftercareUntil, inAftercare } from '../../domain/aftercare';

/** Weeks of hours the case card's chart shows. */
export const CHART_WEEKS = 12;

export type Notice = CaseCardView['notice'];

/** Builds the case card's view from the partition (and HKO, for the case's jobformidler only). */
export function caseView(
  ctx: HandlerContext,
  scope: CaseScope,
  work: CaseWorkPartition,
  hko: readonly HkoDoc[] | undefined,
  notice?: Notice,
  screeningAnswers = false,
): CaseCardView {
  const { caseDoc, settings, today } = scope;
  const canWrite = mayWrite(ctx, caseDoc);
  const owners = ownershipOf(caseDoc);
  const until = aftercareUntil(caseDoc.closure, settings.aftercareMonths);
  const aftercareOpen = caseDoc.status === 'CLOSED' && inAftercare(until, caseDoc.closure?.date, today);
  const agreement = currentAgreement(work.agreements);
  const chartWeeks = new Set(isoWeeksEndingAt(today, CHART_WEEKS));
  return {
    locale: ctx.actor.locale,
    caseRef: caseDoc.caseRef,
    status: caseDoc.status,
    canWrite,
    readOnly: canWrite ? undefined : caseDoc.status === 'CLOSED' ? 'closed' : 'admin',
    followUp: followUpOfWork(work, settings, today),
    lastContactAt: lastCadenceContact(work.followUps),
    goals: work.jobGoals?.goals ?? [],
    cv: work.cv,
    agreement:
      agreement === undefined
        ? undefined
        : {
            agreementId: agreement.agreementId,
            companyName: agreement.company.name,
            status: agreement.status,
            completeness: completeness(agreement.checklist),
          },
    placements: [...work.placements].sort((a, b) => (a.startDate < b.startDate ? 1 : -1)),
    hoursWeeks: work.hours
      .filter((h) => chartWeeks.has(h.isoWeek))
      .sort((a, b) => (a.isoWeek < b.isoWeek ? -1 : 1))
      .map((h) => ({ isoWeek: h.isoWeek, ordinaryHours: h.ordinaryHours, practiceHours: h.practiceHours })),
    hoursTarget: settings.ordinaryHoursTarget,
    recentFollowUps: [...work.followUps].sort(byNewest).slice(0, 3),
    hko,
    hkoFastTrackDays: settings.hkoFastTrackDays,
    notice,
    transfer: {
      mayRequest:
        canWrite && caseDoc.visitation?.group === 'G1_INTERVENTION' && ctx.guard.allows('case.reassign', owners),
      // The id is replaced by the colleague's name before the card is drawn (caseCardFor).
      pendingName: caseDoc.pendingTransfer?.toUserId,
    },
    ...(aftercareOpen && until !== undefined
      ? { aftercare: { until, mayLog: ctx.guard.allows('case.aftercare', owners) } }
      : {}),
    screeningAnswers,
  };
}

/**
 * Whether the case card offers the screening answers: only to those the policy lets read them (the
 * case's screener and its jobformidler, not an admin) and only when a finished screening has them
 * (an aborted one has none). The status is read without the answers.
 */
async function hasScreeningAnswers(ctx: HandlerContext, scope: CaseScope): Promise<boolean> {
  if (!ctx.guard.allows('screening.read_answers', ownershipOf(scope.caseDoc))) return false;
  const status = await new ScreeningRepository(ctx.services.store).statusOf(ctx.actor.tenantId, scope.caseDoc.caseRef);
  return status === 'COMPLETED';
}

/** The case card, read through the audited path; HKO (art. 9) is a separate audited read. */
export async function caseCardFor(ctx: HandlerContext, caseRef: string, notice?: Notice): Promise<AdaptiveCard> {
  return readCase(ctx, caseRef, 'case.read', async (scope) => {
    const work = await readCaseWork(ctx.services.store, ctx.actor.tenantId, caseRef);
    if (work === undefined) throw caseNotFound(caseRef);
    return caseCardOf(ctx, { ...scope, work }, notice);
  });
}

/**
 * The case card from a case already read, e.g. by the save it answers (bot/features/case-work): the
 * case and its work are not read again. HKO (art. 9) stays a separate audited read.
 */
export async function caseCardOf(ctx: HandlerContext, scope: CaseWorkScope, notice?: Notice): Promise<AdaptiveCard> {
  const { caseRef } = scope.caseDoc;
  const resource = ownershipOf(scope.caseDoc);
  const hko = ctx.guard.allows('hko.read', resource)
    ? await ctx.guard.run(
        { action: 'hko.read', kind: 'read', purpose: 'follow_up', caseRef, resource, auditAction: 'hko.read' },
        () => new HkoRepository(ctx.services.store).listForCase(ctx.actor.tenantId, caseRef),
      )
    : undefined;
  const view = caseView(ctx, scope, scope.work, hko, notice, await hasScreeningAnswers(ctx, scope));
  const pending = view.transfer?.pendingName;
  const pendingName =
    pending !== undefined
      ? ((await ctx.services.directory.getUser(ctx.actor.tenantId, pending))?.displayName ?? pending)
      : undefined;
  return caseCard({ ...view, transfer: { mayRequest: view.transfer?.mayRequest ?? false, pendingName } });
}
