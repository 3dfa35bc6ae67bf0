// The harness on a real Pyodide in this thread: each test kind, both io comparison modes, isolation between
// tests, restoration between candidates, limits on output and time, and the Python-level guard.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineRuntime } from '../../src/engine/runtime';
import { asserts, createLocalRuntime, expectedFrom, ioSource, ioTests, scoreLocal, statuses } from './helpers';

let rt: EngineRuntime;
beforeAll(async () => {
  rt = await createLocalRuntime();
});

const ADD = 'def add(a, b):\n    return a + b\n';

function expectIo(canonical: string, taskId: string, entryPoint: string, source: string, compare: 'paper' | 'evalplus') {
  const reply = rt.expect(
    { canonical, taskId, entryPoint, inputs: { key: `k-${source}`, source, sets: ['base', 'plus'] }, compare, limitMs: 5000, budgetMs: 60_000 },
    null,
  );
  if (!reply.ok) throw new Error(reply.message);
  return expectedFrom(reply.value, compare);
}

describe('assertion tests', () => {
  it('reports pass, fail and error per assertion, with setup code', () => {
    const r = scoreLocal(rt, asserts(ADD, ['assert add(1, 2) == K', 'assert add(1, 2) == 4', 'add(None, 1)', 'assert add(1, 1) == 2'], {}, 'K = 3'));
    expect(statuses(r)).toEqual(['pass', 'fail', 'error', 'pass']);
    expect(r.tests[2][1]).toMatch(/^TypeError/);
  });

  it('counts tests that do not compile; they fail for every candidate', () => {
    const tests = ['assert add(1, 2) == 3', 'assert add(1, 2 == 3', 'assert add(2, 2) == 4'];
    const good = scoreLocal(rt, asserts(ADD, tests));
    const other = scoreLocal(rt, asserts('def add(a, b):\n    return 0\n', tests));
    expect(good.uncompilable).toEqual([1]);
    expect(statuses(good)).toEqual(['pass', 'error', 'pass']);
    expect(statuses(other)[1]).toBe('error');
    expect(good.tests[1][1]).toMatch(/does not compile/);
  });

  it('a candidate that does not compile errors on every test', () => {
    const r = scoreLocal(rt, asserts('def add(a, b)\n    return a + b\n', ['assert add(1, 2) == 3', 'assert True']));
    expect(statuses(r)).toEqual(['error', 'error']);
    expect(r.compileError).toMatch(/SyntaxError/);
  });

  it('paper mode fails a passing assertion that wrote to stderr; evalplus mode does not', () => {
    const noisy = 'import sys\ndef add(a, b):\n    print("debug", file=sys.stderr)\n    return a + b\n';
    expect(statuses(scoreLocal(rt, asserts(noisy, ['assert add(1, 2) == 3'])))).toEqual(['fail']);
    expect(statuses(scoreLocal(rt, asserts(noisy, ['assert add(1, 2) == 3'], { compare: 'evalplus' })))).toEqual(['pass']);
  });

  it("runs candidates like the authors' exec: no __name__, so a main block is skipped", () => {
    const code = `${ADD}if __name__ == "__main__":\n    raise SystemExit("main ran")\n`;
    expect(statuses(scoreLocal(rt, asserts(code, ['assert add(2, 3) == 5'])))).toEqual(['pass']);
  });
});

describe('HumanEval check(candidate)', () => {
  const test = 'METADATA = {}\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(-1, 1) == 0\n';
  it('passes a correct candidate and fails a wrong one', () => {
    const ok = scoreLocal(rt, { ...asserts(ADD, []), tests: { kind: 'check', test, entryPoint: 'add' } });
    const bad = scoreLocal(rt, { ...asserts('def add(a, b):\n    return abs(a) + b\n', []), tests: { kind: 'check', test, entryPoint: 'add' } });
    expect(statuses(ok)).toEqual(['pass']);
    expect(statuses(bad)).toEqual(['fail']);
  });
});

