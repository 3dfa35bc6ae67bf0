// Scaling curves: the metrics a verifier would have reached with only k of each problem's N generated tests,
// averaged over random k-subsets (the paper's "more tests per problem" experiment, on a run's stored results).
import type { SplitName } from '../dataset/types';
import { MetricInputError } from '../metrics/metric-errors';
import { prngIndex, prngMulberry32 } from '../metrics/prng';
import { computeSplitMetrics } from '../metrics/split-metrics';
import { METRIC_NAMES } from '../metrics/split-table';
import type { MetricName, ProblemGroup } from '../metrics/types';
import type { MatrixProblem } from './execution-matrix';
import { scoreProblem, scorerMethod, type ScorerName } from './scorers';

/** The test columns each problem uses in one draw: per problem, shared columns or one list per candidate row. */
export type DrawColumns = ReadonlyArray<ArrayLike<number> | ReadonlyArray<ArrayLike<number>>>;

export interface ScalingOptions {
  /** Draws per k (default DEFAULT_SCALING_DRAWS). */
  draws?: number;
  seed?: number;
  scorer?: ScorerName;
}

export const DEFAULT_SCALING_DRAWS = 200;

/** Mean of each metric over the draws at one k. */
export type ScalingPoint = Record<MetricName, number>;

/** The six metrics of a split when each problem keeps only the test columns of one draw. */
export function metricsForColumns(split: SplitName, problems: readonly MatrixProblem[], columns: DrawColumns, scorer: ScorerName = 'fraction'): Record<MetricName, number> {
  if (columns.length !== problems.length) throw new MetricInputError(`a draw gives columns for ${columns.length} problems, the split has ${problems.length}`);
  const groups: ProblemGroup[] = problems.map((problem, p) => {
    const chosen = columns[p];
    const perRow = isPerRow(chosen) ? chosen : undefined;
    const scores = scoreProblem(problem, scorer, perRow ? undefined : (chosen as ArrayLike<number>), perRow);
    return {
      split,
      taskId: problem.taskId,
      solutions: problem.ranks.map((rank, i) => ({ split, taskId: problem.taskId, rank, groundScore: problem.truth[i], predicted: scores[i] })),
    };
  });
  const metrics = computeSplitMetrics(groups, scorerMethod(scorer));
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, metrics[name]])) as Record<MetricName, number>;
}

/**
 * For each k, the mean of every metric over `draws` draws; in a draw each problem keeps k of its N tests drawn
 * without replacement (all N when N <= k), the same k for every candidate when tests are shared, each candidate
 * its own k otherwise. Deterministic for a seed; each k has its own PRNG stream, so adding a k changes no other.
 */
export function scalingCurve(split: SplitName, problems: readonly MatrixProblem[], ks: readonly number[], options: ScalingOptions = {}): Map<number, ScalingPoint> {
  const { draws = DEFAULT_SCALING_DRAWS, seed = 0, scorer = 'fraction' } = options;
  if (!Number.isInteger(draws) || draws < 1) throw new MetricInputError(`draws must be a positive integer (got ${draws})`);
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new MetricInputError(`k must be a positive integer (got ${k})`);
  const result = new Map<number, ScalingPoint>();
  for (const k of ks) {
    const random = prngMulberry32((seed ^ Math.imul(k, 0x9e3779b1)) >>> 0);
    const sums = new Float64Array(METRIC_NAMES.length);
    for (let d = 0; d < draws; d += 1) {
      const columns = problems.map((problem) =>
        problem.shared ? drawTestSubset(random, problem.pass[0]?.length ?? 0, k) : problem.pass.map((row) => drawTestSubset(random, row.length, k)),
      );
      const metrics = metricsForColumns(split, problems, columns, scorer);
      METRIC_NAMES.forEach((name, m) => (sums[m] += metrics[name]));
    }
    result.set(k, Object.fromEntries(METRIC_NAMES.map((name, m) => [name, sums[m] / draws])) as ScalingPoint);
  }
  return result;
}

/** k of the indices 0..n-1 without replacement (a partial Fisher-Yates shuffle), all n when n <= k. */
export function drawTestSubset(random: () => number, n: number, k: number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, j) => j);
  if (n <= k) return order;
  for (let i = 0; i < k; i += 1) {
    const j = i + prngIndex(random, n - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.subarray(0, k);
}

function isPerRow(columns: DrawColumns[number]): columns is ReadonlyArray<ArrayLike<number>> {
  return columns.length > 0 && typeof (columns as ArrayLike<unknown>)[0] !== 'number';
}
