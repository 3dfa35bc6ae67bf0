// Finds a line's EvalPlus inputs as raw JSON text (never through JSON.parse: integers beyond 2^53 must survive).
import { rawArrayItems, rawObjectEntries, rawObjectText, type RawEntry } from '../dataset/raw-json';

const INPUT_KEYS = new Set(['base_input', 'plus_input']);

/** base_input / plus_input members of a record: top level first, else all_solutions[0].solution. */
export function rawInputEntries(recordText: string): RawEntry[] {
  const entries = rawObjectEntries(recordText);
  const top = entries.filter((e) => INPUT_KEYS.has(e.key));
  if (top.some((e) => e.key === 'base_input')) return top;
  const list = entries.find((e) => e.key === 'all_solutions');
  const first = list === undefined || !list.raw.startsWith('[') ? undefined : rawArrayItems(list.raw)[0];
  if (first === undefined || !first.startsWith('{')) return [];
  const solution = rawObjectEntries(first).find((e) => e.key === 'solution');
  if (solution === undefined || !solution.raw.startsWith('{')) return [];
  return rawObjectEntries(solution.raw).filter((e) => INPUT_KEYS.has(e.key));
}

/**
 * The smallest JSON text the engine needs to read a problem's inputs: task_id plus the input lists. A whole
 * dataset line can be megabytes (all_solutions), and this text travels with every candidate's request.
 */
export function ioInputsSource(recordText: string, taskId: string): string {
  return rawObjectText([{ key: 'task_id', raw: JSON.stringify(taskId) }, ...rawInputEntries(recordText)]);
}
