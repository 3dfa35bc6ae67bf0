// What the comparison computations take: a run's execution matrix under a scorer, or scored solutions as an
// evaluation file gives them; both become the same (solutions, method) pair before any metric is computed.
import type { SplitName } from '../dataset/types';
import type { PredictionMethod, ScoredSolution } from '../metrics/types';
import type { MatrixProblem } from './execution-matrix';
import { scoreProblem, scorerMethod, type ScorerName } from './scorers';

/** A run's execution matrix on one split, read by one scorer. */
export interface MatrixInput {
  kind: 'matrix';
  split: SplitName;
  problems: MatrixProblem[];
  scorer: ScorerName;
}

/**
 * One leaderboard row's data, plain and structured-cloneable (it crosses into the analysis worker). 'splits' is one
 * verifier's tests scored on several splits (a run and its copy on the companion split), each split its own matrix.
 */
export type AnalysisInput =
  | MatrixInput
  | { kind: 'splits'; parts: MatrixInput[] }
  | { kind: 'solutions'; solutions: ScoredSolution[]; method: PredictionMethod };

/** The input's scored solutions and how their predictions are read (scorers pick their method). */
export function scoredSolutionsOf(input: AnalysisInput): { solutions: ScoredSolution[]; method: PredictionMethod } {
  if (input.kind === 'solutions') return { solutions: input.solutions, method: input.method };
  if (input.kind === 'splits') {
    const parts = input.parts.map((part) => scoredSolutionsOf(part));
    const methods = new Set(parts.map((part) => part.method));
    if (methods.size > 1) throw new Error('the splits of one row must be read the same way (one scorer)');
    return { solutions: parts.flatMap((part) => part.solutions), method: parts[0]?.method ?? 'utg' };
  }
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
  if (input.kind === 'splits') return { ...input, parts: input.parts.filter((part) => part.split === split) };
  return { ...input, solutions: input.solutions.filter((s) => s.split === split) };
}

/** The execution matrix a row has on `split` (for scaling curves), or null (an evaluation file, another split). */
export function matrixOfSplit(input: AnalysisInput | null, split: SplitName): MatrixInput | null {
  if (input?.kind === 'matrix') return input.split === split ? input : null;
  if (input?.kind === 'splits') return input.parts.find((part) => part.split === split) ?? null;
  return null;
}
