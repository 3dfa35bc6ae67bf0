// Seeded PRNG and bootstrap intervals: reproducible, centred on the estimate, and as wide as sampling theory says.
import { describe, expect, it } from 'vitest';
import { bootstrapSplitMetrics, quantileSorted } from '../../../src/core/metrics/bootstrap';
import { groupProblemsBySplit } from '../../../src/core/metrics/group-problems';
import { prngIndex, prngMulberry32 } from '../../../src/core/metrics/prng';
import { computeSplitMetrics, splitParts, type SplitParts } from '../../../src/core/metrics/split-metrics';
import { goldenCases } from '../../fixtures/metrics/goldens';

describe('prngMulberry32', () => {
  it('is reproducible per seed and roughly uniform', () => {
    const a = prngMulberry32(42);
    const b = prngMulberry32(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, prngMulberry32(43))).not.toEqual(first);
    const draws = Array.from({ length: 20_000 }, prngMulberry32(7));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 2);
    const random = prngMulberry32(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i += 1) counts[prngIndex(random, 4)] += 1;
    for (const count of counts) expect(Math.abs(count - 5000)).toBeLessThan(300);
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('bootstrapSplitMetrics', () => {
  const random = goldenCases.find((c) => c.name === 'random-utg')!;
  const problems = groupProblemsBySplit(random.solutions).get('HE_base')!;
  const parts = splitParts(problems, 'utg');

  it('is deterministic for a seed and brackets the point estimate', () => {
    const once = bootstrapSplitMetrics(parts, { resamples: 300, seed: 5 });
    expect(bootstrapSplitMetrics(parts, { resamples: 300, seed: 5 })).toEqual(once);
    expect(bootstrapSplitMetrics(parts, { resamples: 300, seed: 6 })).not.toEqual(once);
    const point = computeSplitMetrics(problems, 'utg');
    for (const name of ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const) {
      expect(once[name].estimate).toBe(point[name]);
      expect(once[name].low).toBeLessThanOrEqual(once[name].estimate);
      expect(once[name].high).toBeGreaterThanOrEqual(once[name].estimate);
      expect(once[name].high).toBeGreaterThan(once[name].low);
    }
  });

  it('has zero width when every problem is the same', () => {
    const same: SplitParts = {
      perProblem: Array(10).fill({ top1: 0.5, bottom1: 1, spearman: 0.8, kendall: 0.6 }),
      pooled: Array(10).fill({ truth: [1, 0.5], predicted: [0.9, 0.4] }),
    };
    const ci = bootstrapSplitMetrics(same, { resamples: 50 });
    expect(ci.top1).toEqual({ estimate: 0.5, low: 0.5, high: 0.5 });
    expect(ci.mae.high - ci.mae.low).toBeLessThan(1e-15);
  });

  it('gives a 95% width close to 2 * 1.96 * SE for a mean of 0/1 credits', () => {
    const n = 200;
    const split: SplitParts = {
      perProblem: Array.from({ length: n }, (_, i) => ({ top1: i % 2, bottom1: 1, spearman: 0, kendall: 0 })),
      pooled: Array.from({ length: n }, () => ({ truth: [1, 0], predicted: [1, 0] })),
    };
    const ci = bootstrapSplitMetrics(split, { resamples: 2000, seed: 11 });
    const expectedWidth = 2 * 1.96 * Math.sqrt(0.25 / n);
    expect((ci.top1.high - ci.top1.low) / expectedWidth).toBeGreaterThan(0.85);
    expect((ci.top1.high - ci.top1.low) / expectedWidth).toBeLessThan(1.15);
  });

  it('rejects nonsensical options', () => {
    expect(() => bootstrapSplitMetrics(parts, { resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapSplitMetrics(parts, { confidence: 1 })).toThrow(/confidence/);
  });
});
