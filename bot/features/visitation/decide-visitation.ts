import type { ClosureReason } from '../../domain/case';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { CaseOwnership } from '../../domain/policy';
import type { CaseDoc, PastVisitation } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import type { CaseAccess } from '../../access/guard';
import type { HandlerContext } from '../feature';
import { rebuildCaseFacts } from '../case-work/rebuild-facts';
import { businessDate } from '../../domain/calendar';
import { recordClosure } from '../retention/close-case';
import { repositoriesOf } from '../screening/repositories';
import { ownershipOf } from '../case-work/case-access';
import { ownershipWithTeam } from '../team/leader-team';
import { notifyCaseworker, notifyJobformidler, type HandoverDelivery } from './handover';
import {
  parseBasics,
  parseGroupDetails,
  suggestedConversationAt,
  type DecisionBasics,
  type FieldError,
  type GroupDetails,
} from './rules';
import { staffName } from '../staff-name';

export interface JobformidlerChoice {
  readonly userId: string;
  readonly displayName: string;
}

/** `decide`: the first decision after a screening (the screener). `change`: a re-visitation (issue 15 item 3). */
export type VisitationMode = 'decide' | 'change';

export type VisitationView =
  | {
      readonly kind: 'basics';
      readonly mode: VisitationMode;
      readonly caseRef: string;
      readonly current?: { readonly group: string; readonly since: string } | undefined;
      readonly values: Readonly<Record<string, string>>;
      readonly errors: readonly FieldError[];
    }
  | {
      readonly kind: 'details';
      readonly mode: VisitationMode;
      readonly caseRef: string;
      readonly basics: DecisionBasics;
      readonly jobformidlere: readonly JobformidlerChoice[];
      /** Who may own a group 2 case: myndighedssagsbehandlere first, then jobformidlere. */
      readonly owners: readonly JobformidlerChoice[];
      readonly values: Readonly<Record<string, string>>;
      readonly errors: readonly FieldError[];
    }
  | {
      readonly kind: 'decided';
      readonly caseDoc: CaseDoc;
      readonly jobformidlerName?: string | undefined;
      readonly ownerName?: string | undefined;
      readonly handover?: HandoverDelivery | undefined;
      readonly already: boolean;
      /** The decision was a change: the visitation it replaced. */
      readonly replaced?: PastVisitation | undefined;
      /** The decision closed the case (group 3, outside the target group); the user may re-open it. */
      readonly mayReopen?: boolean | undefined;
    }
  | { readonly kind: 'not_ready'; readonly caseRef: string }
  | { readonly kind: 'not_changeable'; readonly caseRef: string; readonly why: 'closed' | 'not_visited' };

/** Groups whose decision ends the case at once, and why (issue 12 item 3, issue 15 item 2). */
const CLOSES: Partial<Record<GroupDetails['group'], ClosureReason>> = {
  G3_NOT_EMPLOYMENT_READY: 'REFERRED_TO_OTHER_SERVICES',
  OUT_OF_SCOPE: 'NOT_IN_TARGET_GROUP',
};

const actionOf = (mode: VisitationMode) => (mode === 'decide' ? 'visitation.decide' : 'visitation.change');
/** The audit action of a read of the form (kept as `visitation.open` for the first decision). */
const openedAs = (mode: VisitationMode) => (mode === 'decide' ? 'visitation.open' : 'visitation.change.open');

async function accessFor(
  ctx: HandlerContext,
  mode: VisitationMode,
  caseDoc: CaseDoc,
  auditAction: string,
  kind: 'read' | 'write',
): Promise<CaseAccess> {
  const resource: CaseOwnership =
    mode === 'decide'
      ? { tenantId: caseDoc.tenantId, screenerId: caseDoc.screenerId }
      : await ownershipWithTeam(ctx, caseDoc);
  return { action: actionOf(mode), auditAction, kind, purpose: 'visitation', caseRef: caseDoc.caseRef, resource };
}

async function loadCase(ctx: HandlerContext, caseRef: string): Promise<WithEtag<CaseDoc>> {
  const caseDoc = await repositoriesOf(ctx).cases.get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError('case');
  return caseDoc;
}

async function usersWith(ctx: HandlerContext, role: 'jobformidler' | 'myndighedssagsbehandler') {
  const users = await ctx.services.directory.listUsersWithRole(ctx.actor.tenantId, role);
  return users.map((u) => ({ userId: u.userId.toLowerCase(), displayName: staffName(u, ctx.actor.locale) }));
}

async function choicesFor(
  ctx: HandlerContext,
  group: DecisionBasics['group'],
): Promise<{ jobformidlere: JobformidlerChoice[]; owners: JobformidlerChoice[] }> {
  if (group === 'G1_INTERVENTION') return { jobformidlere: await usersWith(ctx, 'jobformidler'), owners: [] };
  if (group !== 'G2_REHABILITATION') return { jobformidlere: [], owners: [] };
  const caseworkers = await usersWith(ctx, 'myndighedssagsbehandler');
  const known = new Set(caseworkers.map((c) => c.userId));
  const jobformidlere = (await usersWith(ctx, 'jobformidler')).filter((j) => !known.has(j.userId));
  return { jobformidlere: [], owners: [...caseworkers, ...jobformidlere] };
}

