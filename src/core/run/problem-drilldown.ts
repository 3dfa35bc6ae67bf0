// The run page's drill-down, per problem: its ranking metrics and mean absolute error (to sort the problem list,
// "problems that hurt most" first), the tests the reference (rank-1) solution fails, and the candidates the
// verifier ranks out of order.
import { groupProblems } from '../metrics/group-problems';
import { normalizePredictions } from '../metrics/normalize';
import { problemRankingMetrics } from '../metrics/problem-metrics';
import type { PredictionMethod, ProblemMetrics, ScoredSolution } from '../metrics/types';

/** One problem's metrics; `error` is the mean |predicted - true| over its candidates. */
export interface ProblemDrill extends ProblemMetrics {
  taskId: string;
  error: number;
}

/** Orders of the problem list. */
export type ProblemOrder = 'run' | 'hurt' | 'spearman' | 'kendall' | 'error';

/** Metrics of every problem with scored solutions, in input order. */
export function problemDrills(solutions: readonly ScoredSolution[], method: PredictionMethod = 'utg'): ProblemDrill[] {
  return groupProblems(solutions).map((problem) => {
    const predicted = normalizePredictions(
      problem.solutions.map((s) => s.predicted),
      method,
    );
    const error = problem.solutions.reduce((sum, s, i) => sum + Math.abs(predicted[i] - s.groundScore), 0) / problem.solutions.length;
    return { taskId: problem.taskId, ...problemRankingMetrics(problem), error };
  });
}

/**
 * The problems in `order`: as run ('run'); hurting most first ('hurt': the lowest Top-1 credit, so missed Top-1
 * first, then the largest error, then the lowest Spearman); the lowest Spearman or Kendall first; the largest
 * error first. Ties keep the input order.
 */
export function orderProblems(drills: readonly ProblemDrill[], order: ProblemOrder): ProblemDrill[] {
  const by: Record<Exclude<ProblemOrder, 'run'>, (a: ProblemDrill, b: ProblemDrill) => number> = {
    hurt: (a, b) => a.top1 - b.top1 || b.error - a.error || a.spearman - b.spearman,
    spearman: (a, b) => a.spearman - b.spearman,
    kendall: (a, b) => a.kendall - b.kendall,
    error: (a, b) => b.error - a.error,
  };
  return order === 'run' ? [...drills] : [...drills].sort(by[order]);
}

/** Indices of the tests the rank-1 (reference) solution does not pass; null without its result. */
export function invalidTests(results: ReadonlyArray<{ rank: number; tests: ReadonlyArray<{ status: string }> }>): number[] | null {
  const reference = results.find((r) => r.rank === 1);
  if (!reference) return null;
  return reference.tests.flatMap((t, i) => (t.status === 'pass' ? [] : [i]));
}

/**
 * Ranks of the candidates in at least one discordant pair: another candidate with a lower true score gets a
 * strictly higher predicted score, or one with a higher true score a strictly lower one.
 */
export function outOfOrderRanks(candidates: ReadonlyArray<{ rank: number; truth: number; predicted: number }>): Set<number> {
  const out = new Set<number>();
  for (const a of candidates) {
    for (const b of candidates) {
      if (a.truth > b.truth && a.predicted < b.predicted) {
        out.add(a.rank);
        out.add(b.rank);
      }
    }
  }
  return out;
}
