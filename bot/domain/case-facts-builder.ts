import type { CaseFacts, SensitiveFacts } from './case-facts';
import { caseDocId } from './case';
import { addDays, businessDate, isoWeeksEndingAt } from './calendar';
import { aftercareUntil } from './aftercare';
import { followUpOfWork } from './case-follow-up';
import { firstMeeting, g1Start, lastCadenceContact, plannedNextDue, type CaseWork } from './case-work';
import { progressionProjection } from './progression';
import type { TenantSettings } from './tenant-settings';
import type { CadenceSettings } from './follow-up-cadence';
import { byNewest } from './follow-up';
import { hasConcreteOwnGoal } from './job-goals';
import { matchFacts } from './job-match';
import type { HkoDoc } from './hko';
import { completeness, hkoNeedsDiscussed, ordinaryHoursAtStart, ordinaryHoursFromStart } from './work-agreement';

export type { CaseWork } from './case-work';

/** Windows that keep the projection bounded (PRODUCT.md §2). */
export const FACTS_WEEKS = 52;
export const FACTS_CONTACT_DAYS = 183;

export const caseFactsDocId = (tenantId: string): string => caseDocId(tenantId, 'case_facts');
export const sensitiveFactsDocId = (tenantId: string): string => caseDocId(tenantId, 'sensitive_facts');

const mean = (xs: readonly number[]): number | undefined =>
  xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The case facts projection: a pure function of the partition and the time of the rebuild. The
 * store rebuilds it after every write (bot/store/case-facts-repository.ts).
 */
/** Every visitation of the case, oldest first: the earlier ones (each ended) and the current one. */
export function visitationPeriods(caseDoc: CaseWork['caseDoc']): CaseFacts['visitations'] {
  const past = (caseDoc.visitationHistory ?? []).map((v) => ({
    group: v.group,
    conversationAt: v.conversationAt,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
  }));
  const current = caseDoc.visitation;
  return current === undefined
    ? past
    : [...past, { group: current.group, conversationAt: current.conversationAt, effectiveFrom: current.effectiveFrom }];
}

/** The periods in group 1 (`to` exclusive), cut at the closure: the digest counts each period in its group. */
export function g1Periods(caseDoc: CaseWork['caseDoc']): CaseFacts['g1Intervals'] {
  const closedOn = caseDoc.closure?.date;
  return visitationPeriods(caseDoc)
    .filter((v) => v.group === 'G1_INTERVENTION')
    .map((v) => {
      const to = v.effectiveTo ?? closedOn;
      return to !== undefined ? { from: v.effectiveFrom, to } : { from: v.effectiveFrom };
    })
    .filter((i) => i.to === undefined || i.to > i.from);
}

