// Percentile bootstrap confidence intervals for a split's metrics, resampling whole problems with a seeded PRNG.
import { MetricInputError } from './metric-errors';
import { drawResampleIndices, type ResampleDraws } from './resample';
import { metricsFromParts, type SplitParts } from './split-metrics';
import { METRIC_NAMES, splitTable, tableMetricsInto, type SplitTable } from './split-table';
import type { MetricName } from './types';

/** A metric's point estimate and its percentile interval. */
export interface MetricInterval {
  estimate: number;
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Number of resamples (default DEFAULT_RESAMPLES). */
  resamples?: number;
  /** Two-sided coverage, e.g. 0.95 (default). */
  confidence?: number;
  /** PRNG seed; the same seed gives the same intervals (default 0). */
  seed?: number;
}

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_CONFIDENCE = 0.95;

/**
 * The six metrics of every resample: row r (METRIC_NAMES order) of the returned count x 6 array holds the
 * metrics of the problems drawn in resample r.
 */
export function bootstrapSamples(table: SplitTable, draws: ResampleDraws): Float64Array {
  if (draws.n !== table.problems) throw new MetricInputError(`draws are over ${draws.n} problems, the split has ${table.problems}`);
  const out = new Float64Array(draws.count * METRIC_NAMES.length);
  for (let r = 0; r < draws.count; r += 1) tableMetricsInto(table, draws.indices, r * draws.n, draws.n, out, r * METRIC_NAMES.length);
  return out;
}

/** Column `metric` of a resamples x 6 sample array. */
export function sampleColumn(samples: Float64Array, metric: number): Float64Array {
  const width = METRIC_NAMES.length;
  const column = new Float64Array(samples.length / width);
  for (let r = 0; r < column.length; r += 1) column[r] = samples[r * width + metric];
  return column;
}

/** The percentile interval [low, high] of `values` at two-sided `confidence` (sorts a copy). */
export function percentileInterval(values: Float64Array, confidence = DEFAULT_CONFIDENCE): [number, number] {
  checkConfidence(confidence);
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - confidence) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

/** Intervals of all six metrics from given draws (a fixed index list in tests, seeded draws otherwise). */
export function bootstrapIntervals(parts: SplitParts, draws: ResampleDraws, confidence = DEFAULT_CONFIDENCE): Record<MetricName, MetricInterval> {
  checkConfidence(confidence);
  const samples = bootstrapSamples(splitTable(parts), draws);
  const estimate = metricsFromParts(parts);
  return Object.fromEntries(
    METRIC_NAMES.map((name, m) => {
      const [low, high] = percentileInterval(sampleColumn(samples, m), confidence);
      return [name, { estimate: estimate[name], low, high }];
    }),
  ) as Record<MetricName, MetricInterval>;
}

/**
 * Resamples problems with replacement (a problem's solutions stay together, since they are not
 * independent) and recomputes all six metrics each time; intervals are percentiles of those values.
 */
export function bootstrapSplitMetrics(parts: SplitParts, options: BootstrapOptions = {}): Record<MetricName, MetricInterval> {
  const { resamples = DEFAULT_RESAMPLES, confidence = DEFAULT_CONFIDENCE, seed = 0 } = options;
  checkConfidence(confidence);
  return bootstrapIntervals(parts, drawResampleIndices(parts.perProblem.length, resamples, seed), confidence);
}

/** Quantile of ascending `sorted` values with linear interpolation between order statistics (numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new MetricInputError(`confidence must be in (0, 1) (got ${confidence})`);
}
