// Input/output tests are decided outside the candidate's interpreter: it never holds an expected output, and
// what it prints or returns is compared as data by a clean judge. Hostile candidates try to read the expected
// outputs, to hand over something that is not data, and to flood the judge; ordinary neighbours stay exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareMode, IoExpected, ScoreRequest } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import { judgeBatches } from '../../src/engine/io-judging';
import type { EnginePool } from '../../src/engine/pool-types';
import { ALWAYS_EQUAL, FORGE_RESULTS, READ_EXPECTED, SECRET_PREFIX } from './realm/io-attacks';

let pool: EnginePool;
beforeAll(async () => {
  pool = createNodePool({ size: 1, snapshotStore: null });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close();
});

/** A secret no candidate can guess: the canonical returns it for every input. */
const SECRET = `${SECRET_PREFIX}${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
const CANONICAL = `def f(x):\n    return ${JSON.stringify(SECRET)} + str(x)\n`;

let problemCounter = 0;
async function problem(compare: CompareMode, canonical = CANONICAL, base = '[[1], [2], [3]]', taskId = 'HumanEval/901', entryPoint = 'f') {
  const inputs = { key: `judge-${problemCounter++}`, source: `{"base_input": ${base}, "plus_input": []}`, sets: ['base' as const] };
  const common = { taskId, entryPoint, inputs, compare };
  const expected: IoExpected = await pool.expect({ ...common, canonical, limitMs: 5000, budgetMs: 60_000 });
  return (code: string): ScoreRequest => ({ code, tests: { kind: 'io', ...common, atol: 0, expected }, compare, limitMs: 5000, budgetMs: 60_000 });
}

describe('io tests decided outside the candidate', () => {
  for (const compare of ['paper', 'evalplus'] as const) {
    it(`${compare}: an honest candidate passes and a wrong one fails, with the expected value in the message`, async () => {
      const ask = await problem(compare);
      const right = await pool.score(ask(CANONICAL));
      expect(right.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass']);
      const wrong = await pool.score(ask('def f(x):\n    return "nope"\n'));
      expect(wrong.tests.map((t) => t.status)).toEqual(['fail', 'fail', 'fail']);
      expect(wrong.tests[0].message).toContain(SECRET);
    });

    it(`${compare}: a candidate that searches its interpreter for the expected outputs finds none`, async () => {
      const ask = await problem(compare);
      const r = await pool.score(ask(READ_EXPECTED));
      expect(r.passed).toBe(0);
      expect(r.tests[0].message).toContain('nothing found');
    });
  }

  it('evalplus: a returned object that equals everything is not plain data and fails (the judge runs none of its code)', async () => {
    const ask = await problem('evalplus');
    const r = await pool.score(ask(ALWAYS_EQUAL));
    expect(r.tests.map((t) => t.status)).toEqual(['fail', 'fail', 'fail']);
    expect(r.tests[0].message).toMatch(/not plain data/);
  });

  it('evalplus: a pickle that would call a function in the judge is refused', async () => {
    const ask = await problem('evalplus');
    const reducer =
      'import os\nclass R:\n    def __reduce__(self):\n        return (os.system, ("echo hi",))\n' +
      `class S(str):\n    def __reduce__(self):\n        return (eval, (${JSON.stringify(JSON.stringify(SECRET))} + " + str(1)",))\n` +
      'def f(x):\n    return R() if x == 1 else S("a")\n';
    const r = await pool.score(ask(reducer));
    expect(r.tests.map((t) => t.status)).toEqual(['fail', 'fail', 'fail']);
    expect(r.tests[0].message).toMatch(/not plain data/);
    // Plain stdlib values still compare as EvalPlus compares them.
    const plain = await problem('evalplus', 'import collections\ndef f(x):\n    return {"a": x, "b": (x, 1.5)}\n');
    const counter = 'import collections\ndef f(x):\n    return collections.OrderedDict([("b", (x, 1.5)), ("a", x)])\n';
    expect((await pool.score(plain(counter))).passed).toBe(3);
  });

  it('paper: megabytes printed per test reach the judge in several calls and every test is decided', async () => {
    // 24 inputs: the canonical prints a megabyte of x for even ones, "y" for odd; the candidate always the megabyte.
    const base = JSON.stringify(Array.from({ length: 24 }, (_, i) => [i]));
    const ask = await problem('paper', 'def f(x):\n    return "x" * 1000000 if x % 2 == 0 else "y"\n', base);
    const r = await pool.score(ask('def f(x):\n    return "x" * 1000000\n'));
    expect(r.tests.map((t) => t.status)).toEqual(Array.from({ length: 24 }, (_, i) => (i % 2 ? 'fail' : 'pass')));
    expect(r.tests[1].message).toMatch(/expected 'y'/);
  });

  for (const compare of ['paper', 'evalplus'] as const) {
    it(`${compare}: a candidate that rewrites the harness's results list to "pass" is void, not passed`, async () => {
      const ask = await problem(compare);
      const r = await pool.score(ask(FORGE_RESULTS));
      expect(r.passed).toBe(0);
      expect((await pool.score(ask(CANONICAL))).passed).toBe(3);
    });
  }

  it('paper: where the canonical raised, the candidate is not told (only missing outputs carry their reason)', async () => {
    const ask = await problem('paper', 'def f(x):\n    if x == 2:\n        raise ValueError("boom")\n    return x\n');
    const peek = "import sys\ndef f(x):\n    fr = sys._getframe()\n    while fr is not None and 'req' not in fr.f_locals: fr = fr.f_back\n    errs = fr.f_locals['req']['tests']['expected']['errors'] if fr else []\n    return 'saw:' + str(any(errs))\n";
    const r = await pool.score(ask(peek));
    expect(r.tests[0].message).toContain('saw:False');
  });

  it('evalplus: a pickle that sets fields past the constructor (a Fraction 0/0) is refused', async () => {
    const ask = await problem('evalplus', 'def surface_Area(b, s):\n    return b * b + 2 * b * s\n', '[[3, 4], [5, 6], [1, 2]]', 'Mbpp/581', 'surface_Area');
    const zero = 'from fractions import Fraction\nclass Z:\n    def __reduce__(self):\n        return (Fraction, (0,), (None, {"_numerator": 0, "_denominator": 0}))\ndef surface_Area(b, s):\n    return Z()\n';
    const r = await pool.score(ask(zero));
    expect(r.passed).toBe(0);
    expect(r.tests[0].message).toMatch(/not plain data/);
  });

  it('evalplus: values EvalPlus compares by their builtin equality still pass (namedtuple, defaultdict, filter for a set task, a match for a not-None task)', async () => {
    const tup = await problem('evalplus', 'def f(x):\n    return (x, x + 1)\n');
    expect((await pool.score(tup('import collections\nP = collections.namedtuple("P", "a b")\ndef f(x):\n    return P(x, x + 1)\n'))).passed).toBe(3);
    const dct = await problem('evalplus', 'def f(x):\n    return {x: 1}\n');
    expect((await pool.score(dct('import collections\ndef f(x):\n    d = collections.defaultdict(lambda: 0)\n    d[x] += 1\n    return d\n'))).passed).toBe(3);
    const sets = await problem('evalplus', 'def similar_elements(a, b):\n    return tuple(set(a) & set(b))\n', '[[[1, 2, 3], [2, 3, 4]], [[5], [5]]]', 'Mbpp/2', 'similar_elements');
    expect((await pool.score(sets('def similar_elements(a, b):\n    return filter(lambda v: v in b, a)\n'))).passed).toBe(2);
    const match = await problem('evalplus', 'import re\ndef text_match_three(t):\n    return re.search("ab{3}?", t)\n', '[["abbb"], ["ac"]]', 'Mbpp/787', 'text_match_three');
    expect((await pool.score(match('import re\ndef text_match_three(t):\n    return re.search("ab{3}?", t)\n'))).passed).toBe(2);
  });

  it('splits what goes to the judge into calls of bounded size, in order', () => {
    const pending: [number, { text: string }][] = Array.from({ length: 7 }, (_, i) => [i, { text: 'x'.repeat(400) }]);
    const batches = judgeBatches(pending, 1000);
    expect(batches.map((b) => b.count)).toEqual([2, 2, 2, 1]);
    expect(batches.flatMap((b) => JSON.parse(b.json).map((e: [number]) => e[0]))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(batches.every((b) => b.json.length <= 1000)).toBe(true);
  });

  it("paper: unpaired surrogates are an error (the paper's stdout could not encode them), not the character they pair into", async () => {
    const ask = await problem('paper', 'def f(x):\n    return "\\U0001F600"\n');
    const r = await pool.score(ask('def f(x):\n    return "\\ud83d\\ude00"\n'));
    expect(r.tests.map((t) => t.status)).toEqual(['error', 'error', 'error']);
    expect((await pool.score(ask('def f(x):\n    return "\\U0001F600"\n'))).passed).toBe(3);
  });
});
