import { ConflictError, NotFoundError } from '../../domain/errors';
import type { CaseDoc } from '../../store/case-repository';
import type { CaseAccess } from '../../access/guard';
import type { HandlerContext } from '../feature';
import { rebuildCaseFacts } from '../case/rebuild-facts';
import { businessDate } from '../../domain/calendar';
import { repositoriesOf } from '../screening/repositories';
import { notifyJobformidler, type HandoverDelivery } from './handover';
import { staffName } from '../staff-name';
import { parseBasics, parseGroupDetails, type DecisionBasics, type FieldError, type GroupDetails } from './rules';

export interface JobformidlerChoice {
  readonly userId: string;
  readonly displayName: string;
}

export type VisitationView =
  | {
      readonly kind: 'basics';
      readonly caseRef: string;
      readonly values: Readonly<Record<string, string>>;
      readonly errors: readonly FieldError[];
    }
  | {
      readonly kind: 'details';
      readonly caseRef: string;
      readonly basics: DecisionBasics;
      readonly jobformidlere: readonly JobformidlerChoice[];
      readonly values: Readonly<Record<string, string>>;
      readonly errors: readonly FieldError[];
    }
  | {
      readonly kind: 'decided';
      readonly caseDoc: CaseDoc;
      readonly jobformidlerName?: string | undefined;
      readonly handover?: HandoverDelivery | undefined;
      readonly already: boolean;
    }
  | { readonly kind: 'not_ready'; readonly caseRef: string };

const access = (caseDoc: CaseDoc, auditAction: string, kind: 'read' | 'write'): CaseAccess => ({
  action: 'visitation.decide',
  auditAction,
  kind,
  purpose: 'visitation',
  caseRef: caseDoc.caseRef,
  resource: { tenantId: caseDoc.tenantId, screenerId: caseDoc.screenerId },
});

async function loadCase(ctx: HandlerContext, caseRef: string): Promise<CaseDoc> {
  const caseDoc = await repositoriesOf(ctx).cases.get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError('case');
  return caseDoc;
}

async function jobformidlereOf(ctx: HandlerContext): Promise<JobformidlerChoice[]> {
  const users = await ctx.services.directory.listUsersWithRole(ctx.actor.tenantId, 'jobformidler');
  return users.map((u) => ({ userId: u.userId, displayName: staffName(u, ctx.actor.locale) }));
}

async function nameOf(ctx: HandlerContext, userId: string | undefined): Promise<string | undefined> {
  if (userId === undefined) return undefined;
  return staffName(await ctx.services.directory.getUser(ctx.actor.tenantId, userId), ctx.actor.locale, userId);
}

const onlyStrings = (raw: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** The state of a case that is no longer waiting for a decision, or the form's first step. */
async function viewOfCase(
  ctx: HandlerContext,
  caseDoc: CaseDoc,
  values: Record<string, string>,
): Promise<VisitationView> {
  if (caseDoc.visitation !== undefined)
    return {
      kind: 'decided',
      caseDoc,
      jobformidlerName: await nameOf(ctx, caseDoc.assignedJobformidlerId),
      already: true,
    };
  if (caseDoc.status !== 'AWAITING_VISITATION') return { kind: 'not_ready', caseRef: caseDoc.caseRef };
  return { kind: 'basics', caseRef: caseDoc.caseRef, values, errors: [] };
}

/** Opens the decision card for a screened case (only its screener may decide). */
export async function openVisitation(ctx: HandlerContext, caseRef: string): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  return ctx.guard.run(access(caseDoc, 'visitation.open', 'read'), () =>
    viewOfCase(ctx, caseDoc, { conversationAt: businessDate(ctx.now) }),
  );
}

/** Step 1 → step 2 (or step 1 again with inline errors). Nothing is written until "save". */
export async function visitationDetails(
  ctx: HandlerContext,
  caseRef: string,
  raw: Readonly<Record<string, unknown>>,
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  return ctx.guard.run(access(caseDoc, 'visitation.open', 'read'), async () => {
    const state = await viewOfCase(ctx, caseDoc, onlyStrings(raw));
    if (state.kind !== 'basics') return state;
    const basics = parseBasics(raw, businessDate(ctx.now));
    if (basics.value === undefined) return { ...state, errors: basics.errors };
    const jobformidlere = basics.value.group === 'G1_INTERVENTION' ? await jobformidlereOf(ctx) : [];
    return { kind: 'details', caseRef, basics: basics.value, jobformidlere, values: {}, errors: [] };
  });
}

