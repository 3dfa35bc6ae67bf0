// What the comparison computations take: a run's execution matrix under a scorer, or scored solutions as an
// evaluation file gives them; both become the same (solutions, method) pair before any metric is computed.
import type { SplitName } from '../dataset/types';
import type { PredictionMethod, ScoredSolution } from '../metrics/types';
import type { MatrixProblem } from './execution-matrix';
import { scoreProblem, scorerMethod, type ScorerName } from './scorers';

/** One leaderboard row's data, plain and structured-cloneable (it crosses into the analysis worker). */
export type AnalysisInput =
  | { kind: 'matrix'; split: SplitName; problems: MatrixProblem[]; scorer: ScorerName }
  | { kind: 'solutions'; solutions: ScoredSolution[]; method: PredictionMethod };

/** The input's scored solutions and how their predictions are read (scorers pick their method). */
export function scoredSolutionsOf(input: AnalysisInput): { solutions: ScoredSolution[]; method: PredictionMethod } {
  if (input.kind === 'solutions') return { solutions: input.solutions, method: input.method };
  const { split, scorer } = input;
  const solutions = input.problems.flatMap((problem) => {
    const scores = scoreProblem(problem, scorer);
    return problem.ranks.map((rank, i) => ({ split, taskId: problem.taskId, rank, groundScore: problem.truth[i], predicted: scores[i] }));
  });
  return { solutions, method: scorerMethod(scorer) };
}

/** Only the solutions of `split` (a paired comparison on one chosen split). */
export function inputForSplit(input: AnalysisInput, split: SplitName): AnalysisInput {
  if (input.kind === 'matrix') return input.split === split ? input : { ...input, problems: [] };
  return { ...input, solutions: input.solutions.filter((s) => s.split === split) };
}
