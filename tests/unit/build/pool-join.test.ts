// Pool readers and the join: line shapes, task-id respellings, prompts, the prompt map, dedup and errors.
import { describe, expect, it } from 'vitest';
import { parseBenchmarkText } from '../../../src/core/build/benchmark-read';
import { BuildInputError } from '../../../src/core/build/build-errors';
import { joinPool } from '../../../src/core/build/pool-join';
import { parsePoolText } from '../../../src/core/build/pool-read';
import { parsePromptMapText } from '../../../src/core/build/prompt-map';
import { programKey } from '../../../src/core/build/program-text';
import { taskIdAlias } from '../../../src/core/build/task-id-alias';
import { buildFixture } from './fixtures';

const jsonl = (...rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('parsePoolText', () => {
  it('reads the four line shapes', () => {
    const lines = parsePoolText(
      jsonl(
        { task_id: 'A', code: 'def f(): pass' },
        { task_id: 7, solution: 'def g(): pass' },
        { prompt: 'def h():\n', completion: '    pass\n' },
        { prompt: 'def k():\n', samples: ['    return 1\n', '    return 2\n'] },
        { name: 'mbpp_7_x', prompt: 'def x():\n', solution: 'def x(): return 0' },
      ),
      'pool.jsonl',
    );
    expect(lines.map((l) => [l.taskId, l.items.map((i) => i.kind)])).toEqual([
      ['A', ['program']],
      ['7', ['program']],
      [undefined, ['body']],
      [undefined, ['body', 'body']],
      ['mbpp_7_x', ['program']],
    ]);
    expect(lines[3]!.line).toBe(4);
  });

  it('names the line and field of a bad pool line', () => {
    const bad = (text: string) => {
      try {
        parsePoolText(text, 'p.jsonl');
      } catch (e) {
        if (e instanceof BuildInputError) return e.message;
        throw e;
      }
      return 'no error';
    };
    expect(bad(`${jsonl({ task_id: 'A', code: 'x' })}\n{"task_id": "B"}`)).toBe('p.jsonl: line 2: no candidate on this line: expected {task_id, code}, {task_id, solution}, {task_id | prompt, completion} or {prompt, samples: [...]}');
    expect(bad(jsonl({ code: 'x' }))).toMatch(/line 1: a pool line needs "task_id"/);
    expect(bad(jsonl({ prompt: 'p', samples: ['a', 3] }))).toBe('p.jsonl: line 1: field "samples[1]" must be a string, got 3');
    // Reflexion's generated-tests file keeps a list of asserts in "solution": not a pool.
    expect(bad(jsonl({ task_id: 'A', solution: ['assert 1'] }))).toBe('p.jsonl: line 1: field "solution" must be a string, got an array');
    expect(bad('')).toBe('p.jsonl: no candidates in the file');
  });
});

describe('parsePromptMapText', () => {
  it('maps prompts to task ids and rejects a prompt mapped twice', () => {
    expect(parsePromptMapText(jsonl({ task_id: 'A', prompt: 'p' }, { task_id: 'A', prompt: 'p' }), 'm').get('p')).toBe('A');
    expect(() => parsePromptMapText(jsonl({ task_id: 'A', prompt: 'p' }, { task_id: 'B', prompt: 'p' }), 'm')).toThrow('m: line 2: the same prompt already maps to "A" (line 1)');
  });
});

describe('taskIdAlias', () => {
  it('recognises the spellings of EvalPlus, LDB, MultiPL-E, CodeT and MBPP', () => {
    expect(taskIdAlias('Mbpp/11', 'mbpp')).toBe('mbpp/11');
    expect(taskIdAlias('MBPP/11', 'mbpp')).toBe('mbpp/11');
    expect(taskIdAlias('mbpp_11_remove_Occ', 'mbpp')).toBe('mbpp/11');
    expect(taskIdAlias('MbppEval/11', 'mbpp')).toBe('mbpp/11');
    expect(taskIdAlias('11', 'mbpp')).toBe('mbpp/11');
    expect(taskIdAlias('HumanEval/007', 'humaneval')).toBe('humaneval/7');
    expect(taskIdAlias('mbpp11', 'mbpp')).toBeUndefined();
    expect(taskIdAlias('Demo/1', 'mbpp')).toBeUndefined();
  });
});

describe('joinPool', () => {
  it('joins the tiny MBPP pool on task ids, dedupes and drops empty programs', () => {
    const bench = parseBenchmarkText(buildFixture('tiny-mbpp.jsonl'), 'tiny-mbpp.jsonl');
    const { programs, report } = joinPool(bench, parsePoolText(buildFixture('tiny-mbpp-pool.jsonl'), 'pool'));
    expect(programs.get('T/1')!.map((p) => p.line)).toEqual([1, 2, 3, 5, 6]);
    expect(programs.get('T/2')).toHaveLength(5);
    expect(programs.has('T/3')).toBe(false);
    expect(report).toMatchObject({ lines: 13, candidates: 13, duplicates: 1, empty: 1, distinct: 10, problemsWithCandidates: 2 });
    expect(report.matched.task_id).toBe(12);
    expect(report.unmatched).toEqual([{ file: 'pool', line: 13, key: 'T/99' }]);
  });

  it('joins CodeT-style samples through the prompt map and continues the line\'s own prompt', () => {
    const bench = parseBenchmarkText(buildFixture('tiny-heplus.jsonl'), 'tiny-heplus.jsonl');
    const lines = parsePoolText(buildFixture('tiny-heplus-pool.jsonl'), 'pool');
    const unmapped = joinPool(bench, lines);
    expect(unmapped.report.unmatched.map((u) => u.line)).toEqual([1]);
    const map = parsePromptMapText(buildFixture('tiny-heplus-prompt-map.jsonl'), 'map');
    const { programs, report } = joinPool(bench, lines, map);
    expect(report.matched).toEqual({ task_id: 2, 'task_id alias': 0, prompt: 0, 'prompt map': 1 });
    expect(programs.get('H/0')!.map((p) => p.code)).toEqual([
      'def double(x):\n    return x + x\n',
      'def double(x):\n    return x * 2 if x > 0 else 0\n',
      'def double(x):\n    return x\n',
      'def double(x):\n    return 2 * x if x < 3 else 2 * x + 1\n',
      "def double(x):\n    return int('x')\n",
    ]);
    expect(programs.get('H/0')!.map((p) => p.sample)).toEqual([0, 1, 2, 3, 4]);
    // A completion without its own prompt continues the benchmark's prompt.
    expect(programs.get('H/1')![0]!.code).toBe('def neg(x):\n    """Return -x."""\n    return x\n');
    expect(report).toMatchObject({ empty: 1, duplicates: 1, distinct: 7 });
  });

  it('falls back to a respelt task id, then to the exact prompt; ambiguous respellings do not join', () => {
    const bench = parseBenchmarkText(
      jsonl(
        { task_id: 'Mbpp/2', prompt: 'two', entry_point: 'f', canonical_solution: 'x', base_input: [], plus_input: [] },
        { task_id: 'Mbpp/3', prompt: 'three', entry_point: 'f', canonical_solution: 'x', base_input: [], plus_input: [] },
      ),
      'mbpp+.jsonl',
    );
    const lines = parsePoolText(jsonl({ task_id: 'MBPP/2', code: 'a' }, { name: 'mbpp_3_f', solution: 'b' }, { prompt: 'three', code: 'c' }, { task_id: 'MBPP/9', code: 'd' }), 'p');
    const { programs, report } = joinPool(bench, lines);
    expect(programs.get('Mbpp/2')!.map((p) => p.code)).toEqual(['a']);
    expect(programs.get('Mbpp/3')!.map((p) => p.code)).toEqual(['b', 'c']);
    expect(report.matched).toMatchObject({ 'task_id alias': 2, prompt: 1 });
    expect(report.unmatched.map((u) => u.key)).toEqual(['MBPP/9']);
  });

  it('treats programs differing only in line ends or trailing whitespace as one', () => {
    expect(programKey('a\r\nb  \n\n')).toBe(programKey('a\nb'));
    expect(programKey('a = " "')).not.toBe(programKey('a = "  "'));
  });
});
