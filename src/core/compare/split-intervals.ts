// Bootstrap intervals of every split of an evaluation: the CLI's `metrics --ci` and the leaderboard's cells.
import type { SplitName } from '../dataset/types';
import { bootstrapSplitMetrics, type BootstrapOptions } from '../metrics/bootstrap';
import { groupProblemsBySplit } from '../metrics/group-problems';
import { splitParts } from '../metrics/split-metrics';
import { METRIC_NAMES } from '../metrics/split-table';
import type { MetricName, PredictionMethod, ScoredSolution } from '../metrics/types';

/** [low, high] per metric. */
export type MetricIntervals = Record<MetricName, [number, number]>;

/** Percentile intervals per split (keys in SPLIT_ORDER); each split resamples its own problems from the same seed. */
export function intervalsBySplit(solutions: readonly ScoredSolution[], method: PredictionMethod, options: BootstrapOptions = {}): Partial<Record<SplitName, MetricIntervals>> {
  const result: Partial<Record<SplitName, MetricIntervals>> = {};
  for (const [split, problems] of groupProblemsBySplit(solutions)) {
    const intervals = bootstrapSplitMetrics(splitParts(problems, method), options);
    result[split] = Object.fromEntries(METRIC_NAMES.map((name) => [name, [intervals[name].low, intervals[name].high]])) as MetricIntervals;
  }
  return result;
}
