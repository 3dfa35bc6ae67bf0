// The real harness's replies of every kind (score with each status, io tests to judge, expect, judge, prepare,
// program_keys), made in Pyodide, held to the one declaration of their shapes (harness-reply.ts): a harness
// change that adds, drops or retypes a field fails here before the pool would void every reply.
import type { PyProxy } from 'pyodide/ffi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareMode, ScoreRequest, TestSpec } from '../../src/core/run/types';
import { expectValue, HARNESS_REPLIES, keysValue, runValue, scoreValue, verdictsValue } from '../../src/engine/harness-reply';
import { candidateTests, judgeTests } from '../../src/engine/io-judging';
import { HARNESS_FILES, harnessModuleName } from '../../src/engine/sources-types';
import { harnessNamespace, ioSource } from './helpers';

type Kind = keyof typeof HARNESS_REPLIES;
let call: (kind: Kind, ...json: string[]) => unknown;

beforeAll(async () => {
  const { py, ns } = await harnessNamespace();
  // Armed as seal() arms it, so an honest reply says nothing was tampered with.
  py.runPython(`tripwire.arm([__import__('sys').modules[n] for n in ${JSON.stringify(HARNESS_FILES.map(harnessModuleName))}])`, { globals: ns as never });
  const judgeNs = py.runPython("vars(__import__('sys').modules['harness_judge'])") as PyProxy;
  call = (kind, ...json) => {
    const fn = (kind === 'judge' || kind === 'prepare_judge' ? judgeNs : ns) as unknown as Map<string, PyProxy & ((...a: string[]) => string)>;
    const f = fn.get(kind)!;
    const out = f(...json);
    f.destroy();
    return JSON.parse(out);
  };
});

/** The reply of harness.py's score() for `tests`, held to the declaration; returns it. */
function score(code: string, tests: ScoreRequest['tests'] | ReturnType<typeof candidateTests>, compare: CompareMode = 'paper', extra: object = {}) {
  const reply = call('score', JSON.stringify({ code, tests, compare, limitMs: 100, budgetMs: 60_000, skip: [], start: 0, ...extra }));
  expect(HARNESS_REPLIES.score(reply), JSON.stringify(reply).slice(0, 500)).toBe(true);
  return reply as { tests: [string, unknown, number][]; total: number; tampered: string | null };
}

const SLOW = 'def f(x):\n    import time\n    t = time.perf_counter()\n    while time.perf_counter() - t < 0.25:\n        pass\n    return x\n';

