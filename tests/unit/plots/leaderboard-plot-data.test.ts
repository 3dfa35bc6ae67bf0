// The leaderboard's plot data: bars with and without intervals, scaling lines, and the k values drawn (by hand).
import { describe, expect, it } from 'vitest';
import type { ScalingSeries } from '../../../src/core/compare/analysis-api';
import { maxTestsPerProblem, metricBars, scalingKs, scalingLines } from '../../../src/core/plots/leaderboard-plot-data';
import type { ScalingPoint } from '../../../src/core/compare/scaling';
import { metrics, row } from '../leaderboard/fixtures';

describe('metricBars', () => {
  it('gives one bar per row with the cell, its interval or null', () => {
    const rows = [
      row('a', { DEMO: { metrics: metrics({ spearman: 0.4 }), intervals: { top1: [0, 1], bottom1: [0, 1], spearman: [0.1, 0.7], kendall: [0, 1], mae: [0, 1], r2: [0, 1] } } }),
      row('b', { DEMO: { metrics: metrics({ spearman: 0.9 }), intervals: null } }),
      row('c', { HE_plus: { metrics: metrics({}), intervals: null } }),
      row('d', {}, { status: 'pending' }),
    ];
    expect(metricBars(rows, 'DEMO', 'spearman')).toEqual([
      { id: 'a', label: 'a', value: 0.4, low: 0.1, high: 0.7 },
      { id: 'b', label: 'b', value: 0.9, low: null, high: null },
    ]);
  });
});

describe('scalingLines', () => {
  it('flattens series into labelled points of one metric', () => {
    const p = (v: number): ScalingPoint => ({ top1: v, bottom1: 0, spearman: v / 2, kendall: 0, mae: 0, r2: 0 });
    const series: ScalingSeries[] = [
      { id: 'r1', split: 'DEMO', scorer: 'fraction', points: [{ k: 1, metrics: p(0.5), low: p(0.2), high: p(0.8) }, { k: 2, metrics: p(0.6), low: p(0.6), high: p(0.6) }] },
      { id: 'r2', split: 'DEMO', scorer: 'codet', points: [{ k: 1, metrics: p(1), low: p(1), high: p(1) }] },
    ];
    expect(scalingLines(series, new Map([['r1', 'run one']]), 'spearman')).toEqual([
      { id: 'r1', label: 'run one', k: 1, mean: 0.25, low: 0.1, high: 0.4 },
      { id: 'r1', label: 'run one', k: 2, mean: 0.3, low: 0.3, high: 0.3 },
      { id: 'r2', label: 'r2', k: 1, mean: 0.5, low: 0.5, high: 0.5 },
    ]);
  });
});

describe('maxTestsPerProblem and scalingKs', () => {
  it('takes the widest row of any problem', () => {
    const problem = (widths: number[]) => ({ taskId: 't', ranks: widths.map((_, i) => i + 1), truth: widths.map(() => 0), pass: widths.map((w) => new Uint8Array(w)), shared: false });
    expect(maxTestsPerProblem([problem([2, 3]), problem([5, 1])])).toBe(5);
    expect(maxTestsPerProblem([])).toBe(0);
  });

  it('draws every k up to the limit, then spaced values ending at the maximum', () => {
    expect(scalingKs(0)).toEqual([]);
    expect(scalingKs(3)).toEqual([1, 2, 3]);
    expect(scalingKs(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // 1 + i * 19 / 9 rounded, i = 0..9
    expect(scalingKs(20)).toEqual([1, 3, 5, 7, 9, 12, 14, 16, 18, 20]);
  });
});
