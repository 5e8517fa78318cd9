import { stampNew } from '../../domain/case-work-doc';
import type { CompanyDoc, JobOpeningDoc } from '../../domain/company';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { jobMatchDocId, type JobMatchDoc } from '../../domain/job-match';
import { businessDate } from '../../domain/calendar';
import { CaseRepository, type CaseDoc } from '../../store/case-repository';
import { CompanyRepository } from '../../store/company-repository';
import { JobMatchRepository, readMatchInputs, type MatchInputs } from '../../store/job-match-repository';
import type { WithEtag } from '../../store/documents';
import { suggestionsCard, type SuggestionRow } from '../../../cards/jobmatch/suggestions-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { ownershipOf, readCase, writeCase } from '../case-work/case-access';
import { bySuggestion, isOpenOn, matchOpening, type MatchSuggestion, type OpeningForMatch } from './rules';

/** Suggestions one card shows: the best few, so the card stays readable and small. */
export const MAX_SUGGESTIONS = 8;

export type Notice = { readonly text: string; readonly tone: 'good' | 'attention' } | undefined;

export const openingForMatch = (o: JobOpeningDoc, company: CompanyDoc | undefined): OpeningForMatch => ({
  openingId: o.openingId,
  title: o.title,
  occupationCode: o.occupationCode,
  hoursPerWeek: o.hoursPerWeek,
  company: { postcode: company?.postcode, city: company?.city },
});

/** A case's suggestion for an opening, against what is already recorded (a set-aside one is not shown again). */
export function suggestionFor(inputs: MatchInputs | undefined, opening: OpeningForMatch): MatchSuggestion | undefined {
  const goals = (inputs?.goals?.goals ?? []).filter((g) => g.status === 'ACTIVE');
  return matchOpening({ goals, profile: inputs?.profile }, opening);
}

/** The record of a suggestion shown for the first time (the art. 22 trail: what was suggested and why). */
export function proposedMatch(
  ctx: HandlerContext,
  caseRef: string,
  today: string,
  opening: JobOpeningDoc,
  companyName: string,
  suggestion: MatchSuggestion,
): JobMatchDoc {
  return {
    id: jobMatchDocId(ctx.actor.tenantId, opening.openingId),
    tenantId: ctx.actor.tenantId,
    caseRef,
    type: 'job_match',
    ...stampNew(ctx.actor.userId, ctx.now),
    openingId: opening.openingId,
    companyId: opening.companyId,
    openingTitle: opening.title,
    companyName: companyName.slice(0, 120),
    status: 'PROPOSED',
    proposedOn: today,
    score: suggestion.score,
    reasons: [...suggestion.reasons],
    sharedWith: [],
  };
}

/** Records suggestions shown for the first time on the case (an audited write; the facts count them). */
async function recordProposals(ctx: HandlerContext, caseRef: string, docs: readonly JobMatchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  await writeCase(
    ctx,
    caseRef,
    'jobmatch.propose',
    async () => {
      const repository = new JobMatchRepository(ctx.services.store);
      for (const doc of docs) {
        try {
          await repository.save(doc, undefined);
        } catch (e) {
          // Shown to someone else a moment ago: it is recorded.
          if (!(e instanceof ConflictError)) throw e;
        }
      }
    },
    { action: 'jobmatch.suggest' },
  );
}

function rowOf(
  caseRef: string,
  opening: JobOpeningDoc,
  companyName: string,
  suggestion: MatchSuggestion,
  recorded: JobMatchDoc | undefined,
): SuggestionRow {
  return {
    caseRef,
    openingId: opening.openingId,
    openingTitle: opening.title,
    companyName,
    level: suggestion.level,
    goalTitle: suggestion.goalTitle,
    reasons: recorded?.status === 'ACCEPTED' ? recorded.reasons : suggestion.reasons,
    status: recorded?.status ?? 'PROPOSED',
    decidedOn: recorded?.decidedOn,
    agreementId: recorded?.agreementId,
  };
}

/**
 * `jobmatch <sag>`: open openings that fit the citizen's ABC job goals, best first, each with its
 * reasons. Only the case's jobformidler may ask (an audited read of the case).
 */
