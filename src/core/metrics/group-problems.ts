// Grouping scored solutions into problems by (split, taskId), and the fixed order splits are reported in.
import type { SplitName } from '../dataset/types';
import type { ProblemGroup, ScoredSolution } from './types';

/** Report order: the authors' table order (plus sets first), then the bundled demo. */
export const SPLIT_ORDER: readonly SplitName[] = ['HE_plus', 'HE_base', 'MBPP_plus', 'MBPP_base', 'DEMO'];

/**
 * Groups solutions into problems. Lines of one problem need not be contiguous; problems keep
 * the order of their first line. The same taskId in two splits (HE-R and HE-R+) is two problems.
 */
export function groupProblems(solutions: readonly ScoredSolution[]): ProblemGroup[] {
  const bySplit = new Map<SplitName, Map<string, ProblemGroup>>();
  const ordered: ProblemGroup[] = [];
  for (const solution of solutions) {
    let problems = bySplit.get(solution.split);
    if (!problems) {
      problems = new Map();
      bySplit.set(solution.split, problems);
    }
    let group = problems.get(solution.taskId);
    if (!group) {
      group = { split: solution.split, taskId: solution.taskId, solutions: [] };
      problems.set(solution.taskId, group);
      ordered.push(group);
    }
    group.solutions.push(solution);
  }
  return ordered;
}

/** Problems split by their split name, keys in SPLIT_ORDER, empty splits omitted. */
export function groupProblemsBySplit(solutions: readonly ScoredSolution[]): Map<SplitName, ProblemGroup[]> {
  const problems = groupProblems(solutions);
  const result = new Map<SplitName, ProblemGroup[]>();
  for (const split of SPLIT_ORDER) {
    const inSplit = problems.filter((problem) => problem.split === split);
    if (inSplit.length > 0) result.set(split, inSplit);
  }
  return result;
}
