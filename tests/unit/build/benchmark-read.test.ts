// Benchmark readers: format detection, canonical programs, inputs kept raw, and line-numbered errors.
import { describe, expect, it } from 'vitest';
import { parseBenchmarkText } from '../../../src/core/build/benchmark-read';
import { BuildInputError } from '../../../src/core/build/build-errors';
import { buildFixture } from './fixtures';

const HE = { task_id: 'HumanEval/0', prompt: 'def f(x):\n    """Doc."""\n', entry_point: 'f', canonical_solution: '    return x\n', test: 'def check(candidate):\n    assert candidate(1) == 1\n' };
const line = (o: object) => JSON.stringify(o);

function errorOf(fn: () => unknown): BuildInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BuildInputError) return error;
    throw error;
  }
  throw new Error('expected a BuildInputError');
}

describe('parseBenchmarkText', () => {
  it('reads MBPP with test_list and challenge tests; the canonical is the code', () => {
    const b = parseBenchmarkText(buildFixture('tiny-mbpp.jsonl'), 'tiny-mbpp.jsonl');
    expect(b.kind).toBe('mbpp');
    expect(b.problems.map((p) => p.taskId)).toEqual(['T/1', 'T/2', 'T/3']);
    expect(b.problems[0]!.canonical).toBe('def add(a, b):\n    return a + b\n');
    expect(b.problems[0]!.asserts?.list).toHaveLength(4);
    expect(b.problems[0]!.prompt).toMatch(/^Write a function add/);
  });

  it('reads HumanEval+ and joins prompt and body for the canonical program; record keeps big ints as written', () => {
    const b = parseBenchmarkText(buildFixture('tiny-heplus.jsonl'), 'tiny-heplus.jsonl');
    expect(b.kind).toBe('humaneval-plus');
    const p = b.problems[0]!;
    expect(p.canonical).toBe('def double(x):\n    """Return 2 * x."""\n    return 2 * x\n');
    expect(p.inputs).toEqual({ base: 3, plus: 4 });
    expect(p.entryPoint).toBe('double');
    expect(p.record).toContain('[100000000000000000000]');
    expect(p.line).toBe(1);
  });

  it('reads plain HumanEval (check program, no inputs)', () => {
    const b = parseBenchmarkText(`${line(HE)}\n`, 'HumanEval.jsonl');
    expect(b.kind).toBe('humaneval');
    expect(b.problems[0]!.inputs).toBeNull();
    expect(b.problems[0]!.checkProgram).toContain('def check');
  });

  it('reads MBPP+: Mbpp/ ids, numeric atol, and an empty-object plus_input as none', () => {
    const rec = { task_id: 'Mbpp/793', prompt: '"""\nDoc.\n"""', entry_point: 'last', canonical_solution: '\ndef last(a):\n  return a[-1]\n', base_input: [[[1, 2]]], plus_input: {}, atol: 0.0001 };
    const b = parseBenchmarkText(line(rec), 'MbppPlus.jsonl');
    expect(b.kind).toBe('mbpp-plus');
    expect(b.problems[0]!.inputs).toEqual({ base: 1, plus: 0 });
    expect(b.problems[0]!.atol).toBe(0.0001);
    // The docstring prompt has no trailing newline; the body starts with one.
    expect(b.problems[0]!.canonical).toBe('"""\nDoc.\n"""\ndef last(a):\n  return a[-1]\n');
  });

  it('accepts NaN/Infinity tokens in inputs (Python json output)', () => {
    const text = '{"task_id": "Mbpp/1", "prompt": "p", "entry_point": "f", "canonical_solution": "def f(x):\\n  return x\\n", "base_input": [[Infinity], [NaN]], "plus_input": [], "atol": 0}';
    const p = parseBenchmarkText(text, 'm.jsonl').problems[0]!;
    expect(p.inputs).toEqual({ base: 2, plus: 0 });
    expect(p.record).toContain('[[Infinity], [NaN]]');
  });

  it('reads a ranking set: rank 1 is the canonical, inputs are hoisted from the first solution, all_solutions dropped', () => {
    const rec = {
      ...HE,
      all_solutions: [
        { rank: 2, average_test_score: 0.5, average_time_taken: 0.1, solution: { ...HE, canonical_solution: 'def f(x):\n    return 0\n' } },
        { rank: 1, average_test_score: 1, average_time_taken: 0.1, solution: { ...HE, canonical_solution: 'def f(x):\n    return x\n', base_input: [[1]], plus_input: [[2], [3]] } },
      ],
    };
    const b = parseBenchmarkText(line(rec), 'HE-R+.jsonl');
    // all_solutions[0] is the rank-2 record, which has no inputs: nothing to hoist, a plain HumanEval line.
    expect(b.kind).toBe('humaneval');
    expect(b.rankedSplit).toBe('HE_plus');
    const p = b.problems[0]!;
    expect(p.canonical).toBe('def f(x):\n    return x\n');
    expect(p.inputs).toBeNull();
    const rec2 = { ...rec, all_solutions: [rec.all_solutions[1], rec.all_solutions[0]] };
    const b2 = parseBenchmarkText(line(rec2), 'HE-R+.jsonl');
    expect(b2.kind).toBe('humaneval-plus');
    const p2 = b2.problems[0]!;
    expect(p2.inputs).toEqual({ base: 1, plus: 2 });
    expect(p2.record).not.toContain('all_solutions');
    expect(JSON.parse(p2.record).base_input).toEqual([[1]]);
  });

  it('names the line of malformed JSON, a missing field, a mixed format and a repeated task id', () => {
    const good = line(HE);
    expect(errorOf(() => parseBenchmarkText(`${good}\n{oops\n`, 'b.jsonl'))).toMatchObject({ line: 2, file: 'b.jsonl' });
    const noPrompt = line({ task_id: 'X', entry_point: 'f', canonical_solution: 'x', test: 't' });
    const e = errorOf(() => parseBenchmarkText(`\n${noPrompt}`, 'b.jsonl'));
    expect(e.line).toBe(2);
    expect(e.field).toBe('prompt');
    expect(e.message).toBe('b.jsonl: line 2: missing field "prompt"');
    const mbpp = buildFixture('tiny-mbpp.jsonl').split('\n')[0]!;
    expect(errorOf(() => parseBenchmarkText(`${good}\n${mbpp}`, 'b.jsonl')).message).toMatch(/line 2: expected HumanEval/);
    expect(errorOf(() => parseBenchmarkText(`${good}\n${good}`, 'b.jsonl')).message).toMatch(/line 2: task_id "HumanEval\/0" already appeared on line 1/);
    expect(errorOf(() => parseBenchmarkText('[1]', 'b.jsonl')).message).toMatch(/line 1: line is not a JSON object/);
    expect(errorOf(() => parseBenchmarkText('{"a": 1}', 'b.jsonl')).message).toMatch(/unknown benchmark format/);
    expect(errorOf(() => parseBenchmarkText('\n\n', 'b.jsonl')).message).toBe('b.jsonl: no problems in the file');
  });
});
