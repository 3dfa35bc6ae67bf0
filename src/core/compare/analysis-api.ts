// The leaderboard's computations behind one transport-free object: per-row metrics with bootstrap intervals, a
// paired comparison of two rows, scaling curves. The analysis worker exposes it as is; tests call it directly.
// Failures come back as data ({ ok: false, error }) because errors lose their type across a worker boundary.
import type { SplitName } from '../dataset/types';
import { bootstrapSplitMetrics, DEFAULT_RESAMPLES } from '../metrics/bootstrap';
import { groupProblemsBySplit } from '../metrics/group-problems';
import { metricsFromParts, splitParts } from '../metrics/split-metrics';
import { METRIC_NAMES } from '../metrics/split-table';
import type { SplitMetrics } from '../metrics/types';
import { errorMessage } from '../error-message';
import { inputForSplit, scoredSolutionsOf, type AnalysisInput, type MatrixInput } from './analysis-input';
import { compareEvaluations, type SplitComparison } from './compare-files';
import { DEFAULT_SCALING_DRAWS } from './scaling';
import { scalingBands, type ScalingBandPoint } from './scaling-band';
import type { ScorerName } from './scorers';
import type { MetricIntervals } from './split-intervals';

export interface IntervalOptions {
  /** Bootstrap resamples of the problems (default 2,000). */
  resamples?: number;
  /** PRNG seed: the same seed gives the same intervals (default 0). */
  seed?: number;
}

/** One split of a row: the six metrics (with counts) and their 95% percentile intervals. */
export interface SplitCell {
  metrics: SplitMetrics;
  /** Null when the row's data cannot be resampled (only stored headline metrics are known). */
  intervals: MetricIntervals | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export type RowCells = Partial<Record<SplitName, SplitCell>>;

/** One curve of a scaling overlay: a row's mean metrics at each k, with the 2.5th-97.5th percentile band over the draws. */
export interface ScalingSeries {
  id: string;
  split: SplitName;
  scorer: ScorerName;
  points: ScalingBandPoint[];
}

export interface ScalingRequest {
  /** Which row the curve belongs to (returned as is). */
  id: string;
  input: MatrixInput;
}

/** The analysis API; every method is synchronous and pure (the worker makes it asynchronous). */
export function createAnalysisApi() {
  return {
    /** Metrics and bootstrap intervals of every split of a row (empty when it has no complete problem yet). */
    rowCells(input: AnalysisInput, options: IntervalOptions = {}): Outcome<RowCells> {
      return attempt(() => rowCells(input, options));
    },

    /** Paired comparison of two rows on `split` (same problems, same candidates), B - A per metric. */
    paired(a: AnalysisInput, b: AnalysisInput, split: SplitName, options: IntervalOptions & { disagreements?: number } = {}): Outcome<SplitComparison> {
      return attempt(() => {
        const sideA = scoredSolutionsOf(inputForSplit(a, split));
        const sideB = scoredSolutionsOf(inputForSplit(b, split));
        if (sideA.solutions.length === 0 || sideB.solutions.length === 0) throw new Error(`both rows need finished problems on ${split}`);
        const { splits } = compareEvaluations(sideA, sideB, { resamples: options.resamples ?? DEFAULT_RESAMPLES, seed: options.seed ?? 0, disagreements: options.disagreements ?? 10 });
        return splits[0]!;
      });
    },

    /**
     * Scaling curves of several rows for one overlay: for each k, every metric averaged over `draws` draws of k of
     * each problem's tests (see core/compare/scaling.ts), with the 95% band of the draws (scaling-band.ts). Rows are
     * computed one after another.
     */
    scalingCurves(requests: readonly ScalingRequest[], ks: readonly number[], options: { draws?: number; seed?: number } = {}): Outcome<ScalingSeries[]> {
      return attempt(() =>
        requests.map(({ id, input }) => {
          if (input.problems.length === 0) throw new Error(`${id}: no complete problem to draw tests from`);
          const points = scalingBands(input.split, input.problems, ks, { draws: options.draws ?? DEFAULT_SCALING_DRAWS, seed: options.seed ?? 0, scorer: input.scorer });
          return { id, split: input.split, scorer: input.scorer, points };
        }),
      );
    },
  };
}

export type AnalysisApi = ReturnType<typeof createAnalysisApi>;

/** Metrics and intervals per split; each split resamples its own problems from the same seed. */
export function rowCells(input: AnalysisInput, options: IntervalOptions = {}): RowCells {
  const { solutions, method } = scoredSolutionsOf(input);
  const cells: RowCells = {};
  for (const [split, problems] of groupProblemsBySplit(solutions)) {
    const parts = splitParts(problems, method);
    const intervals = bootstrapSplitMetrics(parts, { resamples: options.resamples ?? DEFAULT_RESAMPLES, seed: options.seed ?? 0 });
    cells[split] = {
      metrics: metricsFromParts(parts),
      intervals: Object.fromEntries(METRIC_NAMES.map((name) => [name, [intervals[name].low, intervals[name].high]])) as MetricIntervals,
    };
  }
  return cells;
}

function attempt<T>(work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
