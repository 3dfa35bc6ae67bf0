// Reading the authors' evaluation file: goldens fixtures, streaming across chunk boundaries, and strict line errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EvalFileParseError } from '../../../src/core/run/eval-file-error';
import { parseEvalFile, parseEvalFileChunks } from '../../../src/core/run/eval-file-read';
import { fixturePath, goldenCases } from '../../fixtures/metrics/goldens';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function parseError(run: () => unknown): EvalFileParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof EvalFileParseError) return error;
    throw error;
  }
  throw new Error('expected an EvalFileParseError');
}

const good = '{"dataset": "HE_base", "task_id": "HumanEval/0", "rank": 1, "ground_average_test_score": 1.0, "average_test_score": 0.9}';
const goodReward = '{"dataset": "HE_base", "task_id": "HumanEval/0", "rank": 1, "ground_average_test_score": 1.0, "reward": {"reward_score": 3}}';

describe('parseEvalFile on the golden fixtures', () => {
  it.each(goldenCases.map((c) => [c.file, c] as const))('%s parses to the solutions make_goldens.py wrote', async (file, golden) => {
    const text = readFileSync(fixturePath(file), 'utf8');
    expect(parseEvalFile(text, golden.method)).toEqual(golden.solutions);
    for (const size of [1, 7, 4096]) {
      expect(await parseEvalFileChunks(chunked(text, size), golden.method)).toEqual(golden.solutions);
    }
  });
});

describe('parseEvalFile details', () => {
  it('skips blank lines, tolerates CRLF and a BOM, and ignores extra fields', () => {
    const text = `\uFEFF${good}\r\n\r\n   \n{"dataset":"DEMO","task_id":7,"rank":2,"ground_average_test_score":0,"average_test_score":0,"solution":"x"}`;
    expect(parseEvalFile(text, 'utg')).toEqual([
      { split: 'HE_base', taskId: 'HumanEval/0', rank: 1, groundScore: 1, predicted: 0.9 },
      { split: 'DEMO', taskId: '7', rank: 2, groundScore: 0, predicted: 0 },
    ]);
  });

  it('reads the nested reward score for method reward', () => {
    const line = '{"dataset":"MBPP_plus","task_id":"Mbpp/2","rank":3,"ground_average_test_score":0.5,"reward":{"reward_score":-12.75}}';
    expect(parseEvalFile(line, 'reward')[0]?.predicted).toBe(-12.75);
  });

  it.each([
    ['missing rank', '{"dataset":"HE_base","task_id":"t","ground_average_test_score":1,"average_test_score":1}', 'utg', 'rank', 'line 3: missing field "rank"'],
    ['string rank', '{"dataset":"HE_base","task_id":"t","rank":"1","ground_average_test_score":1,"average_test_score":1}', 'utg', 'rank', 'line 3: field "rank" must be a positive integer (got "1")'],
    ['rank 0', '{"dataset":"HE_base","task_id":"t","rank":0,"ground_average_test_score":1,"average_test_score":1}', 'utg', 'rank', 'line 3: field "rank" must be a positive integer (got 0)'],
    ['unknown dataset', '{"dataset":"HumanEval","task_id":"t","rank":1,"ground_average_test_score":1,"average_test_score":1}', 'utg', 'dataset', 'line 3: field "dataset" must be one of HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO (got "HumanEval")'],
    ['float task id', '{"dataset":"HE_base","task_id":1.5,"rank":1,"ground_average_test_score":1,"average_test_score":1}', 'utg', 'task_id', 'line 3: field "task_id" must be a string or an integer (got 1.5)'],
    ['null prediction', '{"dataset":"HE_base","task_id":"t","rank":1,"ground_average_test_score":1,"average_test_score":null}', 'utg', 'average_test_score', 'line 3: field "average_test_score" must be a finite number (got null)'],
    ['utg line read as reward', good, 'reward', 'reward.reward_score', 'line 3: missing field "reward.reward_score"'],
    ['reward not an object', '{"dataset":"HE_base","task_id":"t","rank":1,"ground_average_test_score":1,"reward":4}', 'reward', 'reward', 'line 3: field "reward" must be an object (got 4)'],
    ['missing ground score', '{"dataset":"HE_base","task_id":"t","rank":1,"average_test_score":1}', 'utg', 'ground_average_test_score', 'line 3: missing field "ground_average_test_score"'],
    ['overflowing number', '{"dataset":"HE_base","task_id":"t","rank":1,"ground_average_test_score":1e999,"average_test_score":1}', 'utg', 'ground_average_test_score', 'line 3: field "ground_average_test_score" must be a finite number (got null)'],
  ] as const)('%s: names the line and the field', (_label, bad, method, field, message) => {
    const ok = method === 'utg' ? good : goodReward;
    const error = parseError(() => parseEvalFile(`${ok}\n\n${bad}\n${ok}`, method));
    expect(error.line).toBe(3);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('reports invalid JSON and non-objects with a null field', () => {
    const invalid = parseError(() => parseEvalFile(`${good}\n{"dataset": "HE_base",`, 'utg'));
    expect([invalid.line, invalid.field]).toEqual([2, null]);
    expect(invalid.message).toMatch(/^line 2: not valid JSON \(/);
    const array = parseError(() => parseEvalFile('[1, 2]', 'utg'));
    expect(array.message).toBe('line 1: expected a JSON object');
  });

  it('rejects a streamed file as a whole, with the right line across chunk boundaries', async () => {
    const text = `${good}\n${good}\n${good.replace('"rank": 1', '"rank": -2')}\n${good}\n`;
    const rejected = parseEvalFileChunks(chunked(text, 5), 'utg');
    await expect(rejected).rejects.toBeInstanceOf(EvalFileParseError);
    await expect(parseEvalFileChunks(chunked(text, 5), 'utg')).rejects.toMatchObject({ line: 3, field: 'rank' });
  });

  it('parses a final line without a trailing newline when streamed', async () => {
    expect(await parseEvalFileChunks(chunked(`${good}\n${good}`, 3), 'utg')).toHaveLength(2);
  });
});
