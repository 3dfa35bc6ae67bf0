// Candidates that reach the harness itself (harness_integrity.py). Each tampering below would falsify the
// tamperer's own results; the pool must void them. The next candidate scores exactly on the same worker:
// it starts from the interpreter's clean image, so no worker needs replacing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';

let pool: EnginePool;
beforeAll(async () => {
  pool = createNodePool({ size: 1 });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close();
});

const WRONG = 'def add(a, b):\n    return a - b\n';
const request = (code: string): ScoreRequest => ({
  code,
  tests: { kind: 'assert', setup: '', asserts: ['assert add(1, 2) == 3', 'assert add(2, 2) == 4'] },
  compare: 'paper',
  limitMs: 2000,
  budgetMs: 30_000,
});

// Reaches the harness namespace through the frames above the candidate. The frame is let go: a frame kept
// alive holds the harness's JS progress view (kept proxies are isolation.test.ts's cases); here only the
// tampering itself is under test.
const HARNESS = [
  'import sys',
  '_f = sys._getframe()',
  "while _f is not None and '_test_reset' not in _f.f_globals:",
  '    _f = _f.f_back',
  '_h = _f.f_globals',
  'del _f',
].join('\n');

const TAMPERING: Record<string, string> = {
  'a harness function rebound (every later failure reported as a pass)': `${HARNESS}\n_h['describe'] = lambda e, cap=0: ''\n_h['run_one'] = lambda *a, **k: ('pass', '', 0.0)`,
  'a method of the stdout class replaced, no frames needed': "import sys\ntype(sys.stdout).getvalue = lambda self: ''",
  "a harness function's code swapped": `${HARNESS}\n_h['describe'].__code__ = (lambda e, cap=0: '').__code__`,
  'the per-test reset altered': `${HARNESS}\n_h['_test_reset'].recursion = 50`,
};

describe('a candidate that tampers with the harness', () => {
  for (const [what, tamper] of Object.entries(TAMPERING)) {
    it(`${what}: its results are void, the next candidate scores exactly on the same worker`, async () => {
      const before = pool.stats().workersStarted;
      const bad = await pool.score(request(`${tamper}\ndef add(a, b):\n    return a + b\n`));
      expect(bad.tests.map((t) => t.status)).toEqual(['crash', 'crash']);
      expect(bad.tests[0].message).toMatch(/tampered with the harness/);
      const next = await pool.score(request(WRONG));
      expect(next.tests.map((t) => t.status)).toEqual(['fail', 'fail']);
      expect(next.tests[0].message).toMatch(/AssertionError/);
      expect(pool.stats().workersStarted).toBe(before);
    });
  }

  it('an ordinary candidate is not taken for a tamperer (warnings filed under harness frames, copies of stdout)', async () => {
    const before = pool.stats().workersStarted;
    const ok = await pool.score({
      ...request('import sys, builtins\nbuiltins.len = None\nsys.setrecursionlimit(80)\ndef add(a, b):\n    return a + b\n'),
      tests: {
        kind: 'assert',
        setup: '',
        asserts: ['assert add(1, 2) == 3', 'import warnings\nwarnings.simplefilter("ignore")\nwarnings.warn("filed under the caller", stacklevel=2)', 'import copy, sys\ncopy.copy(sys.stdout)', 'assert add(2, 2) == 4'],
      },
    });
    expect(ok.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(pool.stats().workersStarted).toBe(before);
  });
});
