// Per-problem ranking metrics: Top-1, Bottom-1, Spearman and Kendall between true and predicted ranks.
import { kendallTauB } from './kendall';
import { rankAverage } from './ranks';
import { spearmanRho } from './spearman';
import { metricBottom1, metricTop1 } from './top-bottom';
import type { ProblemGroup, ProblemMetrics } from './types';

/**
 * The four ranking metrics of one problem. True ranks (rank 1 best) and predicted ranks (higher
 * score best) both become average ranks where 1 is best; an undefined coefficient counts as 0.
 * Raw predictions are used: min-max normalization is monotone, so it would not change a ranking.
 */
export function problemRankingMetrics(problem: ProblemGroup): ProblemMetrics {
  const ranks = problem.solutions.map((solution) => solution.rank);
  const predicted = problem.solutions.map((solution) => solution.predicted);
  const trueRanks = rankAverage(ranks, 'ascending');
  const predictedRanks = rankAverage(predicted, 'descending');
  return {
    top1: metricTop1(ranks, predicted),
    bottom1: metricBottom1(ranks, predicted),
    spearman: spearmanRho(trueRanks, predictedRanks) ?? 0,
    kendall: kendallTauB(trueRanks, predictedRanks) ?? 0,
  };
}