describe('io tests, paper mode', () => {
  const source = ioSource('[[1, 2], [3, 4], [123456789012345678901234567890, 1]]', '[[-5, 2]]');

  it('compares printed text against the canonical output, big ints exact', () => {
    const expected = expectIo(ADD, 'HumanEval/0', 'add', source, 'paper');
    expect(expected.outputs).toEqual(['3\n', '7\n', '123456789012345678901234567891\n', '-3\n']);
    const wrong = 'def add(a, b):\n    return a + b + (a > 10**20)\n';
    const r = scoreLocal(rt, { ...asserts(wrong, []), tests: ioTests('HumanEval/0', 'add', source, expected) });
    expect(statuses(r)).toEqual(['pass', 'pass', 'fail', 'pass']);
    expect(r.tests[2][1]).toMatch(/printed '123456789012345678901234567892'/);
  });

  it('parses numbers: "5" and 5.0 print differently but compare equal; extra prints fail', () => {
    const src = ioSource('[[5]]');
    const expected = expectIo('def f(x):\n    return x\n', 'HumanEval/1', 'f', src, 'paper');
    const asFloat = scoreLocal(rt, { ...asserts('def f(x):\n    return float(x)\n', []), tests: ioTests('HumanEval/1', 'f', src, expected) });
    const chatty = scoreLocal(rt, { ...asserts('def f(x):\n    print("hi")\n    return x\n', []), tests: ioTests('HumanEval/1', 'f', src, expected) });
    expect(statuses(asFloat)).toEqual(['pass']);
    expect(statuses(chatty)).toEqual(['fail']);
  });

  it('applies atol to parsed floats and fails text when atol is set', () => {
    const src = ioSource('[[1.0]]');
    const expected = expectIo('def f(x):\n    return x / 3\n', 'HumanEval/2', 'f', src, 'paper');
    const close = 'def f(x):\n    return round(x / 3, 7)\n';
    const tests = (atol: number) => ioTests('HumanEval/2', 'f', src, expected, atol);
    expect(statuses(scoreLocal(rt, { ...asserts(close, []), tests: tests(1e-6) }))).toEqual(['pass']);
    expect(statuses(scoreLocal(rt, { ...asserts(close, []), tests: tests(0) }))).toEqual(['fail']);
  });

  it('a candidate that raises fails with error; when the canonical also printed nothing, it passes as in the paper', () => {
    const src = ioSource('[[0]]');
    const expected = expectIo('def f(x):\n    return 1 // x\n', 'HumanEval/3', 'f', src, 'paper');
    expect(expected.outputs).toEqual(['']);
    expect(expected.errors[0]).toMatch(/ZeroDivisionError/);
    const raises = scoreLocal(rt, { ...asserts('def f(x):\n    raise ValueError(x)\n', []), tests: ioTests('HumanEval/3', 'f', src, expected) });
    expect(statuses(raises)).toEqual(['pass']);
    const src2 = ioSource('[[1]]');
    const expected2 = expectIo('def f(x):\n    return 1 // x\n', 'HumanEval/3', 'f', src2, 'paper');
    const raises2 = scoreLocal(rt, { ...asserts('def f(x):\n    raise ValueError(x)\n', []), tests: ioTests('HumanEval/3', 'f', src2, expected2) });
    expect(statuses(raises2)).toEqual(['error']);
  });

  it('reads inputs from all_solutions[0].solution when absent at the top level', () => {
    const src = '{"task_id": "T", "all_solutions": [{"rank": 1, "solution": {"base_input": [[2, 2]], "plus_input": []}}]}';
    const expected = expectIo(ADD, 'HumanEval/0', 'add', src, 'paper');
    expect(expected.outputs).toEqual(['4\n']);
  });
});

