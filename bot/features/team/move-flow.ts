import { businessDate } from '../../domain/calendar';
import { REASSIGNMENT_REASONS } from '../../domain/case';
import { InvalidInputError, NotFoundError } from '../../domain/errors';
import { teamText } from '../../i18n/team';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import type { Page, WithEtag } from '../../store/documents';
import { moveDoneCard, moveForm, transferForm, type Colleague } from '../../../cards/team/move-cards';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { ownershipWithTeam, teamOfLeader, type LeaderTeam } from './leader-team';
import { moveCases } from './move-cases';
import { teamJobformidlere } from './sparring';
import { canMove, readMove } from './rules';
import { answerTransfer, requestTransfer } from './transfer';

/** The cards of moving cases: the leader's forms (one case, or several of one jobformidler) and the jobformidler's handover. */
const label = (ctx: HandlerContext) => (field: string) => {
  const key = { toUserId: 'move.to', reason: 'move.reason', date: 'move.date', caseRefs: 'move.cases' }[field];
  return key !== undefined ? teamText(ctx.actor.locale, key as Parameters<typeof teamText>[1]) : field;
};

async function load(ctx: HandlerContext, caseRef: string): Promise<WithEtag<CaseDoc>> {
  const caseDoc = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (caseDoc === undefined) throw new NotFoundError(`case ${caseRef}`);
  return caseDoc;
}

async function nameOf(ctx: HandlerContext, userId: string): Promise<string> {
  return (await ctx.services.directory.getUser(ctx.actor.tenantId, userId))?.displayName ?? userId;
}

const targetsOf = (all: readonly Colleague[], except: string | undefined): Colleague[] =>
  all.filter((c) => c.userId.toLowerCase() !== except?.toLowerCase());

// ---- the leader: one case ----

export async function reassignForm(
  ctx: HandlerContext,
  caseRef: string,
  options: { draft?: Record<string, string>; error?: string } = {},
): Promise<AdaptiveCard> {
  const caseDoc = await load(ctx, caseRef);
  const team = await teamOfLeader(ctx);
  return ctx.guard.run(
    {
      action: 'case.reassign',
      auditAction: 'case.reassign.open',
      kind: 'read',
      purpose: 'administration',
      caseRef,
      resource: await ownershipWithTeam(ctx, caseDoc, team),
    },
    async () => {
      if (!canMove(caseDoc)) return messageCard(teamText(ctx.actor.locale, 'move.skipped', { count: 1 }));
      return moveForm({
        locale: ctx.actor.locale,
        caseRef,
        targets: targetsOf(await teamJobformidlere(ctx, team), caseDoc.assignedJobformidlerId),
        today: businessDate(ctx.now),
        draft: options.draft,
        error: options.error,
      });
    },
  );
}

export function reassignSave(ctx: HandlerContext, data: { caseRef: string } & FormValues): Promise<ActionOutcome> {
  return answerForm(ctx, {
    catalogue: teamText,
    invalid: (message) => reassignForm(ctx, data.caseRef, { draft: draftOf(data), error: message }),
    conflict: async (message) => ({ card: await reassignForm(ctx, data.caseRef, { error: message }) }),
    save: async () => {
      const team = await teamOfLeader(ctx);
      const caseDoc = await load(ctx, data.caseRef);
      const targets = targetsOf(await teamJobformidlere(ctx, team), caseDoc.assignedJobformidlerId);
      const move = readMove(
        new FormReader(data, label(ctx)),
        businessDate(ctx.now),
        targets.map((t) => t.userId.toLowerCase()),
      );
      return { card: await doneCard(ctx, await moveCases(ctx, [data.caseRef], move, team), move) };
    },
  });
}

async function doneCard(
  ctx: HandlerContext,
  result: Awaited<ReturnType<typeof moveCases>>,
  move: { toUserId: string; date: string },
): Promise<AdaptiveCard> {
  return moveDoneCard({
    locale: ctx.actor.locale,
    moved: result.moved,
    skipped: result.skipped.length,
    toName: await nameOf(ctx, move.toUserId),
    date: move.date,
    told: result.delivery === 'sent',
  });
}

// ---- the leader: several cases of one jobformidler (caseload balancing) ----

/** A team member's open group 1 cases that can move, each listed as an audited look-up. */
async function movableCasesOf(ctx: HandlerContext, userId: string, team: LeaderTeam): Promise<string[]> {
  const cases = new CaseRepository(ctx.services.store);
  const out: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page: Page<WithEtag<CaseDoc>> = await cases.listOpenForJobformidler(ctx.actor.tenantId, userId, {
      maxItemCount: 100,
      continuationToken,
    });
    for (const c of page.items.filter((x) => canMove(x))) {
      await ctx.guard.run(
        {
          action: 'case.reassign',
          auditAction: 'case.reassign.list',
          kind: 'read',
          purpose: 'administration',
          caseRef: c.caseRef,
          resource: await ownershipWithTeam(ctx, c, team),
        },
        async () => undefined,
      );
      out.push(c.caseRef);
    }
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && out.length < 200);
  return out;
}

