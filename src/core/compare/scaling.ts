// Scaling curves: the metrics a verifier would have reached with only k of each problem's N generated tests,
// averaged over random k-subsets (the paper's "more tests per problem" experiment, on a run's stored results).
import type { SplitName } from '../dataset/types';
import { MetricInputError } from '../metrics/metric-errors';
import { prngIndex, prngMulberry32 } from '../metrics/prng';
import { computeSplitMetrics, splitParts } from '../metrics/split-metrics';
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

/** Cached entries per problem and map: bounds memory when C(N, k) is large (974 problems x 2 x 256 x ~100 bytes). */
const MEMO_PER_PROBLEM = 256;

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
  const result = new Map<number, ScalingPoint>();
  let sums = new Float64Array(METRIC_NAMES.length);
  scalingDraws(split, problems, ks, options, (k, d, metrics, draws) => {
    if (d === 0) sums = new Float64Array(METRIC_NAMES.length);
    for (let m = 0; m < sums.length; m += 1) sums[m] += metrics[m];
    if (d === draws - 1) result.set(k, Object.fromEntries(METRIC_NAMES.map((name, m) => [name, sums[m] / draws])) as ScalingPoint);
  });
  return result;
}

/**
 * The draws behind scalingCurve: for each k in order, `visit(k, d, metrics, draws)` once per draw d with the six
 * metrics of that draw (METRIC_NAMES order, a buffer reused by the next draw). Deterministic for a seed; each k has
 * its own PRNG stream, so adding a k changes no other.
 */
export function scalingDraws(split: SplitName, problems: readonly MatrixProblem[], ks: readonly number[], options: ScalingOptions, visit: (k: number, draw: number, metrics: Float64Array, draws: number) => void): void {
  const { draws = DEFAULT_SCALING_DRAWS, seed = 0, scorer = 'fraction' } = options;
  if (!Number.isInteger(draws) || draws < 1) throw new MetricInputError(`draws must be a positive integer (got ${draws})`);
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new MetricInputError(`k must be a positive integer (got ${k})`);
  const evaluator = new ScalingEvaluator(split, problems, scorer);
  const metrics = new Float64Array(METRIC_NAMES.length);
  // One buffer per problem (shared tests) or per candidate row, reused by every draw.
  const scratch = problems.map((problem) => (problem.shared ? [new Uint32Array(problem.pass[0]?.length ?? 0)] : problem.pass.map((row) => new Uint32Array(row.length))));
  for (const k of ks) {
    const random = prngMulberry32((seed ^ Math.imul(k, 0x9e3779b1)) >>> 0);
    for (let d = 0; d < draws; d += 1) {
      const columns = problems.map((problem, p) =>
        problem.shared ? drawTestSubset(random, problem.pass[0]?.length ?? 0, k, scratch[p][0]) : problem.pass.map((row, i) => drawTestSubset(random, row.length, k, scratch[p][i])),
      );
      evaluator.metricsInto(columns, metrics);
      visit(k, d, metrics, draws);
    }
  }
}

/**
 * metricsForColumns made fast for many draws: the truth side of MAE/R^2 is the same in every draw (every problem
 * is in it), and a problem's ranking metrics and error sums depend only on its candidates' scores, which take few
 * distinct values; so each problem keeps them per drawn column set and per score vector, computed once by the
 * same metric code (splitParts) that metricsForColumns uses.
 */
export class ScalingEvaluator {
  readonly #split: SplitName;
  readonly #problems: readonly MatrixProblem[];
  readonly #scorer: ScorerName;
  readonly #byColumns: Array<Map<number, Float64Array>>;
  readonly #byScores: Array<Map<string, Float64Array>>;
  readonly #solutions: number;
  readonly #ssTot: number;
  readonly #truthConstant: boolean;

  constructor(split: SplitName, problems: readonly MatrixProblem[], scorer: ScorerName) {
    if (problems.length === 0) throw new MetricInputError('a split needs at least one problem');
    this.#split = split;
    this.#problems = problems;
    this.#scorer = scorer;
    this.#byColumns = problems.map(() => new Map());
    this.#byScores = problems.map(() => new Map());
    const truth = problems.flatMap((p) => p.truth);
    const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
    this.#solutions = truth.length;
    this.#ssTot = truth.reduce((a, t) => a + (t - mean) ** 2, 0);
    this.#truthConstant = truth.every((t) => t === truth[0]);
  }