export async function suggestionsForCase(ctx: HandlerContext, caseRef: string, notice?: Notice): Promise<AdaptiveCard> {
  const { tenantId } = ctx.actor;
  const found = await readCase(
    ctx,
    caseRef,
    'jobmatch.suggest',
    async ({ caseDoc, today }) => {
      const [inputs, openings] = await Promise.all([
        readMatchInputs(ctx.services.store, tenantId, [caseRef]).then((m) => m.get(caseRef)),
        new CompanyRepository(ctx.services.store).openOpenings(tenantId),
      ]);
      const open = openings.filter((o) => isOpenOn(o, today));
      const companies = await new CompanyRepository(ctx.services.store).companiesByIds(
        tenantId,
        open.map((o) => o.companyId),
      );
      const recorded = new Map((inputs?.matches ?? []).map((m) => [m.openingId, m]));
      const hasGoals = (inputs?.goals?.goals ?? []).some((g) => g.status === 'ACTIVE');
      const rows: (SuggestionRow & { suggestion: MatchSuggestion; key: string; opening: JobOpeningDoc })[] = [];
      for (const opening of open) {
        const company = companies.get(opening.companyId);
        const mine = recorded.get(opening.openingId);
        if (mine?.status === 'DECLINED') continue;
        const suggestion = suggestionFor(inputs, openingForMatch(opening, company));
        if (suggestion === undefined && mine?.status !== 'ACCEPTED') continue;
        const s = suggestion ?? {
          level: 'A' as const,
          goalTitle: '',
          score: mine?.score ?? 0,
          reasons: mine?.reasons ?? [],
        };
        rows.push({
          ...rowOf(caseRef, opening, company?.name ?? '–', s, mine),
          suggestion: s,
          key: opening.openingId,
          opening,
        });
      }
      rows.sort(bySuggestion);
      return { rows: rows.slice(0, MAX_SUGGESTIONS), hasGoals, today, caseDoc, recorded };
    },
    'jobmatch.suggest',
  );
  const fresh = found.caseDoc.status === 'CLOSED' ? [] : found.rows.filter((r) => !found.recorded.has(r.openingId));
  await recordProposals(
    ctx,
    caseRef,
    fresh.map((r) => proposedMatch(ctx, caseRef, found.today, r.opening, r.companyName, r.suggestion)),
  );
  return suggestionsCard({
    locale: ctx.actor.locale,
    mode: 'case',
    subject: caseRef,
    caseRef,
    rows: found.rows,
    ...(found.rows.length === 0 ? { empty: found.hasGoals ? ('none' as const) : ('no_goals' as const) } : {}),
    notice,
  });
}

/** The jobformidler's own open cases (a caseload is a few dozen). */
async function ownOpenCases(ctx: HandlerContext): Promise<WithEtag<CaseDoc>[]> {
  const cases = new CaseRepository(ctx.services.store);
  const all: WithEtag<CaseDoc>[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await cases.listOpenForJobformidler(ctx.actor.tenantId, ctx.actor.userId, {
      maxItemCount: 100,
      ...(continuationToken !== undefined ? { continuationToken } : {}),
    });
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
}

/**
 * "Find borgere" on an opening: the jobformidler's own citizens whose job goals fit it, best first.
 * Every citizen shown is an audited read of that case; others' citizens are never considered.
 */
export async function suggestionsForOpening(
  ctx: HandlerContext,
  openingId: string,
  notice?: Notice,
): Promise<AdaptiveCard> {
  ctx.guard.require('jobmatch.suggest');
  const { tenantId } = ctx.actor;
  const companies = new CompanyRepository(ctx.services.store);
  const opening = await companies.getOpening(tenantId, openingId);
  if (opening === undefined) throw new NotFoundError(`opening ${openingId}`);
  const company = await companies.getCompany(tenantId, opening.companyId);
  const settings = await ctx.services.directory.getSettings(tenantId);
  const today = businessDate(ctx.now, settings.timeZone);
  const cases = isOpenOn(opening, today) ? await ownOpenCases(ctx) : [];
  const inputs = await readMatchInputs(
    ctx.services.store,
    tenantId,
    cases.map((c) => c.caseRef),
  );
  const target = openingForMatch(opening, company);
  const candidates = cases
    .flatMap((c) => {
      const recorded = inputs.get(c.caseRef)?.matches.find((m) => m.openingId === openingId);
      if (recorded?.status === 'DECLINED') return [];
      const suggestion = suggestionFor(inputs.get(c.caseRef), target);
      return suggestion === undefined ? [] : [{ caseDoc: c, suggestion, recorded, key: c.caseRef }];
    })
    .sort(bySuggestion)
    .slice(0, MAX_SUGGESTIONS);
  const rows: SuggestionRow[] = [];
  for (const c of candidates) {
    rows.push(
      await ctx.guard.run(
        {
          action: 'jobmatch.suggest',
          kind: 'read',
          purpose: 'follow_up',
          caseRef: c.caseDoc.caseRef,
          resource: ownershipOf(c.caseDoc),
          auditAction: 'jobmatch.suggest',
        },
        async () => rowOf(c.caseDoc.caseRef, opening, company?.name ?? '–', c.suggestion, c.recorded),
      ),
    );
    if (c.recorded === undefined)
      await recordProposals(ctx, c.caseDoc.caseRef, [
        proposedMatch(ctx, c.caseDoc.caseRef, today, opening, company?.name ?? '–', c.suggestion),
      ]);
  }
  return suggestionsCard({
    locale: ctx.actor.locale,
    mode: 'opening',
    subject: opening.title,
    openingId,
    rows,
    ...(rows.length === 0 ? { empty: 'none' as const } : {}),
    notice,
  });
}
