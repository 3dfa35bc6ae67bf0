// The scaling band on one enumerable problem: two candidates (truth 1 and 0) and two shared tests; the best passes
// both, the worst only test 0. Hand-computed: with both tests (k = 2) the scores are [1, 0.5]: every ranking metric
// 1, MAE (0 + 0.5) / 2 = 0.25, R^2 1 - 0.25 / 0.5 = 0.5. With k = 1, test 0 gives scores [1, 1] (MAE 0.5) and
// test 1 gives [1, 0] (MAE 0).
import { describe, expect, it } from 'vitest';
import { scalingCurve } from '../../../src/core/compare/scaling';
import { scalingBands } from '../../../src/core/compare/scaling-band';
import type { MatrixProblem } from '../../../src/core/compare/execution-matrix';

const PROBLEM: MatrixProblem = { taskId: 't', ranks: [1, 2], truth: [1, 0], pass: [Uint8Array.of(1, 1), Uint8Array.of(1, 0)], shared: true };

describe('scalingBands', () => {
  it('has no width when every draw keeps all tests', () => {
    const [point] = scalingBands('DEMO', [PROBLEM], [2], { draws: 5 });
    const exact = { top1: 1, bottom1: 1, spearman: 1, kendall: 1, mae: 0.25, r2: 0.5 };
    expect(point).toEqual({ k: 2, metrics: exact, low: exact, high: exact });
  });

  it('spans both outcomes of one test, around scalingCurve\'s mean', () => {
    const [point] = scalingBands('DEMO', [PROBLEM], [1], { draws: 200, seed: 3 });
    expect(point!.low.mae).toBe(0);
    expect(point!.high.mae).toBe(0.5);
    expect(point!.metrics).toEqual(scalingCurve('DEMO', [PROBLEM], [1], { draws: 200, seed: 3 }).get(1));
  });
});
