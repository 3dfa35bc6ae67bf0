// A run's execution results as a per-problem pass/fail matrix (candidates x tests), the input of the scorers and
// the scaling curves; built from the stored CandidateRecords, so no candidate runs again.
import type { Problem } from '../dataset/types';
import type { CandidateRecord } from '../run/run-records';

/**
 * One problem's candidates and the outcome of each of their tests (1 = pass; fail, error, timeout and crash are 0).
 * `shared`: every candidate ran the same tests, column j being the same test in every row (the instruction
 * variant, imported test files); otherwise each candidate ran its own tests (instruction + solution variant).
 */
export interface MatrixProblem {
  taskId: string;
  /** True ranks, 1 = best (the canonical solution). */
  ranks: number[];
  /** Ground-truth scores, paired with `ranks`. */
  truth: number[];
  /** One row per candidate, paired with `ranks`. */
  pass: Uint8Array[];
  shared: boolean;
}

/** Thrown when records do not cover a problem's candidates or disagree with the shared-tests claim. */
export class MatrixInputError extends Error {
  override readonly name = 'MatrixInputError';
}

/** The matrix of every problem in `problems` from its candidates' records (each candidate must have one). */
export function executionMatrix(problems: readonly Problem[], records: readonly CandidateRecord[], shared: boolean): MatrixProblem[] {
  const byKey = new Map(records.map((r) => [`${r.taskId}\u0000${r.rank}`, r]));
  return problems.map((problem) => {
    const rows = problem.candidates.map((c) => {
      const record = byKey.get(`${problem.taskId}\u0000${c.rank}`);
      if (record === undefined) throw new MatrixInputError(`no result for ${problem.taskId} rank ${c.rank}`);
      return Uint8Array.from(record.tests, (t) => (t.status === 'pass' ? 1 : 0));
    });
    if (shared && rows.some((row) => row.length !== rows[0].length)) throw new MatrixInputError(`${problem.taskId}: candidates ran different numbers of shared tests`);
    return { taskId: problem.taskId, ranks: problem.candidates.map((c) => c.rank), truth: problem.candidates.map((c) => c.score), pass: rows, shared };
  });
}