describe('io tests, evalplus mode', () => {
  it('compares returned values: "5" vs 5 differs here but not in paper mode', () => {
    const src = ioSource('[[5]]');
    const canonical = 'def f(x):\n    return x\n';
    const asText = 'def f(x):\n    return str(x)\n';
    const evalplus = expectIo(canonical, 'HumanEval/4', 'f', src, 'evalplus');
    const paper = expectIo(canonical, 'HumanEval/4', 'f', src, 'paper');
    const tests = (e: typeof paper) => ioTests('HumanEval/4', 'f', src, e);
    expect(statuses(scoreLocal(rt, { ...asserts(asText, [], { compare: 'evalplus' }), tests: tests(evalplus) }))).toEqual(['fail']);
    expect(statuses(scoreLocal(rt, { ...asserts(asText, []), tests: tests(paper) }))).toEqual(['pass']);
  });

  it('uses atol for floats (1e-6 when the task has none), exact otherwise; inputs are deep-copied', () => {
    const src = ioSource('[[[1.0, 2.0]], [[3.0]]]');
    const canonical = 'def f(xs):\n    return [x / 3 for x in xs]\n';
    const expected = expectIo(canonical, 'HumanEval/5', 'f', src, 'evalplus');
    const near = 'def f(xs):\n    out = [x / 3 + 1e-8 for x in xs]\n    xs.clear()\n    return out\n';
    const far = 'def f(xs):\n    return [x / 3 + 1e-3 for x in xs]\n';
    const run = (code: string) => statuses(scoreLocal(rt, { ...asserts(code, [], { compare: 'evalplus' }), tests: ioTests('HumanEval/5', 'f', src, expected) }));
    expect(run(near)).toEqual(['pass', 'pass']);
    expect(run(far)).toEqual(['fail', 'fail']);
  });

  it('decodes MBPP+ inputs (tuples) as EvalPlus does', () => {
    const src = ioSource('[[[3, 4, 5, 6], [5, 7, 4, 10]]]');
    const canonical = 'def similar_elements(a, b):\n    assert isinstance(a, tuple)\n    return tuple(set(a) & set(b))\n';
    const expected = expectIo(canonical, 'Mbpp/2', 'similar_elements', src, 'evalplus');
    expect(expected.errors).toEqual([null]);
    const reordered = 'def similar_elements(a, b):\n    return tuple(sorted(set(a) & set(b), reverse=True))\n';
    const r = scoreLocal(rt, { ...asserts(reordered, [], { compare: 'evalplus' }), tests: ioTests('Mbpp/2', 'similar_elements', src, expected) });
    expect(statuses(r)).toEqual(['pass']); // a set-equality task in EvalPlus
  });
});

describe('isolation between tests', () => {
  it('globals, module state and builtins changed by one test do not reach the next', () => {
    const code = 'seen = []\ndef f(x):\n    seen.append(x)\n    return len(seen)\n';
    const tests = [
      'assert f(1) == 1',
      'assert f(2) == 1',
      'import builtins\nbuiltins.len = lambda x: 99\nassert len([]) == 99',
      'assert len([1]) == 1',
      'import sys\nsys.setrecursionlimit(60)\nraise RuntimeError("boom")',
      'import sys\nassert sys.getrecursionlimit() == 1000',
    ];
    expect(statuses(scoreLocal(rt, asserts(code, tests)))).toEqual(['pass', 'pass', 'pass', 'pass', 'error', 'pass']);
  });

  it('captures stdout per test and caps floods', () => {
    const r = scoreLocal(rt, asserts('def f():\n    print("x" * 10**7)\n    return 1\n', ['assert f() == 1', 'assert f() == 2']));
    expect(statuses(r)).toEqual(['pass', 'fail']);
  });
});

