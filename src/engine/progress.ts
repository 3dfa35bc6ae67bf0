// Shared progress buffer of one call: the harness writes per-test deadlines and statuses, the pool reads them
// to interrupt overdue tests and to keep finished results when it has to kill the worker. Slots must match
// the constants at the top of harness.py.
import type { TestResult, TestStatus } from '../core/run/types';

/** Epoch ms by which the running test must finish (0 = none running). */
export const P_DEADLINE = 0;
/** 1 + index of the test running or last started (0 = still preparing: compiling, parsing inputs). */
export const P_CURRENT = 1;
/** Per test i: slot HEADER + 2i = status code, HEADER + 2i + 1 = ms. */
export const HEADER = 4;

const STATUS_BY_CODE: readonly (TestStatus | null)[] = [null, 'pass', 'fail', 'timeout', 'error', 'crash'];

/** A progress buffer for `tests` tests; shared memory when available so another thread can read it live. */
export function createProgress(tests: number, shared: boolean): Float64Array {
  const bytes = Float64Array.BYTES_PER_ELEMENT * (HEADER + 2 * tests);
  return new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** Results the harness recorded for tests [from, to); null where a test has not finished. */
export function readFinished(progress: Float64Array, from: number, to: number): (TestResult | null)[] {
  const out: (TestResult | null)[] = [];
  for (let i = from; i < to; i++) {
    const status = STATUS_BY_CODE[progress[HEADER + 2 * i]] ?? null;
    out.push(status ? { status, message: '', ms: progress[HEADER + 2 * i + 1] } : null);
  }
  return out;
}

/** Index of the test that was running (or about to run), or -1 while the call was still preparing. */
export function currentTest(progress: Float64Array): number {
  return progress[P_CURRENT] - 1;
}
