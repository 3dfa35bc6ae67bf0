// The problem subset of a new run: task ids typed by the user (any whitespace or commas between them), in
// dataset order, optionally cut to the first N.
import type { Dataset } from '../dataset/types';

export interface ProblemSelection {
  ids: string[];
  /** Typed ids the dataset does not have. */
  unknown: string[];
}

/** `text` empty selects every problem; `limit` 0 keeps all. */
export function selectProblems(dataset: Dataset, text: string, limit: number): ProblemSelection {
  const typed = text.split(/[\s,]+/).filter((t) => t !== '');
  const known = new Set(dataset.problems.map((p) => p.taskId));
  const wanted = new Set(typed);
  const ids = dataset.problems.map((p) => p.taskId).filter((id) => typed.length === 0 || wanted.has(id));
  return { ids: limit > 0 ? ids.slice(0, limit) : ids, unknown: typed.filter((t) => !known.has(t)) };
}
