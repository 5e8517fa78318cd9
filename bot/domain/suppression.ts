/**
 * Small-number suppression for anything posted to a channel (PRODUCT.md §4, domain-research §4.3),
 * after Danmarks Statistik's rule of thumb with k = 5 (tenant setting `kSuppression`):
 *
 * 1. a count below k is hidden ("< 5");
 * 2. a share is hidden when its numerator or its complement (denominator − numerator) is below k;
 * 3. complementary suppression: when one part of a shown total is hidden, a second part is hidden
 *    too, so the first cannot be recomputed as total − the others (and the hidden parts together
 *    must not add up to fewer than k either);
 * 4. a median or mean needs at least k values (min/max are never shown).
 *
 * Pure: numbers in, cells out. Formatting ("< 5", "–") belongs to the card.
 */
export type Cell =
  | { readonly shown: true; readonly value: number }
  | {
      readonly shown: false;
      /** small: a count below k; complementary: hidden to protect another cell; too_few: a statistic over < k values. */
      readonly reason: 'small' | 'complementary' | 'too_few';
    };

export const shownCell = (value: number): Cell => ({ shown: true, value });
const hidden = (reason: 'small' | 'complementary' | 'too_few'): Cell => ({ shown: false, reason });

export const cellValue = (cell: Cell): number | undefined => (cell.shown ? cell.value : undefined);

/** Rule 1. */
export function countCell(count: number, k: number): Cell {
  return count < k ? hidden('small') : shownCell(count);
}

/**
 * Rules 1 and 3 for parts that add up to a total shown beside them. Whatever is hidden can be
 * summed as total − shown parts, so hiding goes on (smallest shown part first, which keeps the
 * most visible) until at least two parts are hidden and their sum is not itself below k.
 */
export function suppressPartition(total: number, parts: readonly number[], k: number): { total: Cell; parts: Cell[] } {
  const totalCell = countCell(total, k);
  const cells = parts.map((p) => countCell(p, k));
  const exposed = (): boolean => {
    const hiddenParts = parts.filter((_, i) => !cells[i]?.shown);
    if (hiddenParts.length === 0) return false;
    return hiddenParts.length === 1 || hiddenParts.reduce((sum, p) => sum + p, 0) < k;
  };
  while (totalCell.shown && exposed()) {
    let smallest = -1;
    parts.forEach((p, i) => {
      if (cells[i]?.shown && (smallest < 0 || p < (parts[smallest] ?? Infinity))) smallest = i;
    });
    if (smallest < 0) break;
    cells[smallest] = hidden('complementary');
  }
  return { total: totalCell, parts: cells };
}

export interface ShareCells {
  /** The ratio numerator / denominator. */
  readonly share: Cell;
  readonly numerator: Cell;
  readonly denominator: Cell;
}

/**
 * Rule 2, as a two-part partition {numerator, complement} of the denominator. `denominatorHidden`
 * marks a denominator that another rule already hid (a funnel step whose previous step is hidden):
 * then the share is hidden as well.
 */
export function shareCells(
  s: { readonly numerator: number; readonly denominator: number },
  k: number,
  options: { readonly denominatorHidden?: boolean } = {},
): ShareCells {
  const { total, parts } = suppressPartition(s.denominator, [s.numerator, s.denominator - s.numerator], k);
  const denominator = options.denominatorHidden ? hidden('complementary') : total;
  const [numerator = hidden('small'), complement = hidden('small')] = parts;
  if (denominator.shown && numerator.shown && complement.shown)
    return { share: shownCell(s.numerator / s.denominator), numerator, denominator };
  const primary = !numerator.shown && numerator.reason === 'small';
  return {
    share: hidden(primary ? 'small' : 'complementary'),
    numerator: primary ? numerator : hidden('complementary'),
    denominator,
  };
}

/** Rule 4: a statistic of a distribution of n values. */
export function statCell(n: number, value: number | undefined, k: number): Cell {
  return n < k || value === undefined ? hidden('too_few') : shownCell(value);
}

/** A sum over people (e.g. hours worked) is shown only when at least k people contributed. */
export function sumCell(sum: number, contributors: number, k: number): Cell {
  return contributors < k ? hidden('too_few') : shownCell(sum);
}
