// Reading an evaluation file for the leaderboard: the core parser (strict, line-numbered), then the checks a
// leaderboard row needs (unique ranks per problem, a metric computable on every split). All or nothing.
import type { PredictionMethod } from '../metrics/types';
import { EvalFileParseError } from '../run/eval-file-error';
import { predictionFieldName } from '../run/eval-file-fields';
import { parseEvalFile } from '../run/eval-file-read';
import { groupProblemsBySplit } from '../metrics/group-problems';
import { splitParts } from '../metrics/split-metrics';
import { errorMessage } from '../error-message';
import type { StoredEvaluation } from './evaluation-record';

/** Why an evaluation file cannot become a leaderboard row; the message names the line or problem. */
export class EvaluationImportError extends Error {
  override readonly name = 'EvaluationImportError';
}

export interface EvaluationImport {
  text: string;
  fileName: string;
  method: PredictionMethod;
  /** Defaults to the file name without its extension. */
  name?: string;
}

/** The evaluation as it will be stored (id and time supplied by the caller); throws EvaluationImportError. */
export function readEvaluation(input: EvaluationImport, id: string, now: number): StoredEvaluation {
  let solutions;
  try {
    solutions = parseEvalFile(input.text, input.method);
  } catch (error) {
    if (!(error instanceof EvalFileParseError)) throw error;
    const other = input.method === 'utg' ? 'reward' : 'utg';
    const hint = error.field === predictionFieldName(input.method) && error.message.includes('missing field') ? ` (is this a ${other === 'reward' ? 'reward-model' : 'test-generation'} file? choose "${other}")` : '';
    throw new EvaluationImportError(`${input.fileName}: ${error.message}${hint}`);
  }
  if (solutions.length === 0) throw new EvaluationImportError(`${input.fileName}: the file holds no evaluation line`);
  const bySplit = groupProblemsBySplit(solutions);
  for (const [split, problems] of bySplit) {
    for (const problem of problems) {
      const seen = new Set<number>();
      for (const s of problem.solutions) {
        if (seen.has(s.rank)) throw new EvaluationImportError(`${input.fileName}: ${split} ${problem.taskId} has rank ${s.rank} twice`);
        seen.add(s.rank);
      }
    }
    try {
      splitParts(problems, input.method);
    } catch (error) {
      throw new EvaluationImportError(`${input.fileName}: ${split}: ${errorMessage(error)}`);
    }
  }
  const name = input.name?.trim() || input.fileName.replace(/\.(jsonl|json|txt)$/i, '');
  return { id, name, fileName: input.fileName, method: input.method, addedAt: now, splits: [...bySplit.keys()], solutions };
}
