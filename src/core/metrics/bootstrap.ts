// Percentile bootstrap confidence intervals for a split's metrics, resampling whole problems with a seeded PRNG.
import { MetricInputError } from './metric-errors';
import { prngIndex, prngMulberry32 } from './prng';
import { metricsFromParts, type SplitParts } from './split-metrics';
import type { MetricName } from './types';

/** A metric's point estimate and its percentile interval. */
export interface MetricInterval {
  estimate: number;
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Two-sided coverage, e.g. 0.95 (default). */
  confidence?: number;
  /** PRNG seed; the same seed gives the same intervals (default 0). */
  seed?: number;
}

const METRICS: readonly MetricName[] = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'];

/**
 * Resamples problems with replacement (a problem's solutions stay together, since they are not
 * independent) and recomputes all six metrics each time; intervals are percentiles of those values.
 */
export function bootstrapSplitMetrics(parts: SplitParts, options: BootstrapOptions = {}): Record<MetricName, MetricInterval> {
  const { resamples = 1000, confidence = 0.95, seed = 0 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new MetricInputError(`resamples must be a positive integer (got ${resamples})`);
  if (!(confidence > 0 && confidence < 1)) throw new MetricInputError(`confidence must be in (0, 1) (got ${confidence})`);
  const n = parts.perProblem.length;
  const random = prngMulberry32(seed);
  const samples = Object.fromEntries(METRICS.map((name) => [name, [] as number[]])) as Record<MetricName, number[]>;
  for (let r = 0; r < resamples; r += 1) {
    const picks = Array.from({ length: n }, () => prngIndex(random, n));
    const metrics = metricsFromParts({ perProblem: picks.map((i) => parts.perProblem[i]), pooled: picks.map((i) => parts.pooled[i]) });
    for (const name of METRICS) samples[name].push(metrics[name]);
  }
  const estimate = metricsFromParts(parts);
  const tail = (1 - confidence) / 2;
  return Object.fromEntries(
    METRICS.map((name) => {
      const sorted = samples[name].sort((a, b) => a - b);
      return [name, { estimate: estimate[name], low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) }];
    }),
  ) as Record<MetricName, MetricInterval>;
}

/** Quantile of ascending `sorted` values with linear interpolation between order statistics (numpy's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
