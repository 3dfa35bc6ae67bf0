// The statistics of the paper's dataset table for any parsed ranking set: problems, solutions, average
// ground-truth score (over every solution, rank 1 included, as the authors' analysis averaged evaluation lines)
// and average number of ground-truth tests per problem.
import type { Dataset, GroundTruth } from '../dataset/types';

export interface RankingSetStats {
  problems: number;
  solutions: number;
  /** Mean stored score over all solutions; NaN for an empty dataset. */
  avgScore: number;
  /** Mean ground-truth tests per problem for the dataset's split; NaN for an empty dataset. */
  avgTests: number;
}

/** Tests a problem's ground truth runs (plus inputs count only on "+" splits, as parsed). */
export function groundTruthCount(tests: GroundTruth): number {
  switch (tests.kind) {
    case 'assert':
      return tests.asserts.length + (tests.challenge?.length ?? 0);
    case 'check':
      return 1;
    case 'io':
      return tests.baseCount + tests.plusCount;
  }
}

export function rankingSetStats(dataset: Dataset): RankingSetStats {
  let solutions = 0;
  let scoreSum = 0;
  let testSum = 0;
  for (const p of dataset.problems) {
    solutions += p.candidates.length;
    for (const c of p.candidates) scoreSum += c.score;
    testSum += groundTruthCount(p.tests);
  }
  const problems = dataset.problems.length;
  return { problems, solutions, avgScore: scoreSum / solutions, avgTests: testSum / problems };
}
