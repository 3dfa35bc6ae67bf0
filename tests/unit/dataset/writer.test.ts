// formatDatasetLine / formatRankedLine: official lines written back byte for byte, new candidates in the authors' shape.
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { formatDataset, formatDatasetLine, formatRankedLine } from '../../../src/core/dataset/writer';
import { fixtureLines, fixtureText, type FixtureName } from './fixtures';

const files: [FixtureName, string][] = [
  ['he-mini.jsonl', 'HE-R+'],
  ['mbpp-mini.jsonl', 'MBPP-R'],
  ['mbpp-plus-mini.jsonl', 'MBPP-R+'],
];

describe('round trip', () => {
  it.each(files)('%s is reproduced byte for byte (Python json.dumps formatting, big ints, Infinity, unicode)', (file, name) => {
    const text = fixtureText(file);
    expect(formatDataset(parseDatasetText(text, { name }))).toBe(text);
  });
});

describe('edited problems', () => {
  const ds = parseDatasetText(fixtureText('he-mini.jsonl'), { name: 'HE-R+' });
  const problem = ds.problems[0]!;

  it('changes only the edited candidate fields', () => {
    const candidates = problem.candidates.map((c) => (c.rank === 3 ? { ...c, code: 'def add_two(x):\n    return 2\n', score: 0.5 } : c));
    const line = formatDatasetLine({ ...problem, candidates });
    const back = parseDatasetText(line, { name: 'HE-R+' }).problems[0]!;
    expect(back.candidates).toEqual(candidates);
    expect(line).toContain('"rank": 3, "average_test_score": 0.5, ');
    expect(line).toContain('[1180591620717411303425]'); // untouched inputs keep their digits
    expect(line.length).toBe(problem.source.length - 'abs(x) + 2'.length + '2'.length - '0.33'.length + '0.5'.length);
  });

  it('drops candidates that are no longer listed', () => {
    const line = formatDatasetLine({ ...problem, candidates: problem.candidates.slice(0, 2) });
    expect(parseDatasetText(line, { name: 'HE-R+' }).problems[0]!.candidates).toEqual(problem.candidates.slice(0, 2));
  });
});

describe('formatRankedLine from a plain benchmark record', () => {
  it('builds solution records from the record minus its test inputs (HumanEval keys)', () => {
    // An EvalPlus-style record with no all_solutions yet; the integer beyond 2^53 must survive.
    const base = '{"task_id": "Toy/9", "prompt": "def f(x):\\n", "entry_point": "f", "canonical_solution": "    return x\\n", "base_input": [[1], [123456789012345678901234567890]], "plus_input": [], "atol": 0}';
    const line = formatRankedLine(base, [
      { rank: 2, score: 0.5, timeTaken: 1e-5, code: 'def f(x):\n    return 0\n' },
      { rank: 1, score: 1, timeTaken: 0.25, code: 'def f(x):\n    return x\n' },
    ]);
    expect(line).toBe(
      '{"task_id": "Toy/9", "prompt": "def f(x):\\n", "entry_point": "f", "canonical_solution": "    return x\\n", ' +
        '"base_input": [[1], [123456789012345678901234567890]], "plus_input": [], "atol": 0, "all_solutions": [' +
        '{"rank": 1, "average_test_score": 1.0, "average_time_taken": 0.25, "solution": {"task_id": "Toy/9", "prompt": "def f(x):\\n", "entry_point": "f", "canonical_solution": "def f(x):\\n    return x\\n", "atol": 0}}, ' +
        '{"rank": 2, "average_test_score": 0.5, "average_time_taken": 1e-05, "solution": {"task_id": "Toy/9", "prompt": "def f(x):\\n", "entry_point": "f", "canonical_solution": "def f(x):\\n    return 0\\n", "atol": 0}}]}',
    );
    const back = parseDatasetText(line, { name: 'HE-R' }).problems[0]!;
    expect(back.tests).toEqual({ kind: 'io', baseCount: 2, plusCount: 0, atol: 0 });
    expect(back.canonicalSolution).toBe('def f(x):\n    return x\n');
  });

  it('uses the code key and drops test_list / challenge_test_list for MBPP records', () => {
    const base = JSON.parse(fixtureLines('mbpp-mini.jsonl')[1]!) as Record<string, unknown>;
    delete base['all_solutions'];
    const line = formatRankedLine(JSON.stringify(base), [{ rank: 1, score: 1, timeTaken: Infinity, code: 'def rev(s):\n  return s[::-1]' }]);
    const solution = (JSON.parse(line.replace('Infinity', '1e999')) as any).all_solutions[0];
    expect(Object.keys(solution.solution)).toEqual(['text', 'code', 'task_id', 'test_setup_code']);
    expect(line).toContain('"average_time_taken": Infinity');
    expect(parseDatasetText(line, { name: 'MBPP-R' }).problems[0]!.tests).toMatchObject({ asserts: base['test_list'] });
  });

  it('refuses a record of neither family', () => {
    expect(() => formatRankedLine('{"question": 1}', [])).toThrow(TypeError);
  });
});
