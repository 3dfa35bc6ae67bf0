// Data of a run's plots, from its scored solutions: predicted-vs-true score points, per-problem Spearman, and the
// calibration bins (mean true score per predicted-score bin). Predictions are the scores MAE and R^2 compare
// (pass fractions as is, rewards min-max normalized per problem).
import { groupProblems } from '../metrics/group-problems';
import { normalizePredictions } from '../metrics/normalize';
import { problemRankingMetrics } from '../metrics/problem-metrics';
import type { PredictionMethod, ScoredSolution } from '../metrics/types';

/** One candidate of the scatter. */
export interface ScorePoint {
  taskId: string;
  rank: number;
  truth: number;
  predicted: number;
}

/** One problem's Spearman (an undefined coefficient counts as 0, as in the metric). */
export interface ProblemSpearman {
  taskId: string;
  spearman: number;
}

/** A bin [low, high) of a histogram; the last bin also holds `high`. */
export interface HistogramBin {
  low: number;
  high: number;
  count: number;
}

/** A predicted-score bin with the candidates in it; means are null for an empty bin. */
export interface CalibrationBin extends HistogramBin {
  meanPredicted: number | null;
  meanTrue: number | null;
}

/** Every solution as a (true, predicted) point, problems in input order. */
export function scorePoints(solutions: readonly ScoredSolution[], method: PredictionMethod): ScorePoint[] {
  return groupProblems(solutions).flatMap((problem) => {
    const predicted = normalizePredictions(
      problem.solutions.map((s) => s.predicted),
      method,
    );
    return problem.solutions.map((s, i) => ({ taskId: s.taskId, rank: s.rank, truth: s.groundScore, predicted: predicted[i] }));
  });
}

/** Candidates sharing a (predicted, true) pair: the scatter's dots (discrete pass fractions would hide each other). */
export interface ScoreCount {
  predicted: number;
  truth: number;
  count: number;
}

/** The points grouped by (predicted, true), ordered by predicted then true score. */
export function scoreCounts(points: readonly ScorePoint[]): ScoreCount[] {
  const counts = new Map<string, ScoreCount>();
  for (const { predicted, truth } of points) {
    const key = `${predicted}|${truth}`;
    const entry = counts.get(key) ?? { predicted, truth, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.predicted - b.predicted || a.truth - b.truth);
}

/** Spearman between true and predicted ranks, per problem. */
export function problemSpearmans(solutions: readonly ScoredSolution[]): ProblemSpearman[] {
  return groupProblems(solutions).map((problem) => ({ taskId: problem.taskId, spearman: problemRankingMetrics(problem).spearman }));
}

/** Counts of `values` in `bins` equal-width bins over [low, high]; values outside are dropped. */
export function histogramBins(values: readonly number[], low: number, high: number, bins: number): HistogramBin[] {
  const edge = (b: number) => (b === bins ? high : low + (b * (high - low)) / bins);
  const result = Array.from({ length: bins }, (_, b) => ({ low: edge(b), high: edge(b + 1), count: 0 }));
  for (const value of values) {
    const bin = binOf(value, low, high, bins);
    if (bin !== null) result[bin].count += 1;
  }
  return result;
}

/** Bins of predicted scores over [0, 1] with the mean predicted and mean true score of the points in each. */
export function calibrationBins(points: readonly ScorePoint[], bins = 5): CalibrationBin[] {
  const sums = Array.from({ length: bins }, () => ({ predicted: 0, truth: 0, count: 0 }));
  for (const point of points) {
    const bin = binOf(point.predicted, 0, 1, bins);
    if (bin === null) continue;
    sums[bin].predicted += point.predicted;
    sums[bin].truth += point.truth;
    sums[bin].count += 1;
  }
  return histogramBins([], 0, 1, bins).map((bin, b) => {
    const { predicted, truth, count } = sums[b];
    return { ...bin, count, meanPredicted: count === 0 ? null : predicted / count, meanTrue: count === 0 ? null : truth / count };
  });
}

/** The bin of `value` (the top edge belongs to the last bin); null outside [low, high]. */
function binOf(value: number, low: number, high: number, bins: number): number | null {
  if (!(value >= low && value <= high)) return null;
  return Math.min(bins - 1, Math.floor(((value - low) / (high - low)) * bins));
}
