// A line diff of two programs (jsdiff's Myers diff: a longest common subsequence of lines), laid out side by side.
import { diffArrays } from 'diff';

/** One row of a side-by-side diff: a line kept on both sides, or a removed/added line (or both, paired). */
export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  /** 1-based line numbers, null on the side that has no line. */
  leftLine: number | null;
  rightLine: number | null;
  left: string | null;
  right: string | null;
}

/** Diffs larger than this many line pairs are not computed (two unlike programs cost quadratic time); the caller shows both whole. */
export const MAX_DIFF_CELLS = 4_000_000;

/** The input is too large to diff (over MAX_DIFF_CELLS line pairs). */
export class DiffTooLargeError extends Error {
  override readonly name = 'DiffTooLargeError';
}

/** Splits program text into lines; a final newline does not add an empty line. */
export function programLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Edit script between two line lists: 'same', 'removed' (left only) or 'added' (right only), in order. */
export function lineDiffOps(a: readonly string[], b: readonly string[]): { op: 'same' | 'removed' | 'added'; i: number; j: number }[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) throw new DiffTooLargeError(`${n} x ${m} lines is too large to diff`);
  const ops: { op: 'same' | 'removed' | 'added'; i: number; j: number }[] = [];
  let i = 0;
  let j = 0;
  // jsdiff's Myers diff: a shortest edit script, so its common lines are a longest common subsequence.
  for (const change of diffArrays([...a], [...b])) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) ops.push({ op: 'added', i, j: j++ });
      else if (change.removed) ops.push({ op: 'removed', i: i++, j });
      else ops.push({ op: 'same', i: i++, j: j++ });
    }
  }
  return ops;
}

/** Side-by-side rows: runs of removed and added lines between common lines are paired up as 'changed'. */
export function sideBySideDiff(leftText: string, rightText: string): DiffRow[] {
  const a = programLines(leftText);
  const b = programLines(rightText);
  const rows: DiffRow[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const i = removed[k];
      const j = added[k];
      rows.push({
        kind: i !== undefined && j !== undefined ? 'changed' : i !== undefined ? 'removed' : 'added',
        leftLine: i === undefined ? null : i + 1,
        rightLine: j === undefined ? null : j + 1,
        left: i === undefined ? null : a[i]!,
        right: j === undefined ? null : b[j]!,
      });
    }
    removed = [];
    added = [];
  };
  for (const { op, i, j } of lineDiffOps(a, b)) {
    if (op === 'removed') removed.push(i);
    else if (op === 'added') added.push(j);
    else {
      flush();
      rows.push({ kind: 'same', leftLine: i + 1, rightLine: j + 1, left: a[i]!, right: b[j]! });
    }
  }
  flush();
  return rows;
}

/** Counts of changed lines, for a one-line summary ("3 lines differ"). */
export function diffStats(rows: readonly DiffRow[]): { same: number; changed: number; removed: number; added: number } {
  const stats = { same: 0, changed: 0, removed: 0, added: 0 };
  for (const row of rows) stats[row.kind]++;
  return stats;
}
