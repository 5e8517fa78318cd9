import { randomUUID } from 'node:crypto';
import type { IndicatorSet } from '../../domain/indicator-set';
import { progressionText as t } from '../../i18n/progression';
import type { Locale } from '../../i18n/locale';
import { messageCard } from '../../../cards/common/message-card';
import { progressionOverviewCard, type ProgressionCardInput } from '../../../cards/progression/overview-card';
import { indicatorPageCard, startCard, summaryCard } from '../../../cards/progression/scoring-cards';
import type { AdaptiveCard } from '../../../cards/types';
import type { HandlerContext } from '../feature';
import { loadOverview, type ProgressionOverview } from './overview';
import { suggestedContext } from './rules';
import { prepareStart, type DraftView } from './scoring';

/**
 * The progression cards the handlers answer with, built from what the use cases return: the
 * overview, the scoring wizard's page for a draft, the start card, and the refusals.
 */
export function cardInput(o: ProgressionOverview, locale: Locale, notice?: string): ProgressionCardInput {
  return {
    locale,
    caseRef: o.caseRef,
    latest: o.latest,
    latestSet: o.latestSet,
    baseline: o.baseline,
    comparison: o.comparison,
    otherVersions: o.otherVersions,
    draft: o.draft,
    due: o.due,
    nextDue: o.nextDue,
    weeks: o.weeks,
    hoursTarget: o.settings.ordinaryHoursTarget,
    nextAgreedStep: o.nextAgreedStep,
    notice,
  };
}

export async function overviewCard(ctx: HandlerContext, caseRef: string, notice?: string): Promise<AdaptiveCard> {
  const overview = await loadOverview(ctx, caseRef, 'progression.read');
  return progressionOverviewCard(cardInput(overview, ctx.actor.locale, notice));
}

/** The wizard's page for a draft: the indicator at its cursor, or the summary once all are passed. */
export function draftCard(
  ctx: HandlerContext,
  view: DraftView,
  options: { page?: number; error?: string } = {},
): AdaptiveCard {
  const locale = ctx.actor.locale;
  const page = options.page ?? view.doc.cursor;
  if (page >= view.set.indicators.length)
    return summaryCard({
      locale,
      caseRef: view.doc.caseRef,
      measurementId: view.doc.measurementId,
      set: view.set,
      scores: view.doc.scores,
      agreedWithCitizen: view.doc.agreedWithCitizen,
      error: options.error,
    });
  return indicatorPageCard({
    locale,
    caseRef: view.doc.caseRef,
    measurementId: view.doc.measurementId,
    set: view.set,
    page,
    scores: view.doc.scores,
    previous: view.previous,
    error: options.error,
  });
}

export async function startOrResumeCard(ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> {
  const prepared = await prepareStart(ctx, caseRef);
  if (prepared.kind === 'draft') return draftCard(ctx, prepared.view);
  if (prepared.kind === 'problem') return messageCard(t(ctx.actor.locale, prepared.key), { tone: 'attention' });
  return startCard({
    locale: ctx.actor.locale,
    caseRef,
    sets: prepared.sets,
    earlierSet: prepared.earlierSet,
    context: suggestedContext(prepared.completedCount),
    today: prepared.today,
    startToken: randomUUID(),
  });
}

export const missingNames = (locale: Locale) => (set: IndicatorSet, ids: readonly string[]) =>
  set.indicators
    .filter((i) => ids.includes(i.indicatorId))
    .map((i) => i.name[locale])
    .join(', ');

export const goneCard = (ctx: HandlerContext, caseRef: string): AdaptiveCard =>
  messageCard(t(ctx.actor.locale, 'error.measurement_gone', { caseRef }), { tone: 'attention' });
