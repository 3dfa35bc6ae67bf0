// Reads an explicit prompt -> task_id map: JSONL lines with task_id and prompt (e.g. CodeT's
// HumanEval_for_code_generation.jsonl, whose prompts leave out the docstring examples of HumanEval's).
import { DatasetParseError } from '../dataset/errors';
import { FieldReader, isJsonObject } from '../dataset/fields';
import { parseJsonLine } from '../dataset/json-line';
import { BuildInputError, inFile } from './build-errors';
import { jsonlLines } from './jsonl-lines';

/** prompt text -> task_id. Throws BuildInputError on a bad line or a prompt mapped to two task ids. */
export function parsePromptMapText(text: string, file: string): Map<string, string> {
  const map = new Map<string, string>();
  const lineOf = new Map<string, number>();
  for (const { line, text: lineText } of jsonlLines(text)) {
    try {
      const value = parseJsonLine(lineText, line);
      if (!isJsonObject(value)) throw new DatasetParseError(line, '', 'line is not a JSON object');
      const r = new FieldReader(value, line);
      const taskId = r.taskId('task_id');
      const prompt = r.string('prompt');
      const held = map.get(prompt);
      if (held !== undefined && held !== taskId) {
        throw new DatasetParseError(line, 'prompt', `the same prompt already maps to "${held}" (line ${lineOf.get(prompt)})`);
      }
      map.set(prompt, taskId);
      lineOf.set(prompt, line);
    } catch (error) {
      throw inFile(file, error);
    }
  }
  if (map.size === 0) throw new BuildInputError(file, 0, '', 'no prompt -> task_id pairs in the file');
  return map;
}
