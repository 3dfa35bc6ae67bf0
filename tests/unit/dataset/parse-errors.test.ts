// DatasetParseError: every malformed input names its 1-based line and field, and nothing partial is returned.
import { describe, expect, it } from 'vitest';
import { DatasetParseError } from '../../../src/core/dataset/errors';
import { parseDatasetStream, parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import type { SplitName } from '../../../src/core/dataset/types';
import { chunksOf, fixtureLines, fixtureRecord } from './fixtures';

/** The error thrown for `text`, with its line, field and message. */
function failure(text: string, name = 'MBPP-R', split?: SplitName): DatasetParseError {
  try {
    parseDatasetText(text, split ? { name, split } : { name });
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetParseError);
    return e as DatasetParseError;
  }
  throw new Error('expected a DatasetParseError');
}

// A good first line, then the broken record as line 2 (so line numbers are not trivially 1).
const good = fixtureLines('mbpp-mini.jsonl')[0] as string;
const mbpp = (mutate: (r: Record<string, any>) => void): string => {
  const rec = fixtureRecord('mbpp-mini.jsonl', 2);
  mutate(rec);
  return `${good}\n${JSON.stringify(rec)}\n`;
};
// HumanEval line without big integers (Toy/2), alone on line 1.
const he = (mutate: (r: Record<string, any>) => void): string => {
  const rec = fixtureRecord('he-mini.jsonl', 2);
  mutate(rec);
  return JSON.stringify(rec);
};

describe('field errors', () => {
  it('names a missing nested field exactly', () => {
    const e = failure(mbpp((r) => delete r['all_solutions'][2]['rank']));
    expect([e.name, e.line, e.field, e.message]).toEqual(['DatasetParseError', 2, 'all_solutions[2].rank', 'line 2: missing field "all_solutions[2].rank"']);
  });

  it('requires the family code field in every solution record', () => {
    expect(failure(mbpp((r) => delete r['all_solutions'][0]['solution']['code'])).field).toBe('all_solutions[0].solution.code');
    expect(failure(he((r) => delete r['all_solutions'][1]['solution']['canonical_solution']), 'HE-R').field).toBe('all_solutions[1].solution.canonical_solution');
    expect(failure(mbpp((r) => (r['all_solutions'][1]['solution'] = 'def f(): pass'))).message).toBe('line 2: field "all_solutions[1].solution" must be an object, got "def f(): pass"');
  });

  it.each([
    ['rank 1.5', (r: any) => (r.all_solutions[1].rank = 1.5), 'all_solutions[1].rank', /an integer >= 1, got 1.5/],
    ['rank 0', (r: any) => (r.all_solutions[1].rank = 0), 'all_solutions[1].rank', /an integer >= 1/],
    ['rank as text', (r: any) => (r.all_solutions[1].rank = '2'), 'all_solutions[1].rank', /a number, got "2"/],
    ['duplicate rank', (r: any) => (r.all_solutions[2].rank = 2), 'all_solutions[2].rank', /rank 2 appears twice/],
    ['no rank 1', (r: any) => (r.all_solutions[0].rank = 9), 'all_solutions', /no solution has rank 1/],
    ['score above 1', (r: any) => (r.all_solutions[1].average_test_score = 1.01), 'all_solutions[1].average_test_score', /in \[0, 1\]/],
    ['negative score', (r: any) => (r.all_solutions[2].average_test_score = -0.1), 'all_solutions[2].average_test_score', /in \[0, 1\]/],
    ['null score', (r: any) => (r.all_solutions[2].average_test_score = null), 'all_solutions[2].average_test_score', /a number, got null/],
    ['negative time', (r: any) => (r.all_solutions[0].average_time_taken = -1), 'all_solutions[0].average_time_taken', />= 0/],
    ['empty solutions', (r: any) => (r.all_solutions = []), 'all_solutions', /is empty/],
    ['solutions not a list', (r: any) => (r.all_solutions = {}), 'all_solutions', /an array, got an object/],
    ['solution entry not an object', (r: any) => (r.all_solutions[1] = 3), 'all_solutions[1]', /an object, got 3/],
    ['missing all_solutions', (r: any) => delete r.all_solutions, 'all_solutions', /missing field "all_solutions"/],
    ['fractional task_id', (r: any) => (r.task_id = 1.5), 'task_id', /non-empty string or an integer/],
    ['non-string test', (r: any) => (r.test_list[1] = 7), 'test_list[1]', /a string, got 7/],
    ['missing text', (r: any) => delete r.text, 'text', /missing field "text"/],
    ['duplicate task_id', (r: any) => (r.task_id = 1), 'task_id', /task_id "1" already appeared on line 1/],
  ])('%s', (_label, mutate, field, message) => {
    const e = failure(mbpp(mutate));
    expect([e.line, e.field]).toEqual([2, field]);
    expect(e.message).toMatch(/^line 2: /);
    expect(e.message).toMatch(message);
  });

  it('requires EvalPlus inputs where the split is judged on them', () => {
    const noInputs = he((r) => {
      delete r['base_input'];
      delete r['plus_input'];
    });
    expect(failure(noInputs, 'HE-R+').field).toBe('base_input');
    expect(failure(he((r) => delete r['plus_input']), 'HE-R+').field).toBe('plus_input');
    expect(() => parseDatasetText(he((r) => delete r['plus_input']), { name: 'HE-R' })).not.toThrow(); // base split ignores plus
    expect(failure(he((r) => delete r['entry_point']), 'HE-R').field).toBe('entry_point');
    expect(failure(he((r) => (r['atol'] = 'small')), 'HE-R').field).toBe('atol');
  });
});

describe('line-level errors', () => {
  it('names the line of malformed JSON', () => {
    const e = failure(`${good}\n\n{"task_id": 2, "text": \n`);
    expect([e.line, e.field]).toEqual([3, '']);
    expect(e.message).toMatch(/^line 3: malformed JSON/);
  });

  it('rejects non-object lines and unknown schemas', () => {
    expect(failure(`${good}\n[1, 2]`).message).toBe('line 2: line is not a JSON object');
    expect(failure('{"task_id": 1, "question": "?"}').message).toMatch(/^line 1: unknown schema/);
  });

  it('rejects a file that mixes schema families or does not fit its split', () => {
    const mixed = `${good}\n${fixtureLines('he-mini.jsonl')[2]}`;
    expect(failure(mixed).line).toBe(2);
    expect(failure(mixed).message).toMatch(/expected MBPP keys .* found HumanEval/);
    expect(failure(good, 'HE-R.jsonl').message).toMatch(/^line 1: HE_base expects HumanEval\/EvalPlus keys/);
    expect(failure(fixtureLines('he-mini.jsonl')[2] as string, 'Demo').message).toMatch(/DEMO expects MBPP keys/);
  });

  it('rejects an input without problems', () => {
    for (const text of ['', '\n\n', '\uFEFF \r\n']) {
      const e = failure(text);
      expect([e.line, e.message]).toEqual([0, 'line 0: no problems in "MBPP-R"']);
    }
  });

  it('rejects from the stream parser too, after good lines, without a partial result', async () => {
    const text = mbpp((r) => (r['all_solutions'][0]['average_test_score'] = 2));
    await expect(parseDatasetStream(chunksOf(text, 100), { name: 'MBPP-R' })).rejects.toMatchObject({
      name: 'DatasetParseError',
      line: 2,
      field: 'all_solutions[0].average_test_score',
    });
  });
});
