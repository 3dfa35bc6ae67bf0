// A watchdog interrupt meant for a test that has just finished can land in the harness's own bookkeeping
// (building the next test, recording a result). It must cost at most a repeat of one test, never the candidate:
// on a loaded machine this once turned a whole HumanEval+ candidate into 991 "crash" results.
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { beforeAll, describe, expect, it } from 'vitest';
import { harnessNamespace } from './helpers';

let py: PyodideAPI;
let ns: PyProxy;

beforeAll(async () => {
  ({ py, ns } = await harnessNamespace());
});

/** Runs 5 passing tests through run_batch with a KeyboardInterrupt raised once at `where`; returns what happened. */
function batchWithStrayInterrupt(where: 'make' | 'after_run_one' | 'none') {
  const run = py.runPython(
    `
def _trial(where):
    ran = []
    fired = []
    def make(i):
        if where == 'make' and i == 2 and not fired:
            fired.append(i)
            raise KeyboardInterrupt
        def body(out, err):
            ran.append(i)
            return 'pass', ''
        return body
    real_run_one = run_one
    def run_one_then_interrupt(*args, **kwargs):
        r = real_run_one(*args, **kwargs)
        if where == 'after_run_one' and len(ran) == 3 and not fired:
            fired.append(3)
            raise KeyboardInterrupt
        return r
    globals()['run_one'] = run_one_then_interrupt
    try:
        results, exhausted, _ = run_batch(5, 1000, 60_000, None, Clock(), make)
    finally:
        globals()['run_one'] = real_run_one
    return {'statuses': [r[0] for r in results], 'ran': ran, 'exhausted': exhausted}
_trial
`,
    { globals: ns as never },
  ) as PyProxy & ((where: string) => PyProxy);
  const out = run(where);
  const value = out.toJs({ dict_converter: Object.fromEntries }) as { statuses: string[]; ran: number[]; exhausted: boolean };
  out.destroy();
  run.destroy();
  return value;
}

describe('late interrupts inside run_batch', () => {
  it('without an interrupt, every test runs once', () => {
    expect(batchWithStrayInterrupt('none')).toEqual({ statuses: ['pass', 'pass', 'pass', 'pass', 'pass'], ran: [0, 1, 2, 3, 4], exhausted: false });
  });

  it('an interrupt while building a test is absorbed; every test still runs once', () => {
    expect(batchWithStrayInterrupt('make')).toEqual({ statuses: ['pass', 'pass', 'pass', 'pass', 'pass'], ran: [0, 1, 2, 3, 4], exhausted: false });
  });

  it('an interrupt after a test finished repeats only that test', () => {
    expect(batchWithStrayInterrupt('after_run_one')).toEqual({ statuses: ['pass', 'pass', 'pass', 'pass', 'pass'], ran: [0, 1, 2, 2, 3, 4], exhausted: false });
  });
});
