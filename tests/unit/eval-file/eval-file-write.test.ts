// Writing evaluation files: same format as the authors', and a lossless round trip through the reader.
import { describe, expect, it } from 'vitest';
import { parseEvalFile } from '../../../src/core/run/eval-file-read';
import { formatEvalFile, formatEvalLine } from '../../../src/core/run/eval-file-write';
import type { ScoredSolution } from '../../../src/core/metrics/types';
import { goldenCases } from '../../fixtures/metrics/goldens';

const solution: ScoredSolution = { split: 'MBPP_base', taskId: '11', rank: 2, groundScore: 0.67, predicted: -3.25 };

describe('formatEvalLine', () => {
  it('writes the authors\' keys, with the prediction where each method reads it', () => {
    expect(JSON.parse(formatEvalLine(solution, 'utg'))).toEqual({ dataset: 'MBPP_base', task_id: '11', rank: 2, ground_average_test_score: 0.67, average_test_score: -3.25 });
    expect(JSON.parse(formatEvalLine(solution, 'reward'))).toEqual({ dataset: 'MBPP_base', task_id: '11', rank: 2, ground_average_test_score: 0.67, reward: { reward_score: -3.25 } });
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => formatEvalLine({ ...solution, predicted: Number.POSITIVE_INFINITY }, 'utg')).toThrow(RangeError);
  });
});

describe('round trip', () => {
  it.each(goldenCases.map((c) => [c.name, c] as const))('%s: parse(format(x)) equals x', (_name, golden) => {
    const text = formatEvalFile(golden.solutions, golden.method);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(golden.solutions.length + 1);
    expect(parseEvalFile(text, golden.method)).toEqual(golden.solutions);
  });

  it('keeps awkward floats bit for bit', () => {
    const values = [0.1 + 0.2, 1 / 3, 5e-324, -0.000001234, 123456.789];
    const solutions = values.map((v, i): ScoredSolution => ({ split: 'DEMO', taskId: `t${i}`, rank: i + 1, groundScore: v, predicted: v }));
    expect(parseEvalFile(formatEvalFile(solutions, 'reward'), 'reward')).toEqual(solutions);
  });
});
