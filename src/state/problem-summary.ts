// What the problem list shows and searches for each problem, computed once per dataset (pure).
import type { Dataset, Problem } from '../core/dataset/types';

export interface ProblemSummary {
  taskId: string;
  /** First line of the statement (the docstring's, for HumanEval-style prompts). */
  title: string;
  candidates: number;
  minScore: number;
  maxScore: number;
  /** Lower-cased task id and statement, for search. */
  haystack: string;
}

export interface DatasetStats {
  problems: number;
  candidates: number;
  /** Mean true score over all candidates (rank 1 included). */
  meanScore: number;
}

/** The first non-empty line of a statement; for code prompts, the first line inside the docstring. */
export function statementTitle(prompt: string): string {
  const doc = /("""|''')([\s\S]*?)(\1|$)/.exec(prompt);
  const text = doc ? doc[2] : prompt;
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '');
  return line ?? prompt.trim().split('\n')[0] ?? '';
}

export function summarizeProblem(problem: Problem): ProblemSummary {
  const scores = problem.candidates.map((c) => c.score);
  return {
    taskId: problem.taskId,
    title: statementTitle(problem.prompt),
    candidates: problem.candidates.length,
    minScore: scores.length ? Math.min(...scores) : 0,
    maxScore: scores.length ? Math.max(...scores) : 0,
    haystack: `${problem.taskId}\n${problem.prompt}`.toLowerCase(),
  };
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const scores = dataset.problems.flatMap((p) => p.candidates.map((c) => c.score));
  const sum = scores.reduce((a, b) => a + b, 0);
  return { problems: dataset.problems.length, candidates: scores.length, meanScore: scores.length ? sum / scores.length : 0 };
}
