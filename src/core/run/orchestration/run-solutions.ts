// From stored candidate results to the paper's metrics: one ScoredSolution per candidate of every problem whose
// candidates have all been executed (a half-executed problem would skew its ranking metrics).
import { computeMetricsBySplit } from '../../metrics/split-metrics';
import type { MetricsBySplit, PredictionMethod, ScoredSolution } from '../../metrics/types';
import type { SplitName } from '../../dataset/types';
import type { CandidateRecord } from '../run-records';
import type { WorkPlan } from './work-plan';

/** Scored solutions of the complete problems, in plan order, candidates by rank. */
export function scoredSolutions(plan: WorkPlan, split: SplitName, results: readonly CandidateRecord[]): ScoredSolution[] {
  const byKey = new Map(results.map((r) => [`${r.rank}\u0000${r.taskId}`, r]));
  const out: ScoredSolution[] = [];
  for (const { problem } of plan.problems) {
    const rows = problem.candidates.map((c) => ({ c, r: byKey.get(`${c.rank}\u0000${problem.taskId}`) }));
    if (rows.some((row) => row.r === undefined)) continue;
    for (const { c, r } of rows) out.push({ split, taskId: problem.taskId, rank: c.rank, groundScore: c.score, predicted: r!.predicted });
  }
  return out;
}

/**
 * The six metrics per split over the complete problems; null when none is complete. `method` says how predictions
 * read (verifier-kind.ts's predictionMethod: pass fractions as is, rewards and judge scores normalized per problem).
 */
export function runMetrics(plan: WorkPlan, split: SplitName, results: readonly CandidateRecord[], method: PredictionMethod = 'utg'): MetricsBySplit | null {
  const solutions = scoredSolutions(plan, split, results);
  return solutions.length === 0 ? null : computeMetricsBySplit(solutions, method);
}
