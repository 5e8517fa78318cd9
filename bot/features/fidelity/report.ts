import type { CoreElementSet } from '../../domain/core-element-set';
import type { Store } from '../../store/cosmos-store';
import type { WithEtag } from '../../store/documents';
import { FidelityRoundRepository, type FidelityRoundDoc } from '../../store/fidelity-round-repository';
import { roundReportCard, roundsListCard } from '../../../cards/fidelity/report-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { Locale } from '../../i18n/locale';
import type { HandlerContext } from '../feature';
import { CoreElementSetCatalogue } from './core-element-sets';
import { roundResult, type RoundResult } from './rules';

/**
 * A round's report: the team's sums turned into what may be shown (rules.roundResult), beside the
 * previous closed round of the same programme for the same team. Leaders read it through the
 * guard (purpose management information), like the digest preview.
 */
export interface LoadedReport {
  readonly round: FidelityRoundDoc;
  readonly set: CoreElementSet;
  /** Undefined while the round is open. */
  readonly result: RoundResult | undefined;
  readonly previousEndDate?: string | undefined;
}

/** The team's last closed round of the same programme before this one. */
export function previousRound(
  rounds: readonly FidelityRoundDoc[],
  round: Pick<FidelityRoundDoc, 'roundId' | 'teamId' | 'setId' | 'endDate'>,
): FidelityRoundDoc | undefined {
  return rounds
    .filter(
      (r) =>
        r.roundId !== round.roundId &&
        r.teamId === round.teamId &&
        r.setId === round.setId &&
        r.status === 'CLOSED' &&
        r.endDate < round.endDate,
    )
    .sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
}

export async function loadReport(store: Store, round: FidelityRoundDoc): Promise<LoadedReport | undefined> {
  const set = await new CoreElementSetCatalogue(store).find(round.tenantId, round.setId, round.setVersion);
  if (set === undefined) return undefined;
  if (round.status !== 'CLOSED') return { round, set, result: undefined };
  const previous = previousRound(await new FidelityRoundRepository(store).list(round.tenantId, round.teamId), round);
  return { round, set, result: roundResult(set, round, previous), previousEndDate: previous?.endDate };
}

export const reportCard = (locale: Locale, report: LoadedReport): AdaptiveCard =>
  roundReportCard({
    locale,
    round: report.round,
    set: report.set,
    result: report.result,
    previousEndDate: report.previousEndDate,
  });

const audited = <T>(ctx: HandlerContext, work: () => Promise<T>): Promise<T> =>
  ctx.guard.run(
    { action: 'fidelity.report', kind: 'read', purpose: 'management_information', auditAction: 'fidelity.report' },
    work,
  );

/**
 * One round's report for a leader. In a channel only the rounds of that channel's team are shown, so
 * a team's result never lands in another team's channel.
 */
export async function roundReport(ctx: HandlerContext, roundId: string): Promise<LoadedReport | undefined> {
  return audited(ctx, async () => {
    const round: WithEtag<FidelityRoundDoc> | undefined = await new FidelityRoundRepository(ctx.services.store).get(
      ctx.actor.tenantId,
      roundId,
    );
    if (round === undefined) return undefined;
    if (ctx.conversation.kind !== 'personal' && round.teamId !== ctx.conversation.teamId) return undefined;
    return loadReport(ctx.services.store, round);
  });
}

/**
 * "fidelitetsrapport": in a team's channel its latest round; in the 1:1 chat the tenant's rounds,
 * newest first. A group chat belongs to no team, and the municipality's list does not belong where
 * others read along: it gets a pointer to the two places that work.
 */
export async function reportsFor(
  ctx: HandlerContext,
): Promise<
  | { kind: 'report'; report: LoadedReport }
  | { kind: 'none_team' }
  | { kind: 'not_here' }
  | { kind: 'list'; card: AdaptiveCard }
> {
  if (ctx.conversation.kind === 'groupChat') {
    ctx.guard.require('fidelity.report');
    return { kind: 'not_here' };
  }
  const repo = new FidelityRoundRepository(ctx.services.store);
  const teamId = ctx.conversation.kind === 'channel' ? ctx.conversation.teamId : undefined;
  return audited(ctx, async () => {
    if (teamId !== undefined) {
      const latest = (await repo.list(ctx.actor.tenantId, teamId))[0];
      const report = latest === undefined ? undefined : await loadReport(ctx.services.store, latest);
      return report === undefined ? { kind: 'none_team' as const } : { kind: 'report' as const, report };
    }
    const catalogue = new CoreElementSetCatalogue(ctx.services.store);
    const rounds = (await repo.list(ctx.actor.tenantId)).slice(0, 20);
    const rows = [];
    for (const round of rounds) {
      const set = await catalogue.find(round.tenantId, round.setId, round.setVersion);
      if (set !== undefined) rows.push({ round: { ...round, open: round.status === 'OPEN' }, set });
    }
    return { kind: 'list' as const, card: roundsListCard({ locale: ctx.actor.locale, rows }) };
  });
}
