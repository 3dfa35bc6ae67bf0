// Writes scored solutions in the authors' evaluation format, so their evaluate.py and our reader both accept the file.
import type { PredictionMethod, ScoredSolution } from '../metrics/types';

/** One solution as one JSON line (no newline). The prediction goes where `method` says the reader looks for it. */
export function formatEvalLine(solution: ScoredSolution, method: PredictionMethod): string {
  // JSON has no NaN/Infinity (JSON.stringify would write null), so refuse rather than write a file nobody can read back.
  for (const key of ['rank', 'groundScore', 'predicted'] as const) {
    if (!Number.isFinite(solution[key])) throw new RangeError(`${solution.split} ${solution.taskId}: ${key} is not finite (${solution[key]})`);
  }
  const line: Record<string, unknown> = {
    dataset: solution.split,
    task_id: solution.taskId,
    rank: solution.rank,
    ground_average_test_score: solution.groundScore,
  };
  if (method === 'utg') line.average_test_score = solution.predicted;
  else line.reward = { reward_score: solution.predicted };
  return JSON.stringify(line);
}

/** A whole evaluation file: one line per solution, each ending in a newline. */
export function formatEvalFile(solutions: readonly ScoredSolution[], method: PredictionMethod): string {
  return solutions.map((solution) => `${formatEvalLine(solution, method)}\n`).join('');
}