export async function bulkForm(
  ctx: HandlerContext,
  fromUserId: string,
  options: { draft?: Record<string, string>; error?: string } = {},
): Promise<AdaptiveCard> {
  ctx.guard.require('case.reassign');
  const team = await teamOfLeader(ctx);
  if (!team.memberIds.has(fromUserId.toLowerCase()))
    return messageCard(teamText(ctx.actor.locale, 'sparring.not_in_team'), { tone: 'attention' });
  const members = await teamJobformidlere(ctx, team);
  return moveForm({
    locale: ctx.actor.locale,
    from: { userId: fromUserId, displayName: await nameOf(ctx, fromUserId) },
    cases: await movableCasesOf(ctx, fromUserId, team),
    targets: targetsOf(members, fromUserId),
    today: businessDate(ctx.now),
    draft: options.draft,
    error: options.error,
  });
}

export function bulkSave(ctx: HandlerContext, data: { fromUserId: string } & FormValues): Promise<ActionOutcome> {
  return answerForm(ctx, {
    catalogue: teamText,
    invalid: (message) => bulkForm(ctx, data.fromUserId, { draft: draftOf(data), error: message }),
    conflict: async (message) => ({ card: await bulkForm(ctx, data.fromUserId, { error: message }) }),
    save: async () => {
      ctx.guard.require('case.reassign');
      const team = await teamOfLeader(ctx);
      if (!team.memberIds.has(data.fromUserId.toLowerCase()))
        return { card: messageCard(teamText(ctx.actor.locale, 'sparring.not_in_team'), { tone: 'attention' }) };
      const form = new FormReader(data, label(ctx));
      const picked = form
        .raw('caseRefs')
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
      if (picked.length === 0) throw new InvalidInputError('error.no_cases', {}, 'caseRefs');
      const targets = targetsOf(await teamJobformidlere(ctx, team), data.fromUserId);
      const move = readMove(
        form,
        businessDate(ctx.now),
        targets.map((t) => t.userId.toLowerCase()),
      );
      // Only cases of the jobformidler the form was drawn for; anything else in the payload is skipped.
      const result = await moveCases(ctx, [...new Set(picked)], move, team, data.fromUserId);
      return { card: await doneCard(ctx, result, move) };
    },
  });
}

// ---- the jobformidler: hand over with the receiver's acceptance ----

export async function transferOpen(
  ctx: HandlerContext,
  caseRef: string,
  options: { draft?: Record<string, string>; error?: string } = {},
): Promise<AdaptiveCard> {
  const caseDoc = await load(ctx, caseRef);
  return ctx.guard.run(
    {
      action: 'case.reassign',
      auditAction: 'case.transfer.open',
      kind: 'read',
      purpose: 'follow_up',
      caseRef,
      resource: ownershipOf(caseDoc),
    },
    async () => {
      const all = await ctx.services.directory.listUsersWithRole(ctx.actor.tenantId, 'jobformidler');
      return transferForm({
        locale: ctx.actor.locale,
        caseRef,
        targets: targetsOf(
          all.map((u) => ({ userId: u.userId, displayName: u.displayName })),
          ctx.actor.userId,
        ),
        draft: options.draft,
        error: options.error,
      });
    },
  );
}

export function transferRequest(ctx: HandlerContext, data: { caseRef: string } & FormValues): Promise<ActionOutcome> {
  return answerForm(ctx, {
    catalogue: teamText,
    invalid: (message) => transferOpen(ctx, data.caseRef, { draft: draftOf(data), error: message }),
    conflict: async (message) => ({ card: await transferOpen(ctx, data.caseRef, { error: message }) }),
    save: async () => {
      const all = await ctx.services.directory.listUsersWithRole(ctx.actor.tenantId, 'jobformidler');
      const targets = all.map((u) => u.userId.toLowerCase()).filter((id) => id !== ctx.actor.userId.toLowerCase());
      const form = new FormReader(data, label(ctx));
      const toUserId = form.raw('toUserId').toLowerCase();
      if (!targets.includes(toUserId)) throw new InvalidInputError('error.target', {}, 'toUserId');
      const reason = form.choice('reason', REASSIGNMENT_REASONS, { required: true }) ?? 'OTHER';
      const { delivery, toName } = await requestTransfer(ctx, data.caseRef, { toUserId, reason });
      const key = delivery === 'sent' ? 'transfer.sent' : 'transfer.not_reached';
      return {
        card: messageCard(teamText(ctx.actor.locale, key, { name: toName }), {
          tone: delivery === 'sent' ? 'good' : 'attention',
        }),
      };
    },
  });
}

export async function transferAnswer(
  ctx: HandlerContext,
  caseRef: string,
  requestedAt: string,
  accept: boolean,
): Promise<AdaptiveCard> {
  const answer = await answerTransfer(ctx, caseRef, requestedAt, accept);
  const locale = ctx.actor.locale;
  if (answer === 'gone') return messageCard(teamText(locale, 'transfer.gone'), { tone: 'attention' });
  return messageCard(teamText(locale, answer === 'accepted' ? 'transfer.accepted' : 'transfer.declined', { caseRef }), {
    tone: answer === 'accepted' ? 'good' : 'default',
  });
}
