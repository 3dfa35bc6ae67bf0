// Data of the leaderboard's plots: one bar per row for a metric on a split (with its 95% bootstrap interval when the
// row has one), and the scaling overlay's lines (mean and band per k) with the test counts k worth drawing.
import type { ScalingSeries } from '../compare/analysis-api';
import type { MatrixProblem } from '../compare/execution-matrix';
import type { SplitName } from '../dataset/types';
import type { LeaderboardRow } from '../leaderboard/row-types';
import type { MetricName } from '../metrics/types';

/** One bar: a row's value and its interval (null when the row has only stored metrics). */
export interface MetricBar {
  id: string;
  label: string;
  value: number;
  low: number | null;
  high: number | null;
}

/** One point of one line of the scaling overlay. */
export interface ScalingLinePoint {
  id: string;
  label: string;
  k: number;
  mean: number;
  low: number;
  high: number;
}

/** The bars of `metric` on `split`, in row order; rows without that cell (still computing, other dataset) are left out. */
export function metricBars(rows: readonly LeaderboardRow[], split: SplitName, metric: MetricName): MetricBar[] {
  return rows.flatMap((row) => {
    const cell = row.cells[split];
    if (!cell) return [];
    const interval = cell.intervals?.[metric] ?? null;
    return [{ id: row.id, label: row.name, value: cell.metrics[metric], low: interval ? interval[0] : null, high: interval ? interval[1] : null }];
  });
}

/** The overlay's points of `metric`, one line per series, labelled by `labels` (the series id when missing). */
export function scalingLines(series: readonly ScalingSeries[], labels: ReadonlyMap<string, string>, metric: MetricName): ScalingLinePoint[] {
  return series.flatMap((s) => s.points.map((p) => ({ id: s.id, label: labels.get(s.id) ?? s.id, k: p.k, mean: p.metrics[metric], low: p.low[metric], high: p.high[metric] })));
}

/** The most tests any problem has (a candidate's own tests count when tests are not shared); 0 without problems. */
export function maxTestsPerProblem(problems: readonly MatrixProblem[]): number {
  let max = 0;
  for (const problem of problems) for (const row of problem.pass) max = Math.max(max, row.length);
  return max;
}

/**
 * Test counts to draw: every k from 1 to `maxTests` when there are at most `limit` of them, otherwise `limit`
 * roughly evenly spaced values from 1 to `maxTests` (both included, no duplicates).
 */
export function scalingKs(maxTests: number, limit = 10): number[] {
  if (maxTests < 1) return [];
  if (maxTests <= limit) return Array.from({ length: maxTests }, (_, i) => i + 1);
  const ks = new Set<number>();
  for (let i = 0; i < limit; i += 1) ks.add(Math.round(1 + (i * (maxTests - 1)) / (limit - 1)));
  return [...ks].sort((a, b) => a - b);
}
