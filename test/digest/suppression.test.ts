import { countCell, shareCells, statCell, sumCell, suppressPartition, type Cell } from '../../bot/domain/suppression';

/** Small-number suppression edges (PRODUCT.md §4, domain-research §4.3), k = 5 unless stated. */
const shown = (value: number): Cell => ({ shown: true, value });
const small: Cell = { shown: false, reason: 'small' };
const complementary: Cell = { shown: false, reason: 'complementary' };
const tooFew: Cell = { shown: false, reason: 'too_few' };

describe('counts', () => {
  it('hides 4 and shows 5', () => {
    expect(countCell(4, 5)).toEqual(small);
    expect(countCell(5, 5)).toEqual(shown(5));
  });

  it('hides 0 too (a count of nobody is still a count below k)', () => {
    expect(countCell(0, 5)).toEqual(small);
  });

  it('follows the tenant k', () => {
    expect(countCell(6, 7)).toEqual(small);
    expect(countCell(3, 3)).toEqual(shown(3));
  });
});

describe('shares', () => {
  it('shows a share when numerator and complement are both at least 5', () => {
    expect(shareCells({ numerator: 5, denominator: 10 }, 5)).toEqual({
      share: shown(0.5),
      numerator: shown(5),
      denominator: shown(10),
    });
  });

  it('hides the share when the numerator is 4 (the count says "< 5", the denominator stays)', () => {
    expect(shareCells({ numerator: 4, denominator: 20 }, 5)).toEqual({
      share: small,
      numerator: small,
      denominator: shown(20),
    });
  });

  it('hides share and numerator when the complement is 4: 16 of 20 would reveal that 4 did not', () => {
    expect(shareCells({ numerator: 16, denominator: 20 }, 5)).toEqual({
      share: complementary,
      numerator: complementary,
      denominator: shown(20),
    });
    expect(shareCells({ numerator: 15, denominator: 20 }, 5).share).toEqual(shown(0.75));
  });

  it('hides everything when the denominator itself is below 5', () => {
    expect(shareCells({ numerator: 2, denominator: 4 }, 5)).toEqual({
      share: small,
      numerator: small,
      denominator: small,
    });
    expect(shareCells({ numerator: 0, denominator: 0 }, 5).share.shown).toBe(false);
  });

  it('hides a share whose denominator another rule already hid (a funnel step after a hidden step)', () => {
    expect(shareCells({ numerator: 10, denominator: 30 }, 5, { denominatorHidden: true })).toEqual({
      share: complementary,
      numerator: complementary,
      denominator: complementary,
    });
  });
});

describe('complementary suppression of parts of a total', () => {
  it('hides a second part when only one part is below 5, so it cannot be recomputed from the total', () => {
    // 3 + 10 + 12 = 25: 3 is hidden; without more, 25 − 10 − 12 gives it back. The smallest other part goes too.
    expect(suppressPartition(25, [3, 10, 12], 5)).toEqual({
      total: shown(25),
      parts: [small, complementary, shown(12)],
    });
  });

  it('needs nothing more when two hidden parts already add up to at least 5', () => {
    expect(suppressPartition(27, [3, 4, 20], 5)).toEqual({ total: shown(27), parts: [small, small, shown(20)] });
  });

  it('hides more when the hidden parts add up to fewer than 5 (1 + 2 = 23 − 20 would be a small cell)', () => {
    expect(suppressPartition(23, [1, 2, 20], 5)).toEqual({ total: shown(23), parts: [small, small, complementary] });
  });

  it('hides all parts when the total is below 5', () => {
    expect(suppressPartition(4, [1, 3], 5)).toEqual({ total: small, parts: [small, small] });
  });

  it('shows everything when every part is at least 5', () => {
    expect(suppressPartition(15, [5, 10], 5)).toEqual({ total: shown(15), parts: [shown(5), shown(10)] });
  });

  it('never lets a hidden cell, or the sum of the hidden cells, be recomputed below 5 (all partitions up to 11)', () => {
    for (let a = 0; a < 12; a++)
      for (let b = 0; b < 12; b++)
        for (let c = 0; c < 12; c++) {
          const { total, parts } = suppressPartition(a + b + c, [a, b, c], 5);
          const hiddenParts = [a, b, c].filter((_, i) => !parts[i]!.shown);
          const hiddenSum = hiddenParts.reduce((s, x) => s + x, 0);
          if (total.shown) expect(hiddenParts.length === 0 || (hiddenParts.length >= 2 && hiddenSum >= 5)).toBe(true);
          parts.forEach((p, i) => {
            if (p.shown) expect(p.value).toBeGreaterThanOrEqual(5);
            if ([a, b, c][i]! < 5) expect(p.shown).toBe(false);
          });
        }
  });
});

describe('statistics over people', () => {
  it('shows a median of 5 values, not of 4', () => {
    expect(statCell(4, 12, 5)).toEqual(tooFew);
    expect(statCell(5, 12, 5)).toEqual(shown(12));
    expect(statCell(0, undefined, 5)).toEqual(tooFew);
  });

  it('shows a sum of hours only when at least 5 people worked them', () => {
    expect(sumCell(120, 4, 5)).toEqual(tooFew);
    expect(sumCell(150, 5, 5)).toEqual(shown(150));
  });
});
