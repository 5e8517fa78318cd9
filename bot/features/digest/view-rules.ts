import type { Cell } from '../../domain/suppression';
import type { DigestSections, Figure } from './figure-rules';
import type { FidelityDigestView } from '../fidelity/rules';
import type { GoodNews } from './good-news';

/**
 * The digest as a channel may see it, the card's input: figures whose every number already passed
 * the suppression rules (present.ts builds it from the week's aggregates). Pure types, so the cards
 * can draw it without loading anything that reads the store.
 */
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
  readonly sections: DigestSections;
  /** True when no progression measurement exists yet (M22 is then explained instead of shown). */
  readonly progressionNotInUse: boolean;
  /** The year M17 is for, when the municipality has set no visitation plan for it (M17 is then explained). */
  readonly visitationPlanMissing?: number | undefined;
  /** M21 beside the practice figures (bot/features/fidelity/digest-fidelity.ts); absent in views built from aggregates alone. */
  readonly fidelity?: FidelityDigestView | undefined;
}
