// Reads candidate pool files. Accepted line shapes (JSONL):
//   {task_id, code} or {task_id, solution}   a complete program (EvalPlus samples, LDB, Reflexion)
//   {task_id | prompt, completion}           a body continuing the prompt
//   {prompt, samples: [body, ...]}           CodeT's layout
// The key is task_id (string or integer), else MultiPL-E's name (Reflexion's MBPP files), else the prompt.
import { DatasetParseError } from '../dataset/errors';
import { FieldReader, isJsonObject } from '../dataset/fields';
import { parseJsonLine } from '../dataset/json-line';
import { BuildInputError, inFile } from './build-errors';
import { jsonlLines } from './jsonl-lines';
import type { PoolItem, PoolLine } from './types';

const SHAPES = '{task_id, code}, {task_id, solution}, {task_id | prompt, completion} or {prompt, samples: [...]}';

/** Every line of one pool file. Throws BuildInputError naming the line; never returns part of a file. */
export function parsePoolText(text: string, file: string): PoolLine[] {
  const lines: PoolLine[] = [];
  for (const { line, text: lineText } of jsonlLines(text)) {
    try {
      lines.push(readPoolLine(lineText, line, file));
    } catch (error) {
      throw inFile(file, error);
    }
  }
  if (lines.length === 0) throw new BuildInputError(file, 0, '', 'no candidates in the file');
  return lines;
}

function readPoolLine(text: string, line: number, file: string): PoolLine {
  const value = parseJsonLine(text, line);
  if (!isJsonObject(value)) throw new DatasetParseError(line, '', 'line is not a JSON object');
  const r = new FieldReader(value, line);
  const taskId = r.has('task_id') && r.obj['task_id'] !== null ? r.taskId('task_id') : r.has('name') ? r.string('name') : undefined;
  const prompt = r.has('prompt') && r.obj['prompt'] !== null ? r.string('prompt') : undefined;
  const items = readItems(r);
  if (taskId === undefined && prompt === undefined) {
    throw new DatasetParseError(line, 'task_id', 'a pool line needs "task_id" (or "name") or "prompt" to join it to a problem');
  }
  return { file, line, ...(taskId === undefined ? {} : { taskId }), ...(prompt === undefined ? {} : { prompt }), items };
}

/** The candidates of a line, from the first of code, solution, completion, samples that is present. */
function readItems(r: FieldReader): PoolItem[] {
  if (r.has('code')) return [{ kind: 'program', code: r.string('code') }];
  if (r.has('solution')) return [{ kind: 'program', code: r.string('solution') }];
  if (r.has('completion')) return [{ kind: 'body', body: r.string('completion') }];
  if (r.has('samples')) return r.stringArray('samples').map((body) => ({ kind: 'body', body }));
  throw new DatasetParseError(r.line, '', `no candidate on this line: expected ${SHAPES}`);
}
