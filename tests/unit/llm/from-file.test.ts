// Importing generated tests from JSONL: every accepted line shape, merging, the prompt join and line-numbered errors.
import { describe, expect, it } from 'vitest';
import { codetEntryPoint, codetTestCases } from '../../../src/llm/from-file-codet';
import { TestFileParseError, parseGeneratedTests, promptIndex } from '../../../src/llm/from-file';

const jsonl = (...rows: unknown[]): string => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

function parseError(text: string, options = {}): TestFileParseError {
  try {
    parseGeneratedTests(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(TestFileParseError);
    return e as TestFileParseError;
  }
  throw new Error('expected a parse error');
}

describe('parseGeneratedTests', () => {
  it('reads {task_id, tests}, {task_id, response} and Reflexion {task_id, solution: [...]}, merging lines per task', () => {
    const text = jsonl(
      { task_id: 'T/0', tests: ['assert f(1) == 2', '  ', 'assert f(0) == 1'] },
      '',
      { task_id: 'T/1', response: '<think>maybe <assertion>assert g() == 0</assertion></think>\n<assertion>\nassert g() == 1\n</assertion>' },
      { task_id: 'T/0', response: ['```python\nassert f(5) == 6\n```', 'no tests here'] },
      { task_id: 7, solution: ['assert h(1)', 'assert h(2)'], is_solved: true },
    );
    const file = parseGeneratedTests(text);
    expect(file.lineCount).toBe(4);
    expect(file.formats).toEqual(['tests', 'response', 'solution']);
    expect(file.problems.map((p) => p.taskId)).toEqual(['T/0', 'T/1', '7']);
    const [t0, t1, t7] = file.problems;
    expect(t0!.tests).toEqual(['assert f(1) == 2', 'assert f(0) == 1', 'assert f(5) == 6']);
    expect(t0!.lines).toEqual([1, 4]);
    expect(t0!.responseSources).toEqual(['fenced', 'none']);
    expect(t0!.responses).toHaveLength(2);
    expect(t1!.tests).toEqual(['assert g() == 1']);
    expect(t7!.tests).toEqual(['assert h(1)', 'assert h(2)']);
  });

  it('joins CodeT lines on the prompt and splits each sample on "assert"', () => {
    const prompt = 'def inc(x):\n    """add one"""\n    pass\n\n# check the correctness of inc\nassert ';
    const other = 'def dec(x):\n    pass\n\n# check the correctness of dec\nassert ';
    const index = promptIndex([{ task_id: 'H/1', prompt }, { task_id: 'H/2', prompt: other }]);
    const text = jsonl({ prompt, samples: ['inc(1) == 2\nassert inc(-1) == 0\nassert True\n\ndef helper():\n    pass', '\n', 'inc(0) == 1\n# done'] });
    const file = parseGeneratedTests(text, { promptToTaskId: index });
    expect(file.problems).toEqual([
      { taskId: 'H/1', tests: ['assert inc(1) == 2', 'assert inc(-1) == 0', 'assert inc(0) == 1'], responses: [], responseSources: [], lines: [1] },
    ]);
    expect(file.formats).toEqual(['samples']);
    const limited = parseGeneratedTests(text, { promptToTaskId: index, testsPerSample: 1 });
    expect(limited.problems[0]!.tests).toEqual(['assert inc(1) == 2', 'assert inc(0) == 1']);
  });

  it('names the line of every kind of bad input', () => {
    expect(parseError(jsonl({ task_id: 'a', tests: [] }, '{"task_id": "b", "tests": [}')).line).toBe(2);
    expect(parseError(jsonl('[1, 2]')).message).toMatch(/line 1: expected a JSON object/);
    expect(parseError(jsonl({ task_id: 'a', tests: 'assert x' })).message).toMatch(/"tests" must be an array of strings/);
    expect(parseError(jsonl({ task_id: 'a', response: 3 })).message).toMatch(/"response" must be/);
    expect(parseError(jsonl({ task_id: 'a', solution: 'def f(): pass' })).message).toMatch(/expected "tests", "response", "samples"/);
    expect(parseError(jsonl({ task_id: '', tests: [] })).message).toMatch(/task_id/);
    expect(parseError(jsonl({ tests: [] })).message).toMatch(/no "task_id" and no "prompt"/);
    expect(parseError(jsonl({ prompt: 'p', samples: [] })).message).toMatch(/needs the prompts/);
    const unknown = parseError(jsonl({ task_id: 'a', tests: [] }, { prompt: 'unknown prompt', samples: [] }), { promptToTaskId: new Map([['p', 'X']]) });
    expect(unknown.line).toBe(2);
    expect(unknown.message).toMatch(/matches none of the 1 known prompts/);
  });
});

describe('CodeT splitting', () => {
  it('finds the entry point in the prompt and follows CodeT: mention of the function, stop tokens, limit, no empty assert', () => {
    expect(codetEntryPoint('...\n# check the correctness of has_close_elements\nassert ')).toBe('has_close_elements');
    expect(codetEntryPoint('def f(): pass')).toBeUndefined();
    const sample = "f(1) == 1\nassert g(2) == 2\nassert f(3) == 3\nif __name__ == '__main__':\n    main()\nassert f(4) == 4\nassert \nif f(5): pass";
    expect(codetTestCases(sample, 'f')).toEqual(['assert f(1) == 1', 'assert f(3) == 3', 'assert f(4) == 4']);
    expect(codetTestCases(sample, undefined, 2)).toEqual(['assert f(1) == 1', 'assert g(2) == 2']);
  });
});
