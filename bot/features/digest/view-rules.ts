import type { Cell } from '../../domain/suppression';
import type { FidelityDigestView } from '../fidelity/rules';
import type { GoodNews } from './good-news';

/**
 * The digest as a channel may see it, the card's input: figures whose every number already passed
 * the suppression rules (present.ts builds it from the week's aggregates). Pure types and ids, so
 * the cards can draw it without loading anything that reads the store.
 */
export type Status = 'good' | 'warning' | 'attention';
export type Format = 'percent' | 'count' | 'days' | 'hours' | 'number';

export const BLOCK_IDS = [
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
  'M9',
  'M10',
  'M11',
  'M12',
  'M14',
  'M15',
  'M16',
  'M18',
  'M19',
  'M22',
  'M7',
  'M8',
  'M13',
  'M17',
  'M20',
  'M23',
] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

export const FIGURE_IDS = [
  'M1',
  'M1_POINT',
  'M1_MATURE',
  'M2',
  'M2_HOURS',
  'M3',
  'M3_MISSING',
  'M4',
  'M5',
  'M5_DELTA',
  'M5_WEEK_HOURS',
  'M6',
  'M6_EVER',
  'M9',
  'M9_WITHIN',
  'M9_WAITING',
  'M10',
  'M10_SOON',
  'M11',
  'M11_ABOVE',
  'M11_BELOW',
  'M12',
  'M12_4W',
  'M14_VISITS',
  'M14_OPENINGS',
  'M14_STARTED',
  'M14_JOBS',
  'M14_AFTERCARE',
  'M14_MATCHES',
  'M14_MATCHES_TAKEN',
  'M14_MATCHES_PLACED',
  'M15',
  'M16',
  'M16_IMPACT',
  'M16_VISITED',
  'M16_STARTED',
  'M18',
  'M18_WITHIN',
  'M18_DELIVERY',
  'M18_OPEN',
  'M19',
  'M19_GOAL',
  'M19_UPDATED',
  'M22',
  'M22_IMPROVED',
  'M7',
  'M8',
  'M13',
  'M13_4W',
  'M17',
  'M17_G1',
  'M17_G2',
  'M17_G3',
  'M20',
  'M23',
  'M23_GRANTED',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface Figure {
  readonly id: FigureId;
  readonly value: Cell;
  readonly format: Format;
  /** For shares: the count and the denominator ("12 af 28"), each suppressed on its own. */
  readonly count?: Cell;
  readonly of?: Cell;
  readonly status?: Status;
  /** A code shown with the figure (M3: the checklist item most often missing). */
  readonly item?: string;
  /** The same figure for the period before (M14: the four weeks before), suppressed on its own. */
  readonly previous?: Cell;
}

export interface MetricBlock {
  readonly id: BlockId;
  readonly figures: readonly Figure[];
}

export interface DigestView {
  readonly isoWeek: string;
  readonly asOf: string;
  readonly k: number;
  readonly target: number;
  readonly headline: {
    readonly m1: Figure;
    readonly changePoints: Cell;
    readonly more: readonly Figure[];
    /** Oldest first; the last point is this week. Hidden points are gaps in the chart. */
    readonly trend: readonly { readonly isoWeek: string; readonly percent: Cell }[];
  };
  readonly goodNews: GoodNews;
  readonly sections: {
    readonly results: readonly MetricBlock[];
    readonly flow: readonly MetricBlock[];
    readonly quality: readonly MetricBlock[];
  };
  /** True when no progression measurement exists yet (M22 is then explained instead of shown). */
  readonly progressionNotInUse: boolean;
  /** The year M17 is for, when the municipality has set no visitation plan for it (M17 is then explained). */
  readonly visitationPlanMissing?: number | undefined;
  /** M21 beside the practice figures (bot/features/fidelity/digest-fidelity.ts); absent in views built from aggregates alone. */
  readonly fidelity?: FidelityDigestView | undefined;
}
