import { daysBetween } from '../../domain/calendar';
import { orientedScore, type IndicatorSet } from '../../domain/indicator-set';
import type { MeasurementContext } from '../../domain/progression';
import { currentAgreement, entryOf, type AgreementDoc } from '../../domain/work-agreement';

/**
 * Pure rules of progression measurement: the cadence, the mean score, and which two measurements
 * may be compared. No I/O and no clock: dates come in as arguments (ISO business dates). The
 * cadence and the case-facts projection are the domain's (bot/domain/progression.ts), since the
 * facts builder needs them; they are re-exported here for the feature.
 */
export { nextProgressionDue, progressionProjection, type CompletedMeasurement } from '../../domain/progression';

/**
 * The citizen's next agreed step, for their own version of the card: the plan for more ordinary
 * hours in the current work agreement (its steps and dates), else its milestones (delmål). The
 * model's 30 hours is the jobcentre's aim; what the citizen works toward now is what was agreed.
 */
export function nextAgreedStep(
  agreements: readonly Pick<AgreementDoc, 'status' | 'createdAt' | 'checklist'>[],
): string | undefined {
  const current = currentAgreement(agreements);
  if (current === undefined) return undefined;
  for (const key of ['ORDINARY_HOURS_PLAN', 'MILESTONES'] as const) {
    const entry = entryOf(current.checklist, key);
    const value = entry.value?.trim() ?? '';
    if (entry.status === 'AGREED' && value !== '') return value;
  }
  return undefined;
}

export type DueState = { readonly state: 'none' } | { readonly state: 'upcoming' | 'due'; readonly daysLate: number };

/** Whether a measurement is due on `today` (and how many days late it is; 0 on the day). */
export function progressionDueState(due: string | undefined, today: string): DueState {
  if (due === undefined) return { state: 'none' };
  const late = daysBetween(due, today);
  return late >= 0 ? { state: 'due', daysLate: late } : { state: 'upcoming', daysLate: late };
}

export interface Score {
  readonly indicatorId: string;
  /** The jobformidler's score; the citizen's own (`citizenValue`) is compared on its own, never mixed in. */
  readonly value?: number | undefined;
  readonly citizenValue?: number | undefined;
}

/** The mean of a measurement's scores with every indicator turned so higher is better (2 decimals). */
export function meanScore(set: IndicatorSet, scores: readonly Score[]): number | undefined {
  const values = set.indicators.flatMap((indicator) => {
    const score = scores.find((s) => s.indicatorId === indicator.indicatorId);
    return score?.value !== undefined ? [orientedScore(indicator, score.value, set.scale)] : [];
  });
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** What every comparison needs of a measurement. */
export interface Measured {
  readonly measuredAt: string;
  readonly setId: string;
  readonly setVersion: number;
  readonly context: string;
}

export const sameVersion = (a: Pick<Measured, 'setId' | 'setVersion'>, b: Pick<Measured, 'setId' | 'setVersion'>) =>
  a.setId === b.setId && a.setVersion === b.setVersion;

export interface ComparablePair<M extends Measured> {
  readonly latest: M;
  /** The baseline on the latest measurement's set version (its first BASELINE, else its earliest). */
  readonly baseline?: M | undefined;
  /** Measurements on other set versions exist; they are left out of the comparison. */
  readonly otherVersions: boolean;
}

/**
 * Which two measurements a picture or a metric compares: the latest, and the baseline on the SAME
 * set version. Measurements are given oldest first; equal dates keep their order.
 */
export function comparablePair<M extends Measured>(measurements: readonly M[]): ComparablePair<M> | undefined {
  const ordered = [...measurements].sort((a, b) =>
    a.measuredAt < b.measuredAt ? -1 : a.measuredAt > b.measuredAt ? 1 : 0,
  );
  const latest = ordered[ordered.length - 1];
  if (latest === undefined) return undefined;
  const earlier = ordered.slice(0, -1).filter((m) => sameVersion(m, latest));
  const baseline = earlier.find((m) => m.context === 'BASELINE') ?? earlier[0];
  return { latest, baseline, otherVersions: ordered.some((m) => !sameVersion(m, latest)) };
}

export interface IndicatorChange {
  readonly indicatorId: string;
  readonly before?: number | undefined;
  readonly after?: number | undefined;
  /** Improvement in scale steps (positive is better, also where lower is better). */
  readonly improvement?: number | undefined;
}

export type Comparison =
  | { readonly ok: true; readonly rows: IndicatorChange[]; readonly meanBefore?: number; readonly meanAfter?: number }
  | { readonly ok: false; readonly reason: 'version_mismatch' };

/** Compares two measurements indicator by indicator — refused unless both are on `set`'s exact version. */
export function compareMeasurements(
  set: IndicatorSet,
  before: Pick<Measured, 'setId' | 'setVersion'> & { readonly scores: readonly Score[] },
  after: Pick<Measured, 'setId' | 'setVersion'> & { readonly scores: readonly Score[] },
): Comparison {
  const version = { setId: set.setId, setVersion: set.version };
  if (!sameVersion(before, after) || !sameVersion(before, version)) return { ok: false, reason: 'version_mismatch' };
  const rows = set.indicators.map((indicator) => {
    const b = before.scores.find((s) => s.indicatorId === indicator.indicatorId)?.value;
    const a = after.scores.find((s) => s.indicatorId === indicator.indicatorId)?.value;
    const improvement =
      a !== undefined && b !== undefined
        ? orientedScore(indicator, a, set.scale) - orientedScore(indicator, b, set.scale)
        : undefined;
    return { indicatorId: indicator.indicatorId, before: b, after: a, improvement };
  });
  const meanBefore = meanScore(set, before.scores);
  const meanAfter = meanScore(set, after.scores);
  return {
    ok: true,
    rows,
    ...(meanBefore !== undefined ? { meanBefore } : {}),
    ...(meanAfter !== undefined ? { meanAfter } : {}),
  };
}

/** The context a new measurement most likely has: the baseline first, then the routine 3-month one. */
export const suggestedContext = (completedCount: number): MeasurementContext =>
  completedCount === 0 ? 'BASELINE' : 'ROUTINE_3M';
