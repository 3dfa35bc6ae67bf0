// Grouping by (split, task id) and the split-level aggregation rules (pooling, empty input, bad numbers).
import { describe, expect, it } from 'vitest';
import { groupProblems, groupProblemsBySplit } from '../../../src/core/metrics/group-problems';
import { MetricInputError } from '../../../src/core/metrics/metric-errors';
import { computeMetricsBySplit, computeSplitMetrics } from '../../../src/core/metrics/split-metrics';
import type { ScoredSolution } from '../../../src/core/metrics/types';
import type { SplitName } from '../../../src/core/dataset/types';

const s = (split: SplitName, taskId: string, rank: number, groundScore: number, predicted: number): ScoredSolution => ({ split, taskId, rank, groundScore, predicted });

describe('groupProblems', () => {
  it('keeps the same task id in two splits apart and joins non-contiguous lines', () => {
    const problems = groupProblems([s('HE_base', 'HumanEval/0', 1, 1, 1), s('HE_plus', 'HumanEval/0', 1, 1, 1), s('HE_base', 'HumanEval/0', 2, 0.5, 0)]);
    expect(problems.map((p) => [p.split, p.taskId, p.solutions.length])).toEqual([
      ['HE_base', 'HumanEval/0', 2],
      ['HE_plus', 'HumanEval/0', 1],
    ]);
  });

  it('orders splits in the report order whatever the file order', () => {
    const bySplit = groupProblemsBySplit([s('DEMO', 'a', 1, 1, 1), s('MBPP_base', '11', 1, 1, 1), s('HE_plus', 'x', 1, 1, 1)]);
    expect([...bySplit.keys()]).toEqual(['HE_plus', 'MBPP_base', 'DEMO']);
  });
});

describe('computeSplitMetrics', () => {
  it('pools MAE over solutions instead of averaging per problem', () => {
    // Problem a: 1 solution, error 0.5; problem b: 3 solutions, error 0 each -> pooled 0.125 (per-problem mean would be 0.25).
    const metrics = computeMetricsBySplit(
      [s('DEMO', 'a', 1, 1, 0.5), s('DEMO', 'b', 1, 1, 1), s('DEMO', 'b', 2, 0.5, 0.5), s('DEMO', 'b', 3, 0, 0)],
      'utg',
    );
    expect(metrics.DEMO?.mae).toBe(0.125);
    expect(metrics.DEMO?.problems).toBe(2);
    expect(metrics.DEMO?.solutions).toBe(4);
  });

  it('refuses an empty split and non-finite numbers', () => {
    expect(() => computeSplitMetrics([], 'utg')).toThrow(MetricInputError);
    const bad = groupProblems([s('DEMO', 'a', 1, 1, Number.NaN)]);
    expect(() => computeSplitMetrics(bad, 'utg')).toThrow(/predicted is not a finite number/);
  });

  it('returns no keys for no solutions', () => {
    expect(computeMetricsBySplit([], 'reward')).toEqual({});
  });
});
