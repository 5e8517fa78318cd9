import { ConflictError } from '../../domain/errors';
import { parseSetKey, scaleMax, type IndicatorSet } from '../../domain/indicator-set';
import { MEASUREMENT_NOTE_MAX, type MeasurementContext, type Participant } from '../../domain/progression';
import type { ProgressionKey } from '../../i18n/progression';
import type { WithEtag } from '../../store/documents';
import {
  ProgressionRepository,
  measurementDocId,
  type ProgressionMeasurementDoc,
} from '../../store/progression-repository';
import type { HandlerContext } from '../feature';
import { withCase } from './case-access';
import { IndicatorSetCatalogue, choosableSets } from './indicator-sets';
import { addDays, businessDate } from '../../domain/calendar';
import { meanScore } from './rules';
import { CaseFactsRepository } from '../../store/case-facts-repository';

/**
 * Scoring a measurement together with the citizen, as a resumable wizard: the start creates a
 * draft (once per start token), every indicator page is saved when it is left with "next", and the
 * last step completes it (once). Duplicate submits change nothing the second time.
 */
export interface DraftView {
  readonly doc: WithEtag<ProgressionMeasurementDoc>;
  readonly set: IndicatorSet;
  /** The latest completed measurement on the same set version, for "last time" hints. */
  readonly previous?: ProgressionMeasurementDoc | undefined;
}

export type ScoringProblem = { readonly kind: 'problem'; readonly key: ProgressionKey; readonly names?: string };

export interface StartInput {
  readonly startToken: string;
  readonly setKey: string;
  readonly context: MeasurementContext;
  readonly participants: readonly Participant[];
  readonly measuredAt: string;
}

const repoOf = (ctx: HandlerContext) => new ProgressionRepository(ctx.services.store);

/** The set version a measurement was scored on (it can never have changed since: see markUsed). */
async function setOf(ctx: HandlerContext, doc: ProgressionMeasurementDoc): Promise<IndicatorSet> {
  const entry = await new IndicatorSetCatalogue(ctx.services.store).find(
    ctx.actor.tenantId,
    doc.indicatorSetId,
    doc.indicatorSetVersion,
  );
  if (entry === undefined) throw new Error(`Indicator set ${doc.indicatorSetId}@${doc.indicatorSetVersion} is missing`);
  return entry.set;
}

async function viewOf(
  ctx: HandlerContext,
  doc: WithEtag<ProgressionMeasurementDoc>,
  all?: readonly ProgressionMeasurementDoc[],
): Promise<DraftView> {
  const set = await setOf(ctx, doc);
  const measurements = all ?? (await repoOf(ctx).listForCase(ctx.actor.tenantId, doc.caseRef));
  const previous = measurements
    .filter(
      (m) =>
        m.status === 'COMPLETED' &&
        m.indicatorSetId === doc.indicatorSetId &&
        m.indicatorSetVersion === doc.indicatorSetVersion &&
        m.measurementId !== doc.measurementId,
    )
    .sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : 1))
    .at(-1);
  return { doc, set, previous };
}

