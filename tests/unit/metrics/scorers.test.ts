// Scorers over one execution matrix (fraction, CodeT, valid-only) against numpy goldens (make_compare_goldens.py),
// and where they do not apply.
import { describe, expect, it } from 'vitest';
import { SCORER_NAMES, scoreProblem, scorerMethod } from '../../../src/core/compare/scorers';
import { computeSplitMetrics } from '../../../src/core/metrics/split-metrics';
import { compareGoldens, matrixOf } from '../../fixtures/metrics/compare-goldens';

const problems = compareGoldens.scorers.problems.map((p) => matrixOf(p));

describe.each(SCORER_NAMES.map((s) => [s]))('scorer %s', (scorer) => {
  const golden = compareGoldens.scorers[scorer];

  it('scores every candidate as numpy does', () => {
    problems.forEach((problem, p) => expect(scoreProblem(problem, scorer), problem.taskId).toEqual(golden.scores[p].map((x) => expect.closeTo(x, 12))));
  });

  it('gives the split metrics numpy gives', () => {
    const groups = problems.map((problem) => {
      const scores = scoreProblem(problem, scorer);
      const solutions = problem.ranks.map((rank, i) => ({ split: 'DEMO' as const, taskId: problem.taskId, rank, groundScore: problem.truth[i], predicted: scores[i] }));
      return { split: 'DEMO' as const, taskId: problem.taskId, solutions };
    });
    const metrics = computeSplitMetrics(groups, scorerMethod(scorer));
    for (const [name, value] of Object.entries(golden.metrics)) expect(metrics[name as keyof typeof metrics], name).toBeCloseTo(value, 9);
  });
});

describe('scorers on the instruction + solution variant', () => {
  it('score each candidate on its own tests with fraction, and refuse codet and valid-only', () => {
    const own = matrixOf({ taskId: 'x', ranks: [1, 2], truth: [1, 0.5], pass: [[1, 1, 0], [1, 0]] }, false);
    expect(scoreProblem(own, 'fraction')).toEqual([2 / 3, 1 / 2]);
    expect(() => scoreProblem(own, 'codet')).toThrow(/shared tests/);
    expect(() => scoreProblem(own, 'valid-only')).toThrow(/shared tests/);
  });

  it('golden cases exercise invalid tests and CodeT groups of more than one', () => {
    expect(compareGoldens.scorers['valid-only'].scores).not.toEqual(compareGoldens.scorers.fraction.scores);
    expect(problems.some((p) => p.pass.some((row, i) => p.pass.some((other, j) => i !== j && row.join() === other.join())))).toBe(true);
  });
});
