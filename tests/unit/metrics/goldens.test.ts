// The six metrics, per problem and per split, against scipy/numpy goldens (tests/fixtures/metrics/make_goldens.py).
import { describe, expect, it } from 'vitest';
import { groupProblems } from '../../../src/core/metrics/group-problems';
import { normalizePredictions } from '../../../src/core/metrics/normalize';
import { problemRankingMetrics } from '../../../src/core/metrics/problem-metrics';
import { computeMetricsBySplit } from '../../../src/core/metrics/split-metrics';
import { goldenCases } from '../../fixtures/metrics/goldens';

const DIGITS = 9; // toBeCloseTo(x, 9) allows |diff| < 5e-10, inside the 1e-9 the goldens promise.

describe.each(goldenCases.map((c) => [c.name, c] as const))('golden case %s', (_name, golden) => {
  it('matches every split metric', () => {
    const actual = computeMetricsBySplit(golden.solutions, golden.method);
    expect(Object.keys(actual)).toEqual(Object.keys(golden.expected));
    for (const [split, expected] of Object.entries(golden.expected)) {
      const got = actual[split as keyof typeof actual]!;
      expect(got.problems, `${split} problems`).toBe(expected.problems);
      expect(got.solutions, `${split} solutions`).toBe(expected.solutions);
      for (const key of ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const) {
        expect(got[key], `${split} ${key}`).toBeCloseTo(expected[key], DIGITS);
      }
    }
  });

  it('matches every per-problem ranking metric and normalized prediction', () => {
    const problems = groupProblems(golden.solutions);
    expect(problems.map((p) => `${p.split} ${p.taskId}`)).toEqual(golden.perProblem.map((p) => `${p.split} ${p.taskId}`));
    problems.forEach((problem, index) => {
      const expected = golden.perProblem[index];
      const got = problemRankingMetrics(problem);
      const label = `${problem.split} ${problem.taskId}`;
      for (const key of ['top1', 'bottom1', 'spearman', 'kendall'] as const) {
        expect(got[key], `${label} ${key}`).toBeCloseTo(expected[key], DIGITS);
      }
      const normalized = normalizePredictions(problem.solutions.map((s) => s.predicted), golden.method);
      normalized.forEach((value, i) => expect(value, `${label} normalized[${i}]`).toBeCloseTo(expected.normalized[i], DIGITS));
    });
  });
});

describe('golden fixture coverage', () => {
  it('includes the edge cases the metrics must get right', () => {
    const names = goldenCases.map((c) => c.name);
    for (const name of ['all-tied', 'ties-at-top', 'ties-at-bottom', 'perfect', 'reversed', 'single-solution', 'reward-normalized', 'random-utg', 'random-reward']) {
      expect(names).toContain(name);
    }
    const random = goldenCases.find((c) => c.name === 'random-utg')!;
    // The random fixture must actually exercise ties and undefined coefficients, or it proves little.
    expect(random.perProblem.some((p) => p.top1 > 0 && p.top1 < 1)).toBe(true);
    expect(random.perProblem.some((p) => p.normalized.length === 1)).toBe(true);
    expect(random.perProblem.length).toBe(60);
  });
});
