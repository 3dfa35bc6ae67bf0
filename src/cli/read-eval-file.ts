// Reading an evaluation file for a command: parse errors become usage errors, with a hint when the method is wrong.
import type { PredictionMethod, ScoredSolution } from '../core/metrics/types';
import { EvalFileParseError } from '../core/run/eval-file-error';
import { predictionFieldName } from '../core/run/eval-file-fields';
import { parseEvalFileChunks } from '../core/run/eval-file-read';
import { CliUsageError } from './cli-io';
import { readTextFile } from './read-text-file';

export const PREDICTION_METHODS: readonly PredictionMethod[] = ['utg', 'reward'];

/** A --method value (`flag` names the option in the message). */
export function methodOption(text: string, flag = '--method'): PredictionMethod {
  const method = PREDICTION_METHODS.find((m) => m === text);
  if (method === undefined) throw new CliUsageError(`${flag} must be utg or reward (got "${text}")`);
  return method;
}

/** The solutions of `file`; a malformed line is a CliUsageError naming the file (and the other method, if it fits). */
export async function readEvalFile(file: string, method: PredictionMethod, flag = '--method'): Promise<ScoredSolution[]> {
  try {
    return await parseEvalFileChunks(readTextFile(file), method);
  } catch (error) {
    if (!(error instanceof EvalFileParseError)) throw error;
    const other = PREDICTION_METHODS.find((m) => m !== method);
    const hint = error.field === predictionFieldName(method) && error.message.includes('missing field') ? ` (is this a ${flag} ${other} file?)` : '';
    throw new CliUsageError(`${file}: ${error.message}${hint}`);
  }
}