describe('harness replies against their declared shapes', () => {
  it('score(): pass, fail, timeout, error, crash (skipped), an uncompilable test, a compile error, a used-up budget', () => {
    const asserts = (a: string[]): TestSpec => ({ kind: 'assert', setup: '', asserts: a });
    const tests = asserts(['assert f(1) == 1', 'assert f(1) == 2', 'assert f(1) == 1 and f(2) == 2', 'f(None) + 1', 'assert f(3) == 3', 'assert (']);
    const r = score(SLOW.replace('< 0.25', '< (0.25 if x == 2 else 0)'), tests, 'paper', { skip: [4] });
    expect(r.tests.map((t) => t[0])).toEqual(['pass', 'fail', 'timeout', 'error', 'crash', 'error']);
    expect(r.tampered).toBeNull();
    expect(runValue(r, 6, 0)).not.toBeNull();
    expect(score('def f(:\n', tests).tests.every((t) => t[0] === 'error')).toBe(true);
    const spent = score(SLOW, tests, 'paper', { budgetMs: 1 });
    expect(spent.tests.some((t) => t[0] === 'timeout')).toBe(true);
    expect(score('def f(x):\n    return x\n', { kind: 'check', test: 'def check(c):\n    assert c(1) == 1\n', entryPoint: 'f' }).tests[0]![0]).toBe('pass');
  });

  for (const compare of ['paper', 'evalplus'] as const) {
    it(`${compare}: expect(), prepare(), score() handing over what to judge, prepare_judge() and judge()`, () => {
      const source = ioSource('[[1], [2], [3], [4]]');
      const inputs = { key: `shape-${compare}`, source, sets: ['base' as const] };
      const canonical = 'def f(x):\n    if x == 4:\n        raise ValueError(x)\n    print(x)\n    return x\n';
      const expected = call('expect', JSON.stringify({ canonical, taskId: 'HumanEval/1', entryPoint: 'f', inputs, compare, limitMs: 5000, budgetMs: 60_000 }));
      expect(HARNESS_REPLIES.expect(expected)).toBe(true);
      const value = expectValue(expected)!;
      expect(value.errors[3]).toMatch(/ValueError/);
      expect(value.outputs[3]).toBe(compare === 'paper' ? '' : null);
      const io = { kind: 'io' as const, taskId: 'HumanEval/1', entryPoint: 'f', atol: 0, inputs, expected: { key: `exp-${compare}`, compare, outputs: value.outputs, errors: value.errors, ms: value.ms } };
      const forCandidate = candidateTests(io, value.outputs, true);
      expect(HARNESS_REPLIES.prepare(call('prepare', JSON.stringify({ tests: forCandidate, compare })))).toBe(true);
      // Right, wrong, a flood of output (paper) or an unpicklable value (evalplus), and a fourth input: paper
      // kept what the canonical printed before it raised (the candidate raises there too), evalplus has no output.
      const candidate = `def f(x):\n    if x == 3:\n        ${compare === 'paper' ? "print('x' * (1 << 21))" : 'return lambda: 0'}\n    print(x if x == 1 else -x)\n    if x == 4:\n        raise KeyError(x)\n    return x if x == 1 else -x\n`;
      const r = score(candidate, forCandidate, compare);
      expect(r.tests.map((t) => t[0])).toEqual(compare === 'paper' ? ['judge', 'judge', 'judge', 'judge'] : ['judge', 'judge', 'fail', 'error']);
      if (compare === 'paper') expect(r.tests[3]![1]).toEqual({ text: '-4\n', failure: ['error', 'KeyError: 4'] });
      if (compare === 'paper') expect(r.tests[2]![1]).toEqual({ overflow: forCandidate.outputCap });
      expect(HARNESS_REPLIES.prepare_judge(call('prepare_judge', JSON.stringify({ tests: judgeTests(io), compare }), JSON.stringify(value.outputs)))).toBe(true);
      const handed = r.tests.flatMap((t, i) => (t[0] === 'judge' ? [[i, t[1]]] : []));
      const verdicts = call('judge', JSON.stringify({ tests: judgeTests(io), compare }), JSON.stringify(handed));
      expect(HARNESS_REPLIES.judge(verdicts)).toBe(true);
      expect(verdictsValue(verdicts, handed.length)!.map((v) => v[0])).toEqual(compare === 'paper' ? ['pass', 'fail', 'fail', 'error'] : ['pass', 'fail']);
    });
  }

  it('program_keys(): a digest per program, null for one that does not parse', () => {
    const reply = call('program_keys', JSON.stringify({ codes: ['x = 1\n', 'x  =  1  # one\n', 'x = (\n'] }));
    expect(HARNESS_REPLIES.program_keys(reply)).toBe(true);
    const keys = keysValue(reply, 3)!;
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).toBeNull();
    expect(keysValue(reply, 2)).toBeNull();
    expect(keysValue({ keys: ['not a digest', null, null], tampered: null }, 3)).toBeNull();
  });

  it('a reply with a field added, dropped or of another type does not fit', () => {
    const r = score('def f(x):\n    return x\n', { kind: 'assert', setup: '', asserts: ['assert f(1) == 1'] }) as unknown as Record<string, unknown>;
    const { total: _dropped, ...withoutTotal } = r;
    for (const changed of [{ ...r, extra: 1 }, withoutTotal, { ...r, budgetExhausted: 0 }, { ...r, tests: [['pass', '', -1]] }, { ...r, tests: [['passed', '', 1]] }]) {
      expect(HARNESS_REPLIES.score(changed)).toBe(false);
    }
    // The value the runtime hands the pool is the declared one, with every test decided.
    const { total, tests, uncompilable, compileError, budgetExhausted } = r as never;
    expect(scoreValue({ total, tests, uncompilable, compileError, budgetExhausted }, 1)).not.toBeNull();
    expect(scoreValue({ total, tests: [['judge', { text: '' }, 1]], uncompilable, compileError, budgetExhausted }, 1)).toBeNull();
  });
});
