import type { ClosureReason } from '../../domain/case';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { CaseDoc, PastVisitation } from '../../store/case-repository';
import type { HandlerContext } from '../feature';
import { rebuildCaseFacts } from '../case-work/rebuild-facts';
import { businessDate } from '../../domain/calendar';
import { recordClosure } from '../retention/close-case';
import { repositoriesOf } from '../screening/repositories';
import { notifyCaseworker, notifyJobformidler } from './handover';
import {
  parseBasics,
  parseGroupDetails,
  type DecisionBasics,
  type GroupDetails,
  type HandoverDelivery,
  type VisitationMode,
} from './rules';
import {
  accessFor,
  actionOf,
  choicesFor,
  decidedView,
  loadCase,
  onlyStrings,
  openedAs,
  sameGroupRefused,
  viewOfCase,
  type VisitationView,
} from './visitation-form';

/** Groups whose decision ends the case at once, and why (issue 12 item 3, issue 15 item 2). */
const CLOSES: Partial<Record<GroupDetails['group'], ClosureReason>> = {
  G3_NOT_EMPLOYMENT_READY: 'REFERRED_TO_OTHER_SERVICES',
  OUT_OF_SCOPE: 'NOT_IN_TARGET_GROUP',
};

/** The case after the decision (not yet closed: a closing group is closed by retention's recordClosure). */
function decided(caseDoc: CaseDoc, basics: DecisionBasics, details: GroupDetails, ctx: HandlerContext): CaseDoc {
  const today = businessDate(ctx.now);
  const { group: _group, ...groupFields } = details;
  const previous = caseDoc.visitation;
  const visitation = {
    group: basics.group,
    conversationAt: basics.conversationAt,
    decidedAt: ctx.now.toISOString(),
    decidedBy: ctx.actor.userId,
    effectiveFrom: today,
    rationaleCode: basics.rationale,
    ...(basics.note !== undefined ? { note: basics.note } : {}),
    ...(details.group === 'G1_INTERVENTION' ? { firstJobConversationBookedFor: details.firstJobConversationAt } : {}),
    ...(details.group === 'G2_REHABILITATION'
      ? {
          g2: {
            rehabTeamMeetingAt: details.rehabTeamMeetingAt,
            ...(details.rehabPlanStartedAt !== undefined ? { rehabPlanStartedAt: details.rehabPlanStartedAt } : {}),
          },
        }
      : {}),
    ...(details.group === 'G3_NOT_EMPLOYMENT_READY' ? { g3: groupFields } : {}),
  };
  // A re-visitation keeps the history: the earlier decision ends today (the digest counts each period in its group).
  const history: PastVisitation[] =
    previous === undefined
      ? (caseDoc.visitationHistory ?? [])
      : [
          ...(caseDoc.visitationHistory ?? []),
          {
            group: previous.group,
            conversationAt: previous.conversationAt,
            decidedAt: previous.decidedAt,
            decidedBy: previous.decidedBy,
            effectiveFrom: previous.effectiveFrom,
            effectiveTo: today,
          },
        ];
  const leavingJobformidler =
    caseDoc.assignedJobformidlerId !== undefined &&
    !(details.group === 'G1_INTERVENTION' && details.jobformidlerId === caseDoc.assignedJobformidlerId);
  const jobformidlerHistory = caseDoc.jobformidlerHistory.map((h) =>
    leavingJobformidler && h.to === undefined && h.userId === caseDoc.assignedJobformidlerId ? { ...h, to: today } : h,
  );
  const { assignedJobformidlerId: _a, caseworkerId: _c, pendingTransfer: _p, ...rest } = caseDoc;
  const base: CaseDoc = {
    ...rest,
    visitation,
    ...(history.length > 0 ? { visitationHistory: history } : {}),
    jobformidlerHistory,
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.actor.userId,
  };
  switch (details.group) {
    case 'G1_INTERVENTION': {
      const continues = !leavingJobformidler && caseDoc.assignedJobformidlerId === details.jobformidlerId;
      return {
        ...base,
        status: 'ACTIVE',
        assignedJobformidlerId: details.jobformidlerId,
        jobformidlerHistory: continues
          ? jobformidlerHistory
          : [...jobformidlerHistory, { userId: details.jobformidlerId, from: today }],
      };
    }
    case 'G2_REHABILITATION':
      return {
        ...base,
        status: 'VISITED',
        caseworkerId: details.ownerId,
        rehab: {
          meetingAt: details.rehabTeamMeetingAt,
          ...(details.rehabPlanStartedAt !== undefined ? { planStartedAt: details.rehabPlanStartedAt } : {}),
        },
      };
    default:
      return { ...base, status: caseDoc.status === 'AWAITING_VISITATION' ? 'VISITED' : caseDoc.status };
  }
}

/** The decision can no longer be made on this case (someone else decided, or it was closed meanwhile). */
class AlreadyDecided extends Error {
  constructor(readonly current: CaseDoc) {
    super('already decided');
  }
}

