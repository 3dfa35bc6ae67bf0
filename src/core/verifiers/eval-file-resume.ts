// Resuming a reward or judge command from its own evaluation file: the lines already written are the candidates
// already scored (their raw score in reward.reward_score), so only the others are asked. A cut-off last line (a
// killed process) is dropped; any other bad line, or a line that does not belong to this dataset, is an error.
import type { Dataset, SplitName } from '../dataset/types';
import type { ScoredSolution } from '../metrics/types';
import { EvalFileParseError } from '../run/eval-file-error';
import { parseEvalLine } from '../run/eval-file-read';
import type { CandidateRecord } from '../run/run-records';

/** An evaluation file that cannot be resumed on this dataset; `line` is 1-based. */
export class EvalResumeError extends Error {
  override readonly name = 'EvalResumeError';

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** What an earlier run left: its scored solutions, and the file's text without a cut-off last line. */
export interface EvalResume {
  solutions: ScoredSolution[];
  kept: string;
  dropped: boolean;
}

/** Reads an earlier output of the same command over `problemIds` of `dataset` (split `split`). */
export function resumeScoredEvalFile(text: string, dataset: Dataset, split: SplitName, problemIds: readonly string[]): EvalResume {
  const lines = text.split('\n');
  const cut = !text.endsWith('\n') && lines.at(-1) !== '';
  const ground = new Map<string, number>(dataset.problems.filter((p) => problemIds.includes(p.taskId)).flatMap((p) => p.candidates.map((c) => [`${p.taskId}\u0000${c.rank}`, c.score] as const)));
  const seen = new Set<string>();
  const solutions: ScoredSolution[] = [];
  let dropped = false;
  lines.forEach((raw, i) => {
    let solution: ScoredSolution | null;
    try {
      solution = parseEvalLine(raw, i + 1, 'reward');
    } catch (error) {
      if (cut && i === lines.length - 1 && error instanceof EvalFileParseError) return void (dropped = true);
      throw error;
    }
    if (solution === null) return;
    const key = `${solution.taskId}\u0000${solution.rank}`;
    if (solution.split !== split) throw new EvalResumeError(i + 1, `dataset ${solution.split}, but this run scores ${split}`);
    const truth = ground.get(key);
    if (truth === undefined) throw new EvalResumeError(i + 1, `${solution.taskId} rank ${solution.rank} is not a candidate of the problems scored now`);
    if (truth !== solution.groundScore) throw new EvalResumeError(i + 1, `${solution.taskId} rank ${solution.rank} has ground score ${solution.groundScore}, the dataset says ${truth} (another dataset?)`);
    if (seen.has(key)) throw new EvalResumeError(i + 1, `${solution.taskId} rank ${solution.rank} appears twice`);
    seen.add(key);
    solutions.push(solution);
  });
  const kept = dropped ? lines.slice(0, -1).join('\n') : text;
  return { solutions, kept: kept === '' || kept.endsWith('\n') ? kept : `${kept}\n`, dropped };
}

/** A scored candidate read back from an evaluation line (its answers are not in the file; its raw score is). */
export function candidateFromSolution(runId: string, solution: ScoredSolution): CandidateRecord {
  return { runId, taskId: solution.taskId, rank: solution.rank, tests: [], passed: 0, total: 0, predicted: solution.predicted, uncompilable: [], compileError: null, ms: 0 };
}
