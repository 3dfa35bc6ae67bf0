// Shared progress buffer of one call: the harness writes the running test's index and deadline, the pool
// reads them to interrupt an overdue test and, when it has to kill the worker, to know which test to blame.
// No result travels here: the candidate can reach this buffer, so a value in it may only steer the candidate's
// own timeouts (jobs.ts re-runs the other tests on a fresh worker). Slots match the top of harness.py.

/** Epoch ms by which the running test must finish (0 = none running). */
export const P_DEADLINE = 0;
/** 1 + index of the test running or last started (0 = still preparing: compiling, parsing inputs). */
export const P_CURRENT = 1;
/** Slots in the buffer. */
export const HEADER = 4;

/** A progress buffer; shared memory when available so another thread can read it live. */
export function createProgress(shared: boolean): Float64Array {
  const bytes = Float64Array.BYTES_PER_ELEMENT * HEADER;
  return new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** Index of the test that was running (or about to run), or -1 while the call was still preparing. */
export function currentTest(progress: Float64Array): number {
  return progress[P_CURRENT] - 1;
}
