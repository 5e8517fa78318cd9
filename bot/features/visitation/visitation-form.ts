import { NotFoundError } from '../../domain/errors';
import type { CaseOwnership } from '../../domain/policy';
import type { CaseDoc, PastVisitation } from '../../store/case-repository';
import type { WithEtag } from '../../store/documents';
import type { CaseAccess } from '../../access/guard';
import type { HandlerContext } from '../feature';
import { businessDate } from '../../domain/calendar';
import { repositoriesOf } from '../screening/repositories';
import { ownershipOf } from '../case-work/case-access';
import { ownershipWithTeam } from '../team/leader-team';
import {
  parseBasics,
  suggestedConversationAt,
  type DecisionBasics,
  type FieldError,
  type HandoverDelivery,
  type JobformidlerChoice,
  type VisitationMode,
} from './rules';
import { staffName } from '../staff-name';

/**
 * The visitation form's steps before the save: what the card shows for a case (its first step, the
 * group details, or why it cannot be decided now), and the reads and access each step needs. The save
 * is decide-visitation.ts.
 */
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

export const actionOf = (mode: VisitationMode) => (mode === 'decide' ? 'visitation.decide' : 'visitation.change');
/** The audit action of a read of the form (kept as `visitation.open` for the first decision). */
export const openedAs = (mode: VisitationMode) => (mode === 'decide' ? 'visitation.open' : 'visitation.change.open');

export async function accessFor(
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

export async function loadCase(ctx: HandlerContext, caseRef: string): Promise<WithEtag<CaseDoc>> {
  const caseDoc = await repositoriesOf(ctx).cases.get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError('case');
  return caseDoc;
}

async function usersWith(ctx: HandlerContext, role: 'jobformidler' | 'myndighedssagsbehandler') {
  const users = await ctx.services.directory.listUsersWithRole(ctx.actor.tenantId, role);
  return users.map((u) => ({ userId: u.userId.toLowerCase(), displayName: staffName(u, ctx.actor.locale) }));
}

export async function choicesFor(
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

export const onlyStrings = (raw: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));

export type DecidedView = Extract<VisitationView, { kind: 'decided' }>;

export async function decidedView(
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
export async function viewOfCase(
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
export const sameGroupRefused = (mode: VisitationMode, caseDoc: CaseDoc, basics: DecisionBasics): FieldError[] =>
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