function stillOpenFor(mode: VisitationMode, current: CaseDoc): boolean {
  return mode === 'decide'
    ? current.visitation === undefined && current.status === 'AWAITING_VISITATION'
    : current.visitation !== undefined && current.status !== 'CLOSED';
}

/**
 * Records the decision on the case (group, dates, rationale; for group 1 the personal jobformidler
 * and the booked first job conversation; for group 2 the owner and the rehabilitation team meeting)
 * and tells the new owner 1:1. Group 3 and "outside the target group" close the case at once, so
 * its retention clock runs. A second click finds the decision already made and neither writes nor
 * notifies again. In `change` mode the earlier decision goes to the history.
 */
export async function saveVisitation(
  ctx: HandlerContext,
  caseRef: string,
  raw: Readonly<Record<string, unknown>>,
  mode: VisitationMode = 'decide',
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  const readAccess = await accessFor(ctx, mode, caseDoc, openedAs(mode), 'read');
  const basics = parseBasics(raw, businessDate(ctx.now));
  if (basics.value === undefined)
    return ctx.guard.run(readAccess, async () => {
      const state = await viewOfCase(ctx, mode, caseDoc, onlyStrings(raw));
      return state.kind === 'basics' ? { ...state, errors: basics.errors } : state;
    });
  const b = basics.value;
  const same = sameGroupRefused(mode, caseDoc, b);
  const choices = await choicesFor(ctx, b.group);
  const details = parseGroupDetails(
    b,
    raw,
    choices.jobformidlere.map((j) => j.userId),
    choices.owners.map((o) => o.userId),
  );
  if (details.value === undefined || same.length > 0) {
    return ctx.guard.run(readAccess, async () => {
      const state = await viewOfCase(ctx, mode, caseDoc, onlyStrings(raw));
      if (state.kind !== 'basics') return state;
      if (same.length > 0) return { ...state, errors: same };
      return {
        kind: 'details',
        mode,
        caseRef,
        basics: b,
        ...choices,
        values: onlyStrings(raw),
        errors: details.errors,
      };
    });
  }
  const d = details.value;
  const closing = CLOSES[d.group];
  const writeAccess = await accessFor(ctx, mode, caseDoc, actionOf(mode), 'write');
  const outcome = await ctx.guard.run(writeAccess, async () => {
    const { cases } = repositoriesOf(ctx);
    try {
      if (closing !== undefined) {
        const done = await recordClosure(
          ctx.services,
          ctx.actor.tenantId,
          caseRef,
          { date: businessDate(ctx.now), reason: closing },
          { userId: ctx.actor.userId, now: ctx.now },
          (current) => {
            if (!stillOpenFor(mode, current)) throw new AlreadyDecided(current);
            return decided(current, b, d, ctx);
          },
        );
        return { won: true as const, saved: done.caseDoc, before: caseDoc };
      }
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = await cases.get(ctx.actor.tenantId, caseRef);
        if (current === undefined) throw new NotFoundError('case');
        if (!stillOpenFor(mode, current)) throw new AlreadyDecided(current);
        try {
          const saved = await cases.replace({ ...decided(current, b, d, ctx), _etag: current._etag });
          // The digest and "Mine borgere" read the facts projection: the group and its interval start here.
          await rebuildCaseFacts(ctx, caseRef);
          return { won: true as const, saved, before: current };
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e;
        }
      }
      throw new ConflictError('case');
    } catch (e) {
      if (e instanceof AlreadyDecided) return { won: false as const, current: e.current };
      throw e;
    }
  });
  if (!outcome.won) {
    if (mode === 'decide') return viewOfCase(ctx, mode, outcome.current, {});
    return decidedView(ctx, outcome.current);
  }
  const handover = await tellNewOwner(ctx, outcome.before, outcome.saved, d);
  const replaced = mode === 'change' ? outcome.saved.visitationHistory?.at(-1) : undefined;
  return decidedView(ctx, outcome.saved, { handover, already: false, replaced });
}

/** Group 1 and group 2 get their owner told 1:1 (only when the owner is new to the case). */
async function tellNewOwner(
  ctx: HandlerContext,
  before: CaseDoc,
  after: CaseDoc,
  d: GroupDetails,
): Promise<HandoverDelivery | undefined> {
  if (d.group === 'G1_INTERVENTION' && before.assignedJobformidlerId !== d.jobformidlerId)
    return notifyJobformidler(ctx, {
      caseRef: after.caseRef,
      jobformidlerId: d.jobformidlerId,
      firstJobConversationAt: d.firstJobConversationAt,
    });
  if (d.group === 'G2_REHABILITATION' && before.caseworkerId !== d.ownerId)
    return notifyCaseworker(ctx, { caseRef: after.caseRef, ownerId: d.ownerId, meetingAt: d.rehabTeamMeetingAt });
  return undefined;
}
