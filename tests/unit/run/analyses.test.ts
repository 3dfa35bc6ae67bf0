// CodeT's dual agreement and test validity on hand-made per-test outcomes, with expected scores worked out by hand.
import { describe, expect, it } from 'vitest';
import { codetMetrics, codetScores, testValidity } from '../../../src/core/run/orchestration/analyses';
import { planRun } from '../../../src/core/run/orchestration/work-plan';
import { computeMetricsBySplit } from '../../../src/core/metrics/split-metrics';
import type { CandidateRecord } from '../../../src/core/run/run-records';
import { demoDataset } from './run-fixtures';

const dataset = demoDataset();
const p0 = dataset.problems[0]!; // four candidates, ranks 1..4

function rec(rank: number, outcome: string): CandidateRecord {
  const tests = [...outcome].map((c) => ({ status: c === '1' ? ('pass' as const) : ('fail' as const), message: '', ms: 0 }));
  const passed = tests.filter((t) => t.status === 'pass').length;
  return { runId: 'r', taskId: p0.taskId, rank, tests, passed, total: tests.length, predicted: tests.length ? passed / tests.length : 0, uncompilable: [], compileError: null, ms: 0 };
}

// Test 3 is wrong: the canonical solution (rank 1) fails it, and so does everyone but rank 4.
const rows = [rec(1, '1110'), rec(2, '1100'), rec(3, '1100'), rec(4, '0001')];

describe('CodeT dual agreement', () => {
  it('scores each candidate by its agreement group: size x tests passed', () => {
    expect(codetScores(rows)).toEqual(new Map([[1, 3], [2, 4], [3, 4], [4, 1]]));
  });

  it('gives metrics (as rewards) only when candidates share their tests', () => {
    const plan = planRun([p0.taskId], { variant: 'instruction', samplesPerProblem: 1 }, dataset);
    const expected = computeMetricsBySplit(p0.candidates.map((c) => ({ split: 'DEMO' as const, taskId: p0.taskId, rank: c.rank, groundScore: c.score, predicted: [3, 4, 4, 1][c.rank - 1]! })), 'reward');
    expect(codetMetrics(plan, 'DEMO', rows)).toEqual(expected);
    const perCandidate = planRun([p0.taskId], { variant: 'instruction+solution', samplesPerProblem: 1 }, dataset);
    expect(codetMetrics(perCandidate, 'DEMO', rows)).toBeNull();
    expect(codetMetrics(plan, 'DEMO', rows.slice(0, 3))).toBeNull(); // an incomplete problem is left out
  });
});

describe('test validity', () => {
  it('drops the tests the canonical solution fails and rescores on the rest', () => {
    const plan = planRun([p0.taskId], { variant: 'instruction', samplesPerProblem: 1 }, dataset);
    const v = testValidity(plan, 'DEMO', rows)!;
    expect([v.tests, v.valid, v.problemsWithInvalid]).toEqual([4, 3, 1]);
    // Valid tests 0..2: rank 1 passes 3/3, ranks 2 and 3 pass 2/3, rank 4 passes 0/3.
    const expected = computeMetricsBySplit(p0.candidates.map((c) => ({ split: 'DEMO' as const, taskId: p0.taskId, rank: c.rank, groundScore: c.score, predicted: [1, 2 / 3, 2 / 3, 0][c.rank - 1]! })), 'utg');
    expect(v.metrics).toEqual(expected);
  });
});