describe('restoration between candidates', () => {
  it('undoes builtins, sys.modules, module attributes, recursion limit, cwd, files, environ', () => {
    const tamper = [
      'import builtins\nbuiltins.abs = lambda x: -1',
      'import math\nmath.sqrt = lambda x: -1',
      'import sys\nsys.modules["json"] = None',
      'import colorsys',
      'import sys\nsys.setrecursionlimit(80)',
      'import os\nos.environ["VL_TAMPERED"] = "1"',
      'open("left-behind.txt", "w").write("x")',
      'open("/home/pyodide/heapq2.py", "w").write("X = 1")\nimport os\nos.makedirs("/tmp/junk", exist_ok=True)',
      'import os\nos.chdir("/")',
      'import sys\nsys.path.insert(0, "/nowhere")',
    ];
    const hostile = `import builtins, sys\n${ADD}`;
    scoreLocal(rt, asserts(hostile, [...tamper, 'assert abs(-1) == -1']));
    const checks = [
      'assert abs(-2) == 2',
      'import math\nassert math.sqrt(4) == 2',
      'import json\nassert json.dumps(1) == "1"',
      'import sys\nassert "colorsys" not in sys.modules',
      'import sys\nassert sys.getrecursionlimit() == 1000',
      'import os\nassert "VL_TAMPERED" not in os.environ',
      'import os\nassert os.listdir(".") == []',
      'import os\nassert not os.path.exists("/home/pyodide/heapq2.py") and not os.path.exists("/tmp/junk")',
      'import os\nassert os.getcwd() == "/tmp"',
      'import sys\nassert "/nowhere" not in sys.path',
    ];
    expect(statuses(scoreLocal(rt, asserts(ADD, checks)))).toEqual(checks.map(() => 'pass'));
  });
});

describe('limits and exits', () => {
  it('marks a test that ran past its limit as timeout (measured, without an interrupt here)', () => {
    const r = scoreLocal(rt, asserts('import time\ndef f():\n    time.sleep(0.3)\n    return 1\n', ['assert f() == 1', 'assert 1 == 1'], { limitMs: 100 }));
    expect(statuses(r)).toEqual(['timeout', 'pass']);
  });

  it('gives up the remaining tests when the candidate budget runs out', () => {
    const slow = 'import time\ndef f():\n    time.sleep(0.08)\n    return 1\n';
    const r = scoreLocal(rt, asserts(slow, Array(8).fill('assert f() == 1'), { limitMs: 1000, budgetMs: 250 }));
    expect(r.budgetExhausted).toBe(true);
    expect(statuses(r).slice(0, 2)).toEqual(['pass', 'pass']);
    expect(statuses(r).at(-1)).toBe('timeout');
  });

  it('sys.exit, os._exit and input() are errors and the interpreter lives on', () => {
    const tests = ['import sys\nsys.exit(3)', 'import os\nos._exit(1)', 'input()', 'exit()', 'assert add(1, 1) == 2'];
    const r = scoreLocal(rt, asserts(ADD, tests));
    expect(statuses(r)).toEqual(['error', 'error', 'error', 'error', 'pass']);
    expect(r.tests[2][1]).toMatch(/EOFError/);
    expect(statuses(scoreLocal(rt, asserts(ADD, ['assert add(2, 2) == 4'])))).toEqual(['pass']);
  });
});

describe('Python-level guard', () => {
  it('refuses JS bridges, ctypes, heap walks and new audit hooks', () => {
    const tests = [
      'import js',
      'import pyodide_js',
      'import pyodide.http',
      'from pyodide.code import run_js',
      'import ctypes',
      'import gc\ngc.get_objects()',
      'assert add(1, 2) == 3',
      // CPython drops a hook silently when an existing hook refuses it: nothing must be recorded.
      'import sys\ncalls = []\nsys.addaudithook(lambda e, a: calls.append(e))\nexec("1")\nassert calls == []',
    ];
    const r = scoreLocal(rt, asserts(ADD, tests));
    expect(statuses(r)).toEqual([...Array(6).fill('error'), 'pass', 'pass']);
    expect(r.tests[0][1]).toMatch(/not available in the sandbox/);
  });
});