async function nameOf(ctx: HandlerContext, userId: string | undefined): Promise<string | undefined> {
  if (userId === undefined) return undefined;
  return staffName(await ctx.services.directory.getUser(ctx.actor.tenantId, userId), ctx.actor.locale, userId);
}

const onlyStrings = (raw: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));

type DecidedView = Extract<VisitationView, { kind: 'decided' }>;

async function decidedView(
  ctx: HandlerContext,
  caseDoc: CaseDoc,
  extra: Partial<Omit<DecidedView, 'kind' | 'caseDoc'>> = {},
): Promise<DecidedView> {
  return {
    kind: 'decided',
    caseDoc,
    jobformidlerName: await nameOf(ctx, caseDoc.assignedJobformidlerId),
    ownerName: await nameOf(ctx, caseDoc.caseworkerId),
    already: true,
    mayReopen: caseDoc.status === 'CLOSED' && ctx.guard.allows('case.reopen', ownershipOf(caseDoc)),
    ...extra,
  };
}

/** What the form shows for this case: its first step, or why it cannot be (re)decided now. */
async function viewOfCase(
  ctx: HandlerContext,
  mode: VisitationMode,
  caseDoc: CaseDoc,
  values: Record<string, string>,
): Promise<VisitationView> {
  if (mode === 'decide') {
    if (caseDoc.visitation !== undefined) return decidedView(ctx, caseDoc);
    if (caseDoc.status !== 'AWAITING_VISITATION') return { kind: 'not_ready', caseRef: caseDoc.caseRef };
    return { kind: 'basics', mode, caseRef: caseDoc.caseRef, values, errors: [] };
  }
  if (caseDoc.status === 'CLOSED') return { kind: 'not_changeable', caseRef: caseDoc.caseRef, why: 'closed' };
  if (caseDoc.visitation === undefined) return { kind: 'not_changeable', caseRef: caseDoc.caseRef, why: 'not_visited' };
  return {
    kind: 'basics',
    mode,
    caseRef: caseDoc.caseRef,
    current: { group: caseDoc.visitation.group, since: caseDoc.visitation.effectiveFrom },
    values,
    errors: [],
  };
}

/**
 * Opens the decision card for a screened case (decide: its screener), with the date of the visitation
 * conversation booked at the end of the screening filled in; or the change card for a visited one.
 */
export async function openVisitation(
  ctx: HandlerContext,
  caseRef: string,
  mode: VisitationMode = 'decide',
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  return ctx.guard.run(await accessFor(ctx, mode, caseDoc, openedAs(mode), 'read'), async () => {
    const today = businessDate(ctx.now);
    if (mode !== 'decide') return viewOfCase(ctx, mode, caseDoc, { conversationAt: today });
    const nextStep = await repositoriesOf(ctx).screenings.nextStepOf(ctx.actor.tenantId, caseDoc.caseRef);
    const booked = nextStep?.type === 'VISITATION_CONVERSATION' ? nextStep.bookedFor : undefined;
    return viewOfCase(ctx, mode, caseDoc, { conversationAt: suggestedConversationAt(booked, today) });
  });
}

/** A change to the group the case is in already makes sense only to give a group 2 case its owner. */
const sameGroupRefused = (mode: VisitationMode, caseDoc: CaseDoc, basics: DecisionBasics): FieldError[] =>
  mode === 'change' && caseDoc.visitation?.group === basics.group && basics.group !== 'G2_REHABILITATION'
    ? [{ field: 'group', key: 'same_group' }]
    : [];

/** Step 1 → step 2 (or step 1 again with inline errors). Nothing is written until "save". */
export async function visitationDetails(
  ctx: HandlerContext,
  caseRef: string,
  raw: Readonly<Record<string, unknown>>,
  mode: VisitationMode = 'decide',
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  return ctx.guard.run(await accessFor(ctx, mode, caseDoc, openedAs(mode), 'read'), async () => {
    const state = await viewOfCase(ctx, mode, caseDoc, onlyStrings(raw));
    if (state.kind !== 'basics') return state;
    const basics = parseBasics(raw, businessDate(ctx.now));
    if (basics.value === undefined) return { ...state, errors: basics.errors };
    const same = sameGroupRefused(mode, caseDoc, basics.value);
    if (same.length > 0) return { ...state, errors: same };
    const choices = await choicesFor(ctx, basics.value.group);
    return { kind: 'details', mode, caseRef, basics: basics.value, ...choices, values: {}, errors: [] };
  });
}

/** Back from step 2 to step 1, keeping what was chosen. */
export async function visitationBasics(
  ctx: HandlerContext,
  caseRef: string,
  raw: Readonly<Record<string, unknown>>,
  mode: VisitationMode = 'decide',
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  return ctx.guard.run(await accessFor(ctx, mode, caseDoc, openedAs(mode), 'read'), () =>
    viewOfCase(ctx, mode, caseDoc, onlyStrings(raw)),
  );
}

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
