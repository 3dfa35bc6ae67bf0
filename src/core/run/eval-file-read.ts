// Parses the authors' evaluation file into scored solutions; strict: the first bad line throws, nothing partial is returned.
import type { SplitName } from '../dataset/types';
import type { PredictionMethod, ScoredSolution } from '../metrics/types';
import { EvalFileParseError } from './eval-file-error';
import { EVAL_SPLITS, PREDICTION_FIELD } from './eval-file-fields';
import { errorMessage } from '../error-message';

/** Parses a whole evaluation file held in memory. Blank lines are skipped. */
export function parseEvalFile(text: string, method: PredictionMethod): ScoredSolution[] {
  const solutions: ScoredSolution[] = [];
  text.split('\n').forEach((raw, index) => {
    const solution = parseEvalLine(raw, index + 1, method);
    if (solution) solutions.push(solution);
  });
  return solutions;
}

/**
 * Parses an evaluation file arriving as text chunks (a file stream, a fetch body through TextDecoderStream).
 * Lines may span chunks. Resolves only when every line parsed; otherwise rejects with the first error.
 */
export async function parseEvalFileChunks(chunks: AsyncIterable<string>, method: PredictionMethod): Promise<ScoredSolution[]> {
  const solutions: ScoredSolution[] = [];
  let pending = '';
  let lineNumber = 0;
  const take = (raw: string) => {
    lineNumber += 1;
    const solution = parseEvalLine(raw, lineNumber, method);
    if (solution) solutions.push(solution);
  };
  for await (const chunk of chunks) {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    parts.forEach(take);
  }
  take(pending);
  return solutions;
}

/** One line to a solution, or null for a blank line. `raw` may carry a trailing \r or a leading BOM. */
export function parseEvalLine(raw: string, line: number, method: PredictionMethod): ScoredSolution | null {
  const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
  if (text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EvalFileParseError(line, null, `not valid JSON (${errorMessage(error)})`);
  }
  if (!isRecord(value)) throw new EvalFileParseError(line, null, 'expected a JSON object');
  const split = field(value, ['dataset'], line);
  if (typeof split !== 'string' || !EVAL_SPLITS.includes(split as SplitName)) {
    throw wrongType(line, 'dataset', `one of ${EVAL_SPLITS.join(', ')}`, split);
  }
  const taskId = field(value, ['task_id'], line);
  // MBPP's own task ids are integers; the model keys problems by string.
  if (typeof taskId !== 'string' && !Number.isSafeInteger(taskId)) throw wrongType(line, 'task_id', 'a string or an integer', taskId);
  const rank = field(value, ['rank'], line);
  if (!Number.isSafeInteger(rank) || (rank as number) < 1) throw wrongType(line, 'rank', 'a positive integer', rank);
  return {
    split: split as SplitName,
    taskId: String(taskId),
    rank: rank as number,
    groundScore: finiteNumber(value, ['ground_average_test_score'], line),
    predicted: finiteNumber(value, PREDICTION_FIELD[method], line),
  };
}

function field(record: Record<string, unknown>, path: readonly string[], line: number): unknown {
  // A missing key at any depth names the whole path: "reward.reward_score" says what to add.
  const name = path.join('.');
  let current: unknown = record;
  path.forEach((key, depth) => {
    if (depth > 0 && !isRecord(current)) throw wrongType(line, path.slice(0, depth).join('.'), 'an object', current);
    if (!Object.hasOwn(current as object, key)) throw new EvalFileParseError(line, name, `missing field "${name}"`);
    current = (current as Record<string, unknown>)[key];
  });
  return current;
}

function finiteNumber(record: Record<string, unknown>, path: readonly string[], line: number): number {
  const value = field(record, path, line);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(line, path.join('.'), 'a finite number', value);
  return value;
}

function wrongType(line: number, name: string, expected: string, got: unknown): EvalFileParseError {
  const shown = JSON.stringify(got) ?? String(got);
  const clipped = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
  return new EvalFileParseError(line, name, `field "${name}" must be ${expected} (got ${clipped})`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
