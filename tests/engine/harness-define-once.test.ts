// io tests define a definition-only candidate once for all its tests (harness_define.py). Each program here
// would score differently if a test saw what the previous test changed, so every test passing means the
// engine still gives each test a fresh definition, as the paper's exec per test did.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineRuntime } from '../../src/engine/runtime';
import { asserts, createLocalRuntime, expectedFrom, harnessNamespace, ioSource, ioTests, scoreLocal, statuses } from './helpers';

let rt: EngineRuntime;
let definitionOnly: (code: string) => boolean;
let keptOnce: (code: string) => boolean;
beforeAll(async () => {
  rt = await createLocalRuntime();
  // The classifier itself, from harness modules of its own (the runtime's are out of reach).
  const { py, ns } = await harnessNamespace();
  [definitionOnly, keptOnce] = (
    py.runPython(
      `
from harness_state import CappedWriter

def definition_only(source):
    try:
        code = compile(source, '<candidate>', 'exec')
    except SyntaxError:
        return False
    return define_once(code, source) is not None

def kept_once(source):
    # Whether the namespace is kept after defining it once (it is not for slow definitions).
    d = define_once(compile(source, '<candidate>', 'exec'), source)
    w = CappedWriter(1000)
    d.globals_for_test(w, w)
    return d.g is not None
[definition_only, kept_once]
`,
      { globals: ns as never },
    ) as { toJs(): [(code: string) => boolean, (code: string) => boolean] }
  ).toJs();
});

const CANONICAL = 'def f(x):\n    return 1\n';
const SOURCE = ioSource('[[1], [2], [3], [4]]');

function expected(compare: 'paper' | 'evalplus') {
  const reply = rt.expect(
    { canonical: CANONICAL, taskId: 'HumanEval/0', entryPoint: 'f', inputs: { key: `define-${compare}`, source: SOURCE, sets: ['base'] }, compare, limitMs: 5000, budgetMs: 60_000 },
    null,
  );
  if (!reply.ok) throw new Error(reply.message);
  return expectedFrom(reply.value, compare);
}

// Each returns 1 on a fresh definition and something else once a previous test's change is visible.
const STATEFUL: Record<string, string> = {
  'a global rebound by `global`': 'calls = 0\n\ndef f(x):\n    global calls\n    calls += 1\n    return calls\n',
  'a function attribute': 'def f(x):\n    f.n = getattr(f, "n", 0) + 1\n    return f.n\n',
  'the entry point rebound': 'def f(x):\n    global f\n    f = lambda x: 2\n    return 1\n',
  'defaults replaced': 'def f(x, k=1):\n    f.__defaults__ = (5,)\n    return k\n',
  'keyword defaults changed in place': 'def f(x, *, k=1):\n    f.__kwdefaults__["k"] = 7\n    return k\n',
  'a helper rebound': 'def g():\n    return 1\n\ndef f(x):\n    global g\n    r = g()\n    g = lambda: 3\n    return r\n',
  'a mutable default (not defined once)': 'def f(x, seen=[]):\n    seen.append(x)\n    return len(seen)\n',
  'a module-level list (not defined once)': 'seen = []\n\ndef f(x):\n    seen.append(x)\n    return len(seen)\n',
  'keyword defaults changed in place to an equal value': 'def f(x, *, k=1):\n    f.__kwdefaults__["k"] = True\n    return k\n',
  'a bound __name__ that would run the main block (not defined once)':
    '__name__ = "__main__"\n\ndef f(x):\n    memo.append(x)\n    return len(memo)\n\nif __name__ == "__main__":\n    memo = []\n',
  'a decorator cache (not defined once)': 'import functools\n\n@functools.lru_cache\ndef g():\n    return []\n\ndef f(x):\n    g().append(x)\n    return len(g())\n',
};

describe('a candidate defined once for its io tests', () => {
  it('is defined once only when its top level just defines, imports and binds constants', () => {
    const once = Object.entries(STATEFUL).filter(([what]) => !what.includes('not defined once'));
    const perTest = Object.entries(STATEFUL).filter(([what]) => what.includes('not defined once'));
    expect(once.map(([, code]) => definitionOnly(code))).toEqual(once.map(() => true));
    expect(perTest.map(([, code]) => definitionOnly(code))).toEqual(perTest.map(() => false));
    expect(definitionOnly('"""doc"""\nfrom typing import List\nMOD = 10**9 + 7\nPAIR = (1, -2.5, "a")\n\nasync def g():\n    pass\n')).toBe(true);
    for (const other of ['print(1)', 'x = [1]', 'x = f()', 'class A:\n    pass', 'for i in range(3):\n    pass', 'def f(x=len):\n    pass', 'if x:\n    pass', 'def f(:']) {
      expect(definitionOnly(other), other).toBe(false);
    }
  });

  for (const compare of ['paper', 'evalplus'] as const) {
    for (const [what, code] of Object.entries(STATEFUL)) {
      it(`${compare}: every test sees a fresh definition despite ${what}`, () => {
        const r = scoreLocal(rt, { ...asserts(code, [], { compare }), tests: ioTests('HumanEval/0', 'f', SOURCE, expected(compare), 0, ['base']) });
        expect(statuses(r)).toEqual(['pass', 'pass', 'pass', 'pass']);
      });
    }
  }

  it('defines a slow top level per test, as the paper paid it every test', () => {
    expect(keptOnce(CANONICAL)).toBe(true);
    expect(keptOnce(`BIG = 7 ** 400000\n${CANONICAL}`)).toBe(false);
  });

  it('re-runs imports when a test changed what they bind (a module attribute), as exec per test does', () => {
    const code = 'import math\nfrom math import pi\n\ndef f(x):\n    r = 1 if pi > 3.1 else 2\n    math.pi = 3.0\n    return r\n';
    expect(definitionOnly(code)).toBe(true);
    const r = scoreLocal(rt, { ...asserts(code, []), tests: ioTests('HumanEval/0', 'f', SOURCE, expected('paper'), 0, ['base']) });
    expect(statuses(r)).toEqual(['pass', 'fail', 'fail', 'fail']);
    const after = scoreLocal(rt, { ...asserts('import math\ndef f(x):\n    return int(math.pi)\n', []), tests: ioTests('HumanEval/0', 'f', SOURCE, expected('paper'), 0, ['base']) });
    expect(statuses(after)).toEqual(['fail', 'fail', 'fail', 'fail']); // 3, not 1: math.pi was restored
  });

  it('skips a `__main__` block, as exec in the paper\'s globals does', () => {
    const code = `${CANONICAL}\nif __name__ == "__main__":\n    print("main ran")\n`;
    const r = scoreLocal(rt, { ...asserts(code, []), tests: ioTests('HumanEval/0', 'f', SOURCE, expected('paper'), 0, ['base']) });
    expect(statuses(r)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('re-raises a definition error on every test, as the paper does', () => {
    const code = `import not_a_module_anywhere\n${CANONICAL}`;
    const r = scoreLocal(rt, { ...asserts(code, []), tests: ioTests('HumanEval/0', 'f', SOURCE, expected('evalplus'), 0, ['base']), compare: 'evalplus' });
    expect(statuses(r)).toEqual(['error', 'error', 'error', 'error']);
    expect(r.tests[3][1]).toMatch(/ModuleNotFoundError/);
  });
});