  /** The six metrics (METRIC_NAMES order) of one draw into `out`. */
  metricsInto(columns: DrawColumns, out: Float64Array): void {
    if (columns.length !== this.#problems.length) throw new MetricInputError(`a draw gives columns for ${columns.length} problems, the split has ${this.#problems.length}`);
    let top1 = 0, bottom1 = 0, spearman = 0, kendall = 0, abs = 0, sq = 0;
    this.#problems.forEach((problem, p) => {
      const chosen = columns[p];
      const perRow = isPerRow(chosen) ? chosen : undefined;
      // Shared tests: the scores depend only on which columns were drawn, a set that fits a bitmask for N <= 52.
      const mask = perRow === undefined && problem.pass[0].length <= 52 ? columnMask(chosen as ArrayLike<number>) : null;
      let values = mask === null ? undefined : this.#byColumns[p].get(mask);
      if (values === undefined) {
        const scores = scoreProblem(problem, this.#scorer, perRow ? undefined : (chosen as ArrayLike<number>), perRow);
        const key = scores.join(',');
        values = this.#byScores[p].get(key);
        if (values === undefined) {
          values = this.#problemValues(problem, scores);
          if (this.#byScores[p].size < MEMO_PER_PROBLEM) this.#byScores[p].set(key, values);
        }
        if (mask !== null && this.#byColumns[p].size < MEMO_PER_PROBLEM) this.#byColumns[p].set(mask, values);
      }
      top1 += values[0];
      bottom1 += values[1];
      spearman += values[2];
      kendall += values[3];
      abs += values[4];
      sq += values[5];
    });
    const n = this.#problems.length;
    out[0] = top1 / n;
    out[1] = bottom1 / n;
    out[2] = spearman / n;
    out[3] = kendall / n;
    out[4] = abs / this.#solutions;
    out[5] = this.#truthConstant ? 1 : 1 - sq / this.#ssTot;
  }

  #problemValues(problem: MatrixProblem, scores: readonly number[]): Float64Array {
    const group: ProblemGroup = {
      split: this.#split,
      taskId: problem.taskId,
      solutions: problem.ranks.map((rank, i) => ({ split: this.#split, taskId: problem.taskId, rank, groundScore: problem.truth[i], predicted: scores[i] })),
    };
    const { perProblem: [m], pooled: [{ truth, predicted }] } = splitParts([group], scorerMethod(this.#scorer));
    let abs = 0, sq = 0;
    truth.forEach((t, i) => ((abs += Math.abs(predicted[i] - t)), (sq += (predicted[i] - t) ** 2)));
    return Float64Array.of(m.top1, m.bottom1, m.spearman, m.kendall, abs, sq);
  }
}

/**
 * k of the indices 0..n-1 without replacement (a partial Fisher-Yates shuffle), all n when n <= k. Written into
 * `scratch` (length >= n) when given, so many draws allocate nothing; the result is a view of it.
 */
export function drawTestSubset(random: () => number, n: number, k: number, scratch?: Uint32Array): Uint32Array {
  const order = scratch ?? new Uint32Array(n);
  for (let j = 0; j < n; j += 1) order[j] = j;
  if (n <= k) return order.subarray(0, n);
  for (let i = 0; i < k; i += 1) {
    const j = i + prngIndex(random, n - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.subarray(0, k);
}

/** Distinct columns as a bitmask (exact below 2^53). */
function columnMask(columns: ArrayLike<number>): number {
  let mask = 0;
  for (let j = 0; j < columns.length; j += 1) mask += 2 ** columns[j];
  return mask;
}

function isPerRow(columns: DrawColumns[number]): columns is ReadonlyArray<ArrayLike<number>> {
  return columns.length > 0 && typeof (columns as ArrayLike<unknown>)[0] !== 'number';
}
