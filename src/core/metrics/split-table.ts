// A split's metrics reduced to per-problem sums in typed arrays, so any multiset of problems (a bootstrap
// resample) gets all six metrics in O(problems) with no allocation.
import { MetricInputError } from './metric-errors';
import type { SplitParts } from './split-metrics';
import type { MetricName } from './types';

/** The six metrics in the paper's order; index i of a metric vector is METRIC_NAMES[i]. */
export const METRIC_NAMES: readonly MetricName[] = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'];

/** True for metrics where a lower value is better (MAE). */
export function lowerIsBetter(name: MetricName): boolean {
  return name === 'mae';
}

/** Per-problem ranking metrics and pooled-score sums of one split (truth shifted by `shift` to keep SS_tot exact). */
export interface SplitTable {
  problems: number;
  top1: Float64Array;
  bottom1: Float64Array;
  spearman: Float64Array;
  kendall: Float64Array;
  /** Solutions per problem. */
  count: Float64Array;
  absError: Float64Array;
  sqError: Float64Array;
  /** Sum of (truth - shift) and of (truth - shift)^2. */
  truthSum: Float64Array;
  truthSq: Float64Array;
  truthMin: Float64Array;
  truthMax: Float64Array;
}

/** Builds the table from a split's parts. */
export function splitTable(parts: SplitParts): SplitTable {
  const n = parts.perProblem.length;
  if (n === 0 || parts.pooled.length !== n) throw new MetricInputError('a split table needs at least one problem, with its scores');
  let total = 0;
  let count = 0;
  for (const { truth } of parts.pooled) for (const t of truth) ((total += t), (count += 1));
  const shift = count === 0 ? 0 : total / count;
  const f = () => new Float64Array(n);
  const table: SplitTable = { problems: n, top1: f(), bottom1: f(), spearman: f(), kendall: f(), count: f(), absError: f(), sqError: f(), truthSum: f(), truthSq: f(), truthMin: f(), truthMax: f() };
  parts.perProblem.forEach((m, i) => {
    table.top1[i] = m.top1;
    table.bottom1[i] = m.bottom1;
    table.spearman[i] = m.spearman;
    table.kendall[i] = m.kendall;
    const { truth, predicted } = parts.pooled[i];
    let low = Infinity;
    let high = -Infinity;
    truth.forEach((t, j) => {
      const d = predicted[j] - t;
      table.absError[i] += Math.abs(d);
      table.sqError[i] += d * d;
      table.truthSum[i] += t - shift;
      table.truthSq[i] += (t - shift) ** 2;
      if (t < low) low = t;
      if (t > high) high = t;
    });
    table.count[i] = truth.length;
    table.truthMin[i] = low;
    table.truthMax[i] = high;
  });
  return table;
}

/**
 * Writes the six metrics (METRIC_NAMES order) of the problems `indices[from .. from+length)` into `out` at
 * `outOffset`: ranking metrics averaged over the drawn problems, MAE and R^2 pooled over their solutions
 * (R^2 = 1 when every drawn truth is equal, as metricR2 decides).
 */
export function tableMetricsInto(table: SplitTable, indices: ArrayLike<number>, from: number, length: number, out: Float64Array, outOffset = 0): void {
  let top1 = 0, bottom1 = 0, spearman = 0, kendall = 0, count = 0, abs = 0, sq = 0, sum = 0, sumSq = 0;
  let low = Infinity, high = -Infinity;
  for (let j = from; j < from + length; j += 1) {
    const i = indices[j];
    top1 += table.top1[i];
    bottom1 += table.bottom1[i];
    spearman += table.spearman[i];
    kendall += table.kendall[i];
    count += table.count[i];
    abs += table.absError[i];
    sq += table.sqError[i];
    sum += table.truthSum[i];
    sumSq += table.truthSq[i];
    if (table.truthMin[i] < low) low = table.truthMin[i];
    if (table.truthMax[i] > high) high = table.truthMax[i];
  }
  out[outOffset] = top1 / length;
  out[outOffset + 1] = bottom1 / length;
  out[outOffset + 2] = spearman / length;
  out[outOffset + 3] = kendall / length;
  out[outOffset + 4] = count === 0 ? Number.NaN : abs / count;
  const ssTot = sumSq - (sum * sum) / count;
  out[outOffset + 5] = count === 0 ? Number.NaN : low === high ? 1 : 1 - sq / ssTot;
}
