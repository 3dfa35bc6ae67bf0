// The paper's printed-text rule, as the harness applies it with its shortcuts (expected texts parsed once,
// identical text passing unparsed, text never parsed against text), against the rule written out plainly.
import type { PyProxy } from 'pyodide/ffi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineRuntime } from '../../src/engine/runtime';
import { asserts, createLocalRuntime, expectedFrom, harnessNamespace, ioSource, ioTests, scoreLocal, statuses } from './helpers';

let disagreements: () => string[];
let rt: EngineRuntime;

beforeAll(async () => {
  rt = await createLocalRuntime();
  const { py, ns } = await harnessNamespace('harness_compare');
  const check = py.runPython(
    `
def plain(got, expected, atol):
    # The rule as the paper's notes state it: each side an int when all digits, else a float, else text.
    def value(t):
        t = t.strip()
        if t.isdigit():
            try:
                return int(t)
            except ValueError:
                pass
        try:
            return float(t)
        except ValueError:
            return t
    a, b = value(got), value(expected)
    try:
        return bool(a == b) if atol == 0 else abs(float(a) - float(b)) <= atol
    except Exception:
        return False

def disagreements():
    texts = ['5', '5\\n', '5.0\\n', '007', '7', ' 7 ', 'nan', 'NaN\\n', '-nan', 'inf', '-inf\\n', 'Infinity', 'True\\n',
             'true', 'abc', ' abc ', 'abc\\n', '1e3', '1000', '1_000', '\\u00b2', '', '  \\n', '0.1', '0.10000001',
             '12345678901234567890', '12345678901234567890.0', '[1, 2]\\n', '[1, 2]', 'None\\n', '0 1 2\\n', '9' * 5000,
             '9' * 4999 + '8', ' '.join(map(str, range(2000))) + '\\n', ' '.join(map(str, range(2000)))]
    bad = []
    for atol in (0, 1e-6, 0.5):
        for exp in texts:
            value, fast = paper_expectation(exp, atol)
            for got in texts:
                if paper_match(got, exp, value, fast, atol) != plain(got, exp, atol):
                    bad.append(repr((got[:20], exp[:20], atol)))
    return bad
disagreements
`,
    { globals: ns as never },
  ) as PyProxy & (() => PyProxy);
  disagreements = () => {
    const out = check();
    const list = out.toJs() as string[];
    out.destroy();
    return list;
  };
});

describe("the paper's printed-text comparison", () => {
  it('agrees with the plain rule on every pair of a grid of texts, with and without atol', () => {
    expect(disagreements()).toEqual([]);
  });

  it('scores long outputs the same way: exact, padded, wrong, and a long digit string against text', () => {
    const n = 3000; // the expected text is longer than the harness parses ahead of time
    const canonical = 'def f(n):\n    return " ".join(map(str, range(n)))\n';
    const source = ioSource(`[[${n}], [5]]`);
    const reply = rt.expect({ canonical, taskId: 'HumanEval/15', entryPoint: 'f', inputs: { key: 'long-text', source, sets: ['base'] }, compare: 'paper', limitMs: 5000, budgetMs: 60_000 }, null);
    if (!reply.ok) throw new Error(reply.message);
    const expected = expectedFrom(reply.value, 'paper');
    expect(expected.outputs[0]!.length).toBeGreaterThan(4096);
    const run = (code: string) => statuses(scoreLocal(rt, { ...asserts(code, []), tests: ioTests('HumanEval/15', 'f', source, expected, 0, ['base']) }));
    expect(run(canonical)).toEqual(['pass', 'pass']);
    expect(run('def f(n):\n    return "  " + " ".join(map(str, range(n))) + "\\n\\n"\n')).toEqual(['pass', 'pass']);
    expect(run('def f(n):\n    return "".join(map(str, range(n)))\n')).toEqual(['fail', 'fail']);
    expect(run('def f(n):\n    return " ".join(map(str, range(1, n)))\n')).toEqual(['fail', 'fail']);
  });

  it("compares under the harness's digit limit: a candidate lowering it cannot make a wrong long number pass", () => {
    // Under a 640-digit limit both texts would parse as float('inf') and compare equal.
    const canonical = 'def f(x):\n    return 10 ** 700 + x\n';
    const source = ioSource('[[1], [2]]');
    const reply = rt.expect({ canonical, taskId: 'HumanEval/0', entryPoint: 'f', inputs: { key: 'digits', source, sets: ['base'] }, compare: 'paper', limitMs: 5000, budgetMs: 60_000 }, null);
    if (!reply.ok) throw new Error(reply.message);
    const expected = expectedFrom(reply.value, 'paper');
    const code = 'import sys\ndef f(x):\n    sys.set_int_max_str_digits(640)\n    return "9" * 701\n';
    expect(statuses(scoreLocal(rt, { ...asserts(code, []), tests: ioTests('HumanEval/0', 'f', source, expected, 0, ['base']) }))).toEqual(['fail', 'fail']);
  });

  it("a test that replaces its stdout's methods or class changes nothing for the next test", () => {
    const source = ioSource('[[1], [2], [3]]');
    const reply = rt.expect({ canonical: 'def f(x):\n    return x\n', taskId: 'HumanEval/0', entryPoint: 'f', inputs: { key: 'streams', source, sets: ['base'] }, compare: 'paper', limitMs: 5000, budgetMs: 60_000 }, null);
    if (!reply.ok) throw new Error(reply.message);
    const expected = expectedFrom(reply.value, 'paper');
    const code = [
      'import sys',
      'def f(x):',
      '    if x == 1:',
      '        del sys.stdout.kept',
      '        sys.stdout.equals = lambda text: True',
      '        class W(type(sys.stdout)):',
      '            def equals(self, text):',
      '                return True',
      '        sys.stdout.__class__ = W',
      '    return 0',
    ].join('\n');
    const r = scoreLocal(rt, { ...asserts(code, []), tests: ioTests('HumanEval/0', 'f', source, expected, 0, ['base']) });
    expect(statuses(r).slice(1)).toEqual(['fail', 'fail']);
  });
});
