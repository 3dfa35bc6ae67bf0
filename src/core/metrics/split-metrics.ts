// The paper's six metrics for a split: ranking metrics averaged over problems, MAE and R^2 pooled over solutions.
import { groupProblemsBySplit } from './group-problems';
import { MetricInputError } from './metric-errors';
import { normalizePredictions } from './normalize';
import { problemRankingMetrics } from './problem-metrics';
import { metricMae, metricR2 } from './regression';
import { meanOf } from './summation';
import type { MetricsBySplit, PredictionMethod, ProblemGroup, ProblemMetrics, ScoredSolution, SplitMetrics } from './types';

/** Everything a split's metrics are made of; the bootstrap resamples these per problem. */
export interface SplitParts {
  perProblem: ProblemMetrics[];
  /** Per problem: ground scores and the normalized predictions they are compared with (pooled later). */
  pooled: Array<{ truth: number[]; predicted: number[] }>;
}

/** Per-problem ranking metrics and per-problem score pairs of a split. */
export function splitParts(problems: readonly ProblemGroup[], method: PredictionMethod): SplitParts {
  if (problems.length === 0) throw new MetricInputError('a split needs at least one problem');
  for (const problem of problems) checkFinite(problem);
  return {
    perProblem: problems.map(problemRankingMetrics),
    pooled: problems.map((problem) => ({
      truth: problem.solutions.map((solution) => solution.groundScore),
      predicted: normalizePredictions(
        problem.solutions.map((solution) => solution.predicted),
        method,
      ),
    })),
  };
}

/** Combines parts into the six metrics: means over problems, MAE/R^2 over all solutions pooled. */
export function metricsFromParts(parts: SplitParts): SplitMetrics {
  const truth = parts.pooled.flatMap((problem) => problem.truth);
  const predicted = parts.pooled.flatMap((problem) => problem.predicted);
  const meanOver = (key: keyof ProblemMetrics) => meanOf(parts.perProblem.map((metrics) => metrics[key]));
  return {
    top1: meanOver('top1'),
    bottom1: meanOver('bottom1'),
    spearman: meanOver('spearman'),
    kendall: meanOver('kendall'),
    mae: metricMae(truth, predicted),
    r2: metricR2(truth, predicted),
    problems: parts.perProblem.length,
    solutions: truth.length,
  };
}

/** The six metrics of one split's problems. */
export function computeSplitMetrics(problems: readonly ProblemGroup[], method: PredictionMethod): SplitMetrics {
  return metricsFromParts(splitParts(problems, method));
}

/** Groups solutions by split and problem, then computes each split's metrics (keys in SPLIT_ORDER). */
export function computeMetricsBySplit(
  solutions: readonly ScoredSolution[],
  method: PredictionMethod,
): MetricsBySplit {
  const result: MetricsBySplit = {};
  for (const [split, problems] of groupProblemsBySplit(solutions)) {
    result[split] = computeSplitMetrics(problems, method);
  }
  return result;
}

function checkFinite(problem: ProblemGroup): void {
  for (const solution of problem.solutions) {
    for (const key of ['rank', 'groundScore', 'predicted'] as const) {
      if (!Number.isFinite(solution[key])) {
        throw new MetricInputError(`${problem.split} ${problem.taskId}: ${key} is not a finite number (${solution[key]})`);
      }
    }
  }
}