/** Re-reads and re-applies on an ETag conflict: every change here is idempotent. */
async function updateMeasurement(
  ctx: HandlerContext,
  caseRef: string,
  measurementId: string,
  change: (doc: WithEtag<ProgressionMeasurementDoc>) => ProgressionMeasurementDoc | undefined,
): Promise<WithEtag<ProgressionMeasurementDoc> | undefined> {
  const repo = repoOf(ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = await repo.get(ctx.actor.tenantId, caseRef, measurementId);
    if (doc === undefined) return undefined;
    const next = change(doc);
    if (next === undefined) return doc;
    try {
      return await repo.replace({ ...next, _etag: doc._etag });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ConflictError(`measurement ${measurementId}`);
}

export async function startMeasurement(
  ctx: HandlerContext,
  caseRef: string,
  input: StartInput,
): Promise<{ kind: 'started' | 'resumed'; view: DraftView } | ScoringProblem> {
  return withCase(ctx, caseRef, { kind: 'write', auditAction: 'progression.measurement.start' }, async (caseDoc) => {
    const repo = repoOf(ctx);
    const tenantId = ctx.actor.tenantId;
    const all = await repo.listForCase(tenantId, caseRef);
    const open = all.find((m) => m.status === 'DRAFT');
    if (open !== undefined) return { kind: 'resumed', view: await viewOf(ctx, open, all) };

    const settings = await ctx.services.directory.getSettings(tenantId);
    const today = businessDate(ctx.now, settings.timeZone);
    if (input.measuredAt > today || input.measuredAt < addDays(today, -366))
      return { kind: 'problem', key: 'start.error.date' };
    if (input.participants.length === 0) return { kind: 'problem', key: 'start.error.participants' };
    const group = caseDoc.visitation?.group;
    if (group === undefined) return { kind: 'problem', key: 'start.not_visited' };
    const catalogue = new IndicatorSetCatalogue(ctx.services.store);
    const wanted = parseSetKey(input.setKey);
    const set = choosableSets(await catalogue.list(tenantId), group, usedVersions(all)).find(
      (s) => s.setId === wanted?.setId && s.version === wanted.version,
    );
    if (set === undefined) return { kind: 'problem', key: 'start.error.set' };
    await catalogue.markUsed(tenantId, set.setId, set.version, ctx.now);

    const at = ctx.now.toISOString();
    const doc: ProgressionMeasurementDoc = {
      id: measurementDocId(tenantId, input.startToken),
      tenantId,
      type: 'progression_measurement',
      schemaVersion: 1,
      caseRef,
      measurementId: input.startToken,
      status: 'DRAFT',
      indicatorSetId: set.setId,
      indicatorSetVersion: set.version,
      context: input.context,
      participants: [...new Set(input.participants)],
      measuredAt: input.measuredAt,
      scores: [],
      cursor: 0,
      agreedWithCitizen: false,
      conductedBy: ctx.actor.userId,
      startedAt: at,
      updatedAt: at,
    };
    const created = await repo.createDraft(doc);
    const stored = await repo.get(tenantId, caseRef, input.startToken);
    if (stored === undefined) throw new Error('Draft measurement vanished after create');
    return { kind: created ? 'started' : 'resumed', view: await viewOf(ctx, stored, all) };
  });
}

export const usedVersions = (all: readonly ProgressionMeasurementDoc[]) =>
  all.map((m) => ({ setId: m.indicatorSetId, version: m.indicatorSetVersion }));

/** The open draft of a case, to resume where it stopped (also after a restart). */
export async function openDraft(ctx: HandlerContext, caseRef: string): Promise<DraftView | undefined> {
  return withCase(ctx, caseRef, { kind: 'read', auditAction: 'progression.measurement.read' }, async () => {
    const all = await repoOf(ctx).listForCase(ctx.actor.tenantId, caseRef);
    const open = all.find((m) => m.status === 'DRAFT');
    return open ? viewOf(ctx, open, all) : undefined;
  });
}

export type PageOutcome =
  | { readonly kind: 'saved'; readonly view: DraftView }
  | { readonly kind: 'completed'; readonly doc: ProgressionMeasurementDoc }
  | { readonly kind: 'gone' }
  | { readonly kind: 'page_error'; readonly view: DraftView; readonly page: number; readonly key: ProgressionKey };

export async function savePage(
  ctx: HandlerContext,
  caseRef: string,
  measurementId: string,
  page: number,
  input: {
    readonly move: 'next' | 'back';
    readonly score?: string | undefined;
    readonly citizenScore?: string | undefined;
    readonly note?: string | undefined;
  },
): Promise<PageOutcome> {
  return withCase(ctx, caseRef, { kind: 'write', auditAction: 'progression.measurement.save' }, async () => {
    const current = await repoOf(ctx).get(ctx.actor.tenantId, caseRef, measurementId);
    if (current === undefined) return { kind: 'gone' };
    if (current.status === 'COMPLETED') return { kind: 'completed', doc: current };
    const set = await setOf(ctx, current);
    const count = set.indicators.length;
    const at = Math.min(Math.max(page, 0), count);

    if (input.move === 'back') {
      const cursor = Math.max(0, at - 1);
      const saved = await updateMeasurement(ctx, caseRef, measurementId, (doc) =>
        doc.status === 'DRAFT' ? { ...doc, cursor, updatedAt: ctx.now.toISOString() } : undefined,
      );
      return saved ? { kind: 'saved', view: await viewOf(ctx, saved) } : { kind: 'gone' };
    }

    const indicator = set.indicators[at];
    if (indicator === undefined) return { kind: 'saved', view: await viewOf(ctx, current) };
    // Both scores are optional, at least one is required; each must be a level of the scale.
    const level = (raw: string | undefined): number | undefined | 'bad' => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const n = Number(raw);
      return Number.isInteger(n) && n >= 1 && n <= scaleMax(set.scale) ? n : 'bad';
    };
    const value = level(input.score);
    const citizenValue = level(input.citizenScore);
    const note = (input.note ?? '').trim();
    if (value === 'bad' || citizenValue === 'bad')
      return { kind: 'page_error', view: await viewOf(ctx, current), page: at, key: 'page.score.required' };
    if (value === undefined && citizenValue === undefined)
      return { kind: 'page_error', view: await viewOf(ctx, current), page: at, key: 'page.score.one_required' };
    if (note.length > MEASUREMENT_NOTE_MAX)
      return { kind: 'page_error', view: await viewOf(ctx, current), page: at, key: 'page.error.note_long' };

    const saved = await updateMeasurement(ctx, caseRef, measurementId, (doc) => {
      if (doc.status !== 'DRAFT') return undefined;
      const scores = doc.scores.filter((s) => s.indicatorId !== indicator.indicatorId);
      scores.push({
        indicatorId: indicator.indicatorId,
        ...(value !== undefined ? { value } : {}),
        ...(citizenValue !== undefined ? { citizenValue } : {}),
        ...(note ? { note } : {}),
      });
      const ordered = set.indicators.flatMap((i) => scores.filter((s) => s.indicatorId === i.indicatorId));
      return { ...doc, scores: ordered, cursor: at + 1, updatedAt: ctx.now.toISOString() };
    });
    if (saved === undefined) return { kind: 'gone' };
    if (saved.status === 'COMPLETED') return { kind: 'completed', doc: saved };
    return { kind: 'saved', view: await viewOf(ctx, saved) };
  });
}

export type CompleteOutcome =
  | { readonly kind: 'completed' | 'already'; readonly doc: ProgressionMeasurementDoc }
  | { readonly kind: 'gone' }
  | { readonly kind: 'summary_error'; readonly view: DraftView; readonly key: ProgressionKey; readonly names?: string };

export async function completeMeasurement(
  ctx: HandlerContext,
  caseRef: string,
  measurementId: string,
  agreedWithCitizen: boolean,
  names: (set: IndicatorSet, missing: readonly string[]) => string,
): Promise<CompleteOutcome> {
  return withCase(ctx, caseRef, { kind: 'write', auditAction: 'progression.measurement.complete' }, async () => {
    const current = await repoOf(ctx).get(ctx.actor.tenantId, caseRef, measurementId);
    if (current === undefined) return { kind: 'gone' };
    if (current.status === 'COMPLETED') return { kind: 'already', doc: current };
    const view = await viewOf(ctx, current);
    const missing = view.set.indicators
      .filter((i) => !current.scores.some((s) => s.indicatorId === i.indicatorId))
      .map((i) => i.indicatorId);
    if (missing.length > 0)
      return { kind: 'summary_error', view, key: 'summary.missing', names: names(view.set, missing) };
    if (agreedWithCitizen && !current.participants.includes('CITIZEN'))
      return { kind: 'summary_error', view, key: 'summary.agreed_needs_citizen' };

    let wasCompleted = false;
    const saved = await updateMeasurement(ctx, caseRef, measurementId, (doc) => {
      if (doc.status === 'COMPLETED') {
        wasCompleted = true;
        return undefined;
      }
      return {
        ...doc,
        status: 'COMPLETED',
        agreedWithCitizen,
        meanScore: meanScore(view.set, doc.scores),
        cursor: view.set.indicators.length,
        completedAt: ctx.now.toISOString(),
        updatedAt: ctx.now.toISOString(),
      };
    });
    if (saved === undefined) return { kind: 'gone' };
    // The case facts projection carries the completed measurements (M22): rebuild it, as every write does.
    const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
    await new CaseFactsRepository(ctx.services.store).rebuild(ctx.actor.tenantId, caseRef, settings, ctx.now);
    return { kind: wasCompleted ? 'already' : 'completed', doc: saved };
  });
}

/** Throws a draft away (a completed measurement is never deleted here). */
export async function discardDraft(ctx: HandlerContext, caseRef: string, measurementId: string): Promise<boolean> {
  return withCase(ctx, caseRef, { kind: 'write', auditAction: 'progression.measurement.discard' }, async () => {
    const repo = repoOf(ctx);
    const doc = await repo.get(ctx.actor.tenantId, caseRef, measurementId);
    if (doc === undefined || doc.status !== 'DRAFT') return false;
    return repo.delete(ctx.actor.tenantId, caseRef, measurementId);
  });
}

export type StartPreparation =
  | { readonly kind: 'draft'; readonly view: DraftView }
  | {
      readonly kind: 'start';
      readonly sets: IndicatorSet[];
      /** The set version of the case's latest measurement, offered first so the series stays comparable. */
      readonly earlierSet?: IndicatorSet | undefined;
      readonly completedCount: number;
      readonly today: string;
    }
  | ScoringProblem;

/** What the start card offers for a case (or the open draft, which is resumed instead). */
export async function prepareStart(ctx: HandlerContext, caseRef: string): Promise<StartPreparation> {
  return withCase(ctx, caseRef, { kind: 'read', auditAction: 'progression.measurement.read' }, async (caseDoc) => {
    const tenantId = ctx.actor.tenantId;
    const all = await repoOf(ctx).listForCase(tenantId, caseRef);
    const open = all.find((m) => m.status === 'DRAFT');
    if (open !== undefined) return { kind: 'draft', view: await viewOf(ctx, open, all) };
    const group = caseDoc.visitation?.group;
    if (group === undefined) return { kind: 'problem', key: 'start.not_visited' };
    const sets = choosableSets(
      await new IndicatorSetCatalogue(ctx.services.store).list(tenantId),
      group,
      usedVersions(all),
    );
    if (sets.length === 0) return { kind: 'problem', key: 'start.no_sets' };
    const completed = all
      .filter((m) => m.status === 'COMPLETED')
      .sort((a, b) => (a.measuredAt < b.measuredAt ? -1 : 1));
    const last = completed.at(-1);
    const earlierSet = last
      ? sets.find((s) => s.setId === last.indicatorSetId && s.version === last.indicatorSetVersion)
      : undefined;
    const settings = await ctx.services.directory.getSettings(tenantId);
    return {
      kind: 'start',
      sets: earlierSet ? [earlierSet, ...sets.filter((s) => s !== earlierSet)] : sets,
      earlierSet,
      completedCount: completed.length,
      today: businessDate(ctx.now, settings.timeZone),
    };
  });
}
