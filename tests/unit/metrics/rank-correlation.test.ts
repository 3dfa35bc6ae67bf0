// Average ranks, Spearman's rho and Kendall's tau-b on hand-checked inputs, including the undefined cases.
import { describe, expect, it } from 'vitest';
import { kendallCounts, kendallTauB } from '../../../src/core/metrics/kendall';
import { rankAverage } from '../../../src/core/metrics/ranks';
import { pearsonR, spearmanRho } from '../../../src/core/metrics/spearman';

describe('rankAverage', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(rankAverage([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(rankAverage([0.5, 0.5, 0.5])).toEqual([2, 2, 2]);
  });

  it('ranks the highest value first when descending', () => {
    expect(rankAverage([0.2, 0.9, 0.9, 0.1], 'descending')).toEqual([3, 1.5, 1.5, 4]);
  });

  it('treats values that differ in the last bit as different', () => {
    expect(rankAverage([0.1 + 0.2, 0.3])).toEqual([2, 1]);
  });

  it('handles empty and single inputs', () => {
    expect(rankAverage([])).toEqual([]);
    expect(rankAverage([7])).toEqual([1]);
  });
});

describe('spearmanRho', () => {
  it('is +1 / -1 for identical / reversed orders', () => {
    expect(spearmanRho([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(spearmanRho([1, 2, 3, 4], [40, 30, 20, 10])).toBe(-1);
  });

  it('is undefined (null) when a side is constant or there are fewer than two points', () => {
    expect(spearmanRho([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearmanRho([1], [1])).toBeNull();
    expect(pearsonR([], [])).toBeNull();
  });

  it('matches a hand-computed value with ties', () => {
    // ranks x = [1,2,3,4], y = [1.5,1.5,3,4]: sxy = 4.5, sxx = 5, syy = 4.5 -> rho = 4.5 / sqrt(22.5)
    expect(spearmanRho([1, 2, 3, 4], [1, 1, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 15);
  });

  it('rejects samples of different lengths', () => {
    expect(() => spearmanRho([1, 2], [1])).toThrow(RangeError);
  });
});

describe('kendallTauB', () => {
  it('counts pairs exactly', () => {
    expect(kendallCounts([1, 2, 3, 4], [1, 1, 3, 2])).toEqual({ pairs: 6, tiesX: 0, tiesY: 1, concordant: 4, discordant: 1 });
  });

  it('matches the tau-b formula with ties on both sides', () => {
    // x: 1,2,2,3  y: 1,3,2,2 -> C=3, D=1, ties x=1, ties y=1 -> (3-1)/sqrt(5*5)
    expect(kendallTauB([1, 2, 2, 3], [1, 3, 2, 2])).toBe(2 / 5);
  });

  it('is +1 / -1 for identical / reversed orders and null when undefined', () => {
    expect(kendallTauB([1, 2, 3], [4, 5, 6])).toBe(1);
    expect(kendallTauB([1, 2, 3], [6, 5, 4])).toBe(-1);
    expect(kendallTauB([1, 2, 3], [0, 0, 0])).toBeNull();
    expect(kendallTauB([1], [1])).toBeNull();
  });
});