export function buildCaseFacts(
  work: CaseWork,
  settings: CadenceSettings &
    Pick<TenantSettings, 'timeZone' | 'progressionCadenceDays'> &
    Partial<Pick<TenantSettings, 'aftercareMonths'>>,
  now: Date,
): CaseFacts {
  const { caseDoc } = work;
  const today = businessDate(now, settings.timeZone);
  const rehab = caseDoc.rehab;
  const aftercare = aftercareUntil(caseDoc.closure, settings.aftercareMonths ?? 6);
  const followUps = [...work.followUps].sort(byNewest).reverse();
  const contactsFrom = addDays(today, -FACTS_CONTACT_DAYS);
  const weekWindow = new Set(isoWeeksEndingAt(today, FACTS_WEEKS));
  const hours = [...work.hours]
    .filter((h) => weekWindow.has(h.isoWeek))
    .sort((a, b) => (a.isoWeek < b.isoWeek ? -1 : 1));
  const allHoursByWeek = [...work.hours].sort((a, b) => (a.isoWeek < b.isoWeek ? -1 : 1));
  const lastContactAt = lastCadenceContact(work.followUps);
  const planned = plannedNextDue(work.caseDoc, work.followUps);
  const status = followUpOfWork(work, settings, today);
  const jobformidlere = new Set(caseDoc.jobformidlerHistory.map((h) => h.userId));
  if (caseDoc.assignedJobformidlerId !== undefined) jobformidlere.add(caseDoc.assignedJobformidlerId);
  const goals = work.jobGoals?.goals ?? [];
  const reviewed = goals.map((g) => g.lastReviewedAt).sort();
  const firstJobConversation = followUps.find((f) => f.contactType === 'JOB_CONVERSATION');

  return {
    id: caseFactsDocId(caseDoc.tenantId),
    tenantId: caseDoc.tenantId,
    type: 'case_facts',
    schemaVersion: 1,
    caseRef: caseDoc.caseRef,
    rebuiltAt: now.toISOString(),
    status: caseDoc.status,
    ...(caseDoc.assignedJobformidlerId !== undefined ? { assignedJobformidlerId: caseDoc.assignedJobformidlerId } : {}),
    screenerId: caseDoc.screenerId,
    ...(caseDoc.caseworkerId !== undefined ? { caseworkerId: caseDoc.caseworkerId } : {}),
    jobformidlerCount: jobformidlere.size,
    visitations: visitationPeriods(caseDoc),
    ...(rehab !== undefined
      ? {
          rehab: {
            ...(rehab.meetingAt !== undefined ? { meetingAt: rehab.meetingAt } : {}),
            ...(rehab.meetingHeldAt !== undefined ? { meetingHeldAt: rehab.meetingHeldAt } : {}),
            ...(rehab.recommendation !== undefined ? { recommendation: rehab.recommendation } : {}),
            ...(rehab.recommendedAt !== undefined ? { recommendedAt: rehab.recommendedAt } : {}),
          },
        }
      : {}),
    ...(aftercare !== undefined ? { aftercareUntil: aftercare } : {}),
    g1Intervals: g1Periods(caseDoc),
    placements: [...work.placements]
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
      .map((p) => {
        const firstWeeks = allHoursByWeek.filter((h) => h.placementId === p.placementId).slice(0, 4);
        const firstMean = mean(firstWeeks.map((h) => h.ordinaryHours));
        return {
          placementId: p.placementId,
          type: p.placementType,
          status: p.status,
          startDate: p.startDate,
          ...(p.plannedEndDate !== undefined ? { plannedEndDate: p.plannedEndDate } : {}),
          ...(p.actualEndDate !== undefined ? { actualEndDate: p.actualEndDate } : {}),
          ...(firstMean !== undefined ? { firstWeeksOrdinaryMean: firstMean } : {}),
        };
      }),
    weeks: hours.map((h) => ({
      isoWeek: h.isoWeek,
      ...(h.placementId !== undefined ? { placementId: h.placementId } : {}),
      ordinaryHours: h.ordinaryHours,
      practiceHours: h.practiceHours,
    })),
    contacts: followUps
      .filter((f) => f.date >= contactsFrom)
      .map((f) => ({
        date: f.date,
        type: f.contactType,
        completed: true,
        direction: f.direction,
        ...(f.companyContactId !== undefined ? { companyContactId: f.companyContactId } : {}),
      })),
    ...(firstJobConversation !== undefined ? { firstJobConversationAt: firstJobConversation.date } : {}),
    ...(lastContactAt !== undefined ? { lastCitizenContactAt: lastContactAt } : {}),
    ...(status !== undefined ? { nextFollowUpDue: status.dueDate } : {}),
    ...(planned !== undefined ? { plannedNextFollowUpDue: planned } : {}),
    agreements: [...work.agreements]
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
      .map((a) => {
        const c = completeness(a.checklist);
        return {
          agreementId: a.agreementId,
          placementType: a.placementType,
          ...(a.agreedAt !== undefined ? { agreedAt: a.agreedAt } : {}),
          ...(a.signedAt !== undefined ? { signedAt: a.signedAt } : {}),
          ordinaryHoursFromStart: ordinaryHoursFromStart(a.checklist),
          ordinaryHoursAtStart: Math.min(37, ordinaryHoursAtStart(a.checklist)),
          complete: c.complete,
          missingCritical: c.missingCritical,
          hkoNeedsDiscussed: hkoNeedsDiscussed(a.checklist),
        };
      }),
    cvStatus: work.cv?.status ?? 'NONE',
    hasConcreteOwnJobGoal: hasConcreteOwnGoal(goals),
    ...(reviewed.length > 0 ? { jobGoalLastReviewedAt: reviewed[reviewed.length - 1] } : {}),
    // The progression feature's own rule says what of its measurements the projection carries.
    ...progressionProjection(work.progression ?? [], g1Start(caseDoc), settings, firstMeeting(caseDoc, work.followUps)),
    matches: matchFacts(work.matches ?? [], work.placements),
    ...(caseDoc.closure !== undefined ? { closure: caseDoc.closure } : {}),
  };
}

/** The HKO part of the sensitive facts; the screening part is kept as it is. */
export function buildSensitiveFacts(
  existing: SensitiveFacts | undefined,
  ids: { tenantId: string; caseRef: string },
  hko: readonly HkoDoc[],
  now: Date,
): SensitiveFacts {
  return {
    ...(existing ?? {
      id: sensitiveFactsDocId(ids.tenantId),
      tenantId: ids.tenantId,
      type: 'sensitive_facts' as const,
      schemaVersion: 1 as const,
      caseRef: ids.caseRef,
    }),
    rebuiltAt: now.toISOString(),
    hko: [...hko]
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
      .map((h) => ({
        type: h.hkoType,
        ...(h.appliedAt !== undefined ? { appliedAt: h.appliedAt } : {}),
        ...(h.decidedAt !== undefined ? { decidedAt: h.decidedAt } : {}),
        ...(h.decision !== undefined ? { decision: h.decision } : {}),
        ...(h.deliveredAt !== undefined ? { deliveredAt: h.deliveredAt } : {}),
      })),
  };
}