/** Back from step 2 to step 1, keeping what was chosen. */
export async function visitationBasics(
  ctx: HandlerContext,
  caseRef: string,
  raw: Readonly<Record<string, unknown>>,
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  return ctx.guard.run(access(caseDoc, 'visitation.open', 'read'), () => viewOfCase(ctx, caseDoc, onlyStrings(raw)));
}

function decided(caseDoc: CaseDoc, basics: DecisionBasics, details: GroupDetails, ctx: HandlerContext): CaseDoc {
  const today = businessDate(ctx.now);
  const { group: _group, ...groupFields } = details;
  const visitation = {
    group: basics.group,
    conversationAt: basics.conversationAt,
    decidedAt: ctx.now.toISOString(),
    decidedBy: ctx.actor.userId,
    effectiveFrom: today,
    rationaleCode: basics.rationale,
    ...(basics.note !== undefined ? { note: basics.note } : {}),
    ...(details.group === 'G1_INTERVENTION' ? { firstJobConversationBookedFor: details.firstJobConversationAt } : {}),
    ...(details.group === 'G2_REHABILITATION' ? { g2: groupFields } : {}),
    ...(details.group === 'G3_NOT_EMPLOYMENT_READY' ? { g3: groupFields } : {}),
  };
  const base: CaseDoc = {
    ...caseDoc,
    visitation,
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.actor.userId,
  };
  if (details.group !== 'G1_INTERVENTION') return { ...base, status: 'VISITED' };
  return {
    ...base,
    status: 'ACTIVE',
    assignedJobformidlerId: details.jobformidlerId,
    jobformidlerHistory: [...caseDoc.jobformidlerHistory, { userId: details.jobformidlerId, from: today }],
  };
}

/**
 * Records the decision on the case (group, dates, rationale; for group 1 the personal jobformidler
 * and the booked first job conversation) and, for group 1, tells the jobformidler. A second click
 * finds the decision already made and neither writes nor notifies again.
 */
export async function saveVisitation(
  ctx: HandlerContext,
  caseRef: string,
  raw: Readonly<Record<string, unknown>>,
): Promise<VisitationView> {
  const caseDoc = await loadCase(ctx, caseRef);
  const basics = parseBasics(raw, businessDate(ctx.now));
  if (basics.value === undefined)
    return ctx.guard.run(access(caseDoc, 'visitation.open', 'read'), async () => {
      const state = await viewOfCase(ctx, caseDoc, onlyStrings(raw));
      return state.kind === 'basics' ? { ...state, errors: basics.errors } : state;
    });
  const jobformidlere = basics.value.group === 'G1_INTERVENTION' ? await jobformidlereOf(ctx) : [];
  const details = parseGroupDetails(
    basics.value,
    raw,
    jobformidlere.map((j) => j.userId),
  );
  if (details.value === undefined) {
    const b = basics.value;
    return ctx.guard.run(access(caseDoc, 'visitation.open', 'read'), async () => {
      const state = await viewOfCase(ctx, caseDoc, {});
      if (state.kind !== 'basics') return state;
      return { kind: 'details', caseRef, basics: b, jobformidlere, values: onlyStrings(raw), errors: details.errors };
    });
  }
  const chosen = { basics: basics.value, details: details.value };
  const outcome = await ctx.guard.run(access(caseDoc, 'visitation.decide', 'write'), async () => {
    const { cases } = repositoriesOf(ctx);
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await cases.get(ctx.actor.tenantId, caseRef);
      if (current === undefined) throw new NotFoundError('case');
      if (current.visitation !== undefined || current.status !== 'AWAITING_VISITATION')
        return { won: false as const, view: await viewOfCase(ctx, current, {}) };
      try {
        const saved = await cases.replace({
          ...decided(current, chosen.basics, chosen.details, ctx),
          _etag: current._etag,
        });
        // The digest and "Mine borgere" read the facts projection: the group and its interval start here.
        await rebuildCaseFacts(ctx, caseRef);
        return { won: true as const, saved };
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError('case');
  });
  if (!outcome.won) return outcome.view;
  const d = chosen.details;
  const handover =
    d.group === 'G1_INTERVENTION'
      ? await notifyJobformidler(ctx, {
          caseRef,
          jobformidlerId: d.jobformidlerId,
          firstJobConversationAt: d.firstJobConversationAt,
        })
      : undefined;
  return {
    kind: 'decided',
    caseDoc: outcome.saved,
    jobformidlerName: await nameOf(ctx, outcome.saved.assignedJobformidlerId),
    handover,
    already: false,
  };
}
