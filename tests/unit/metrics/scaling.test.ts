// Scaling curves: the mean of every metric over k-subsets of each problem's tests, against numpy's exact means
// over all combinations (make_compare_goldens.py), and the seeded Monte Carlo average converging to them.
import { describe, expect, it } from 'vitest';
import { drawTestSubset, metricsForColumns, ScalingEvaluator, scalingCurve } from '../../../src/core/compare/scaling';
import { SCORER_NAMES } from '../../../src/core/compare/scorers';
import { prngMulberry32 } from '../../../src/core/metrics/prng';
import { METRIC_NAMES } from '../../../src/core/metrics/split-table';
import { compareGoldens, matrixOf } from '../../fixtures/metrics/compare-goldens';

const golden = compareGoldens.scaling;
const problems = golden.problems.map((p) => matrixOf(p));

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...combinations(n - 1, k - 1).map((c) => [...c, n - 1]), ...combinations(n - 1, k)];
}

function product<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

describe.each(SCORER_NAMES.map((s) => [s]))('scaling with scorer %s', (scorer) => {
  it.each(golden.ks.map((k) => [k]))('k = %i: the mean over every k-subset equals numpy exactly', (k) => {
    const draws = product(problems.map((p) => combinations(p.pass[0].length, Math.min(k, p.pass[0].length))));
    const expected = golden.expected[scorer][String(k)];
    expect(draws.length).toBe(expected.draws);
    const sums = Object.fromEntries(METRIC_NAMES.map((m) => [m, 0])) as Record<string, number>;
    for (const draw of draws) {
      const metrics = metricsForColumns('DEMO', problems, draw, scorer);
      for (const m of METRIC_NAMES) sums[m] += metrics[m];
    }
    for (const m of METRIC_NAMES) expect(sums[m] / draws.length, m).toBeCloseTo(expected[m], 9);
  });
});

describe('scalingCurve', () => {
  it('converges to the exact means with many seeded draws, and is exact when k covers every test', () => {
    const curve = scalingCurve('DEMO', problems, [2, 6], { draws: 3000, seed: 1 });
    for (const m of METRIC_NAMES) {
      expect(Math.abs(curve.get(2)![m] - golden.expected.fraction['2'][m]), m).toBeLessThan(0.02);
      expect(curve.get(6)![m]).toBeCloseTo(golden.expected.fraction['6'][m], 9);
    }
  });

  it('is deterministic per seed, and a k does not depend on the other ks asked for', () => {
    const a = scalingCurve('DEMO', problems, [1, 2], { draws: 20, seed: 5, scorer: 'codet' });
    expect(scalingCurve('DEMO', problems, [2], { draws: 20, seed: 5, scorer: 'codet' }).get(2)).toEqual(a.get(2));
    expect(scalingCurve('DEMO', problems, [1], { draws: 20, seed: 6, scorer: 'codet' }).get(1)).not.toEqual(a.get(1));
  });

  it('draws each candidate its own subset when tests are not shared', () => {
    const own = problems.map((p) => ({ ...p, shared: false }));
    const curve = scalingCurve('DEMO', own, [1, 6], { draws: 50 });
    const all = scalingCurve('DEMO', problems, [6], { draws: 1 }).get(6)!;
    for (const m of METRIC_NAMES) expect(curve.get(6)![m], m).toBeCloseTo(all[m], 12);
    expect(Math.abs(curve.get(1)!.spearman - golden.expected.fraction['1'].spearman)).toBeGreaterThan(1e-6);
    expect(() => scalingCurve('DEMO', own, [1], { draws: 1, scorer: 'codet' })).toThrow(/shared tests/);
  });

  it('refuses k or draws below 1', () => {
    expect(() => scalingCurve('DEMO', problems, [0])).toThrow(/k must be/);
    expect(() => scalingCurve('DEMO', problems, [1], { draws: 0 })).toThrow(/draws must be/);
  });
});

describe('drawTestSubset', () => {
  it('draws k distinct indices uniformly, all of them when n <= k', () => {
    const random = prngMulberry32(3);
    expect([...drawTestSubset(random, 3, 5)]).toEqual([0, 1, 2]);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 10_000; i += 1) {
      const subset = drawTestSubset(random, 5, 2);
      expect(new Set(subset).size).toBe(2);
      for (const j of subset) counts[j] += 1;
    }
    for (const c of counts) expect(Math.abs(c - 4000)).toBeLessThan(200);
  });
});

describe('ScalingEvaluator', () => {
  it('gives metricsForColumns for every draw, cached or not', () => {
    for (const scorer of SCORER_NAMES) {
      const evaluator = new ScalingEvaluator('DEMO', problems, scorer);
      const out = new Float64Array(6);
      const draws = product(problems.map((p) => combinations(p.pass[0].length, Math.min(2, p.pass[0].length))));
      // Twice: the second pass reads every problem's values from the caches.
      for (const draw of [...draws, ...draws]) {
        evaluator.metricsInto(draw, out);
        const expected = metricsForColumns('DEMO', problems, draw, scorer);
        METRIC_NAMES.forEach((m, i) => expect(out[i], `${scorer} ${m}`).toBeCloseTo(expected[m], 12));
      }
    }
  });
});
