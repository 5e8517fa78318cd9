import { randomUUID } from 'node:crypto';
import { addDays, businessDate, formatLongDate } from '../../domain/calendar';
import { parseCoreSetKey, type CoreElementSet } from '../../domain/core-element-set';
import type { FidelityKey } from '../../i18n/fidelity';
import type { Params } from '../../i18n/catalogue';
import { FidelityRoundRepository, type FidelityRoundDoc } from '../../store/fidelity-round-repository';
import type { HandlerContext } from '../feature';
import { CoreElementSetCatalogue } from './core-element-sets';
import { sendInvitations } from './round-delivery';
import { DEFAULT_ROUND_DAYS, MAX_ROUND_DAYS, MIN_RESPONDENTS, checkEndDate, roundPhase } from './rules';

/**
 * A leader starts a fidelity round for the team whose channel they write in (issue 16 A.2). The
 * members are the team's roster in Teams (the team's installation in the directory) who have a role
 * in Fremdrift: staff who do the work the core elements describe. Everything is checked before the
 * round is written; the invitations then go out 1:1 at once, after the answer to the leader.
 */
export type StartProblem = { readonly key: FidelityKey; readonly params?: Params };

export interface StartForm {
  readonly sets: CoreElementSet[];
  readonly today: string;
  readonly endDate: string;
  readonly maxDate: string;
}

/** A round must be started where its team is: the team's channel. */
function teamOf(ctx: HandlerContext): { teamId: string; channelId: string } | undefined {
  const { conversation } = ctx;
  if (conversation.kind !== 'channel' || conversation.teamId === undefined || conversation.channelId === undefined)
    return undefined;
  return { teamId: conversation.teamId, channelId: conversation.channelId };
}

export async function startForm(ctx: HandlerContext): Promise<{ form: StartForm } | { problem: StartProblem }> {
  ctx.guard.require('fidelity.start');
  if (teamOf(ctx) === undefined) return { problem: { key: 'start.only_in_channel' } };
  const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const sets = await new CoreElementSetCatalogue(ctx.services.store).choosable(ctx.actor.tenantId);
  return {
    form: { sets, today, endDate: addDays(today, DEFAULT_ROUND_DAYS), maxDate: addDays(today, MAX_ROUND_DAYS) },
  };
}

export type StartOutcome =
  | { readonly kind: 'problem'; readonly problem: StartProblem; readonly form?: StartForm | undefined }
  | { readonly kind: 'started'; readonly round: FidelityRoundDoc; readonly set: CoreElementSet };

/** Invitations being sent after a start (tests and shutdown can wait for them). */
const inFlight = new Set<Promise<unknown>>();
export const invitationsSettled = async (): Promise<void> => {
  await Promise.all([...inFlight]);
};

export async function startRound(
  ctx: HandlerContext,
  input: { readonly startToken: string; readonly setKey: string; readonly endDate: string },
): Promise<StartOutcome> {
  const prepared = await startForm(ctx);
  if ('problem' in prepared) return { kind: 'problem', problem: prepared.problem };
  const { form } = prepared;
  const team = teamOf(ctx);
  if (team === undefined) return { kind: 'problem', problem: { key: 'start.only_in_channel' } };
  const refuse = (key: FidelityKey, params?: Params): StartOutcome => ({
    kind: 'problem',
    problem: { key, ...(params ? { params } : {}) },
    form,
  });
  const { services, actor } = ctx;
  const repo = new FidelityRoundRepository(services.store);

  // The same form sent twice (a double click, Teams retrying): the round it started.
  const again = await repo.get(actor.tenantId, input.startToken);
  if (again !== undefined) {
    const set = form.sets.find((s) => s.setId === again.setId) ?? (await setOf(ctx, again));
    if (set !== undefined) return { kind: 'started', round: again, set };
  }

  const dateProblem = checkEndDate(input.endDate, form.today);
  if (dateProblem !== undefined) return refuse(`start.${dateProblem}`, { days: MAX_ROUND_DAYS });
  const key = parseCoreSetKey(input.setKey);
  const chosen = form.sets.find((s) => key !== undefined && s.setId === key.setId && s.version === key.version);
  if (chosen === undefined) return refuse('start.unknown_set');

  const open = (await repo.list(actor.tenantId, team.teamId)).find((r) => roundPhase(r, form.today) === 'open');
  if (open !== undefined) {
    const set = await setOf(ctx, open);
    return refuse('start.already_open', {
      programme: set?.programme[actor.locale] ?? open.setId,
      date: formatLongDate(open.endDate, actor.locale),
    });
  }

  const installation = await services.directory.getInstallation(actor.tenantId, team.teamId);
  if (installation === undefined) return refuse('start.no_installation');
  const roster = await services.notifier.teamMemberIds(installation);
  if (roster === undefined) return refuse('start.no_roster');
  const onTeam = new Set(roster.map((id) => id.toLowerCase()));
  const invitees = (await services.directory.listUsers(actor.tenantId))
    .filter((u) => u.roles.length > 0 && onTeam.has(u.userId.toLowerCase()))
    .map((u) => u.userId);
  if (invitees.length < MIN_RESPONDENTS)
    return refuse('start.too_few_members', { count: invitees.length, min: MIN_RESPONDENTS });

  const round = await ctx.guard.run(
    {
      action: 'fidelity.start',
      kind: 'write',
      purpose: 'management_information',
      auditAction: 'fidelity.round.start',
    },
    async (): Promise<FidelityRoundDoc | undefined> => {
      const set = await new CoreElementSetCatalogue(services.store).markUsed(
        actor.tenantId,
        chosen.setId,
        chosen.version,
        ctx.now,
      );
      if (set === undefined) return undefined;
      const doc: FidelityRoundDoc = {
        id: `fidelity_round:${input.startToken}`,
        tenantId: actor.tenantId,
        type: 'fidelity_round',
        schemaVersion: 1,
        roundId: input.startToken,
        teamId: team.teamId,
        channelId: team.channelId,
        setId: chosen.setId,
        setVersion: chosen.version,
        startDate: form.today,
        endDate: input.endDate,
        locale: actor.locale,
        startedBy: actor.userId,
        startedAt: ctx.now.toISOString(),
        status: 'OPEN',
        invitedCount: invitees.length,
        answeredCount: 0,
        invitees,
        answeredBy: [],
        totals: {},
      };
      return (await repo.create(doc)) ? doc : await repo.get(actor.tenantId, input.startToken);
    },
  );
  if (round === undefined) return refuse('start.unknown_set');

  const sending = sendInvitations(services, round, { holder: `fidelity-start-${randomUUID()}` }, ctx.now).catch(
    (e: unknown) => ctx.log.error({ err: e, roundId: round.roundId }, 'Fidelity invitations failed; the job retries'),
  );
  inFlight.add(sending);
  void sending.finally(() => inFlight.delete(sending));
  return { kind: 'started', round, set: chosen };
}

async function setOf(ctx: HandlerContext, round: FidelityRoundDoc): Promise<CoreElementSet | undefined> {
  return new CoreElementSetCatalogue(ctx.services.store).find(round.tenantId, round.setId, round.setVersion);
}
