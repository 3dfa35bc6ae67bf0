// The drill-down per problem on hand-made problems; every expected value below was worked out by hand.
import { describe, expect, it } from 'vitest';
import { invalidTests, orderProblems, outOfOrderRanks, problemDrills } from '../../../src/core/run/problem-drilldown';
import type { ScoredSolution } from '../../../src/core/metrics/types';

const s = (taskId: string, rank: number, groundScore: number, predicted: number): ScoredSolution => ({ split: 'DEMO', taskId, rank, groundScore, predicted });
/**
 * A: perfect (Top-1 1, error 0); B: reversed (Top-1 0, rho -1, error (1 + 1) / 2 = 1);
 * C: a tie at the top (Top-1 1/2), errors |0.5 - 1| and |0.5 - 0.5|, mean 0.25.
 */
const SOLUTIONS = [s('A', 1, 1, 1), s('A', 2, 0, 0), s('B', 1, 1, 0), s('B', 2, 0, 1), s('C', 1, 1, 0.5), s('C', 2, 0.5, 0.5)];

describe('problemDrills', () => {
  it('gives each problem its ranking metrics and mean absolute error', () => {
    expect(problemDrills(SOLUTIONS)).toEqual([
      { taskId: 'A', top1: 1, bottom1: 1, spearman: 1, kendall: 1, error: 0 },
      { taskId: 'B', top1: 0, bottom1: 0, spearman: -1, kendall: -1, error: 1 },
      { taskId: 'C', top1: 0.5, bottom1: 0.5, spearman: 0, kendall: 0, error: 0.25 },
    ]);
  });
});

describe('orderProblems', () => {
  const drills = problemDrills(SOLUTIONS);
  const ids = (order: Parameters<typeof orderProblems>[1]) => orderProblems(drills, order).map((d) => d.taskId);

  it('puts the problems that hurt most first: missed Top-1, then partial credit, then the largest error', () => {
    expect(ids('hurt')).toEqual(['B', 'C', 'A']);
    const sameTop1 = [
      { taskId: 'x', top1: 1, bottom1: 1, spearman: 1, kendall: 1, error: 0.1 },
      { taskId: 'y', top1: 1, bottom1: 1, spearman: 0.5, kendall: 1, error: 0.3 },
    ];
    expect(orderProblems(sameTop1, 'hurt').map((d) => d.taskId)).toEqual(['y', 'x']);
  });

  it('sorts by the lowest correlation or the largest error, or keeps the run order', () => {
    expect(ids('spearman')).toEqual(['B', 'C', 'A']);
    expect(ids('kendall')).toEqual(['B', 'C', 'A']);
    expect(ids('error')).toEqual(['B', 'C', 'A']);
    expect(ids('run')).toEqual(['A', 'B', 'C']);
  });
});

describe('invalidTests', () => {
  const r = (rank: number, statuses: string[]) => ({ rank, tests: statuses.map((status) => ({ status })) });
  it('lists the tests the rank-1 solution does not pass', () => {
    expect(invalidTests([r(2, ['pass', 'pass', 'pass']), r(1, ['pass', 'fail', 'timeout'])])).toEqual([1, 2]);
    expect(invalidTests([r(1, ['pass'])])).toEqual([]);
    expect(invalidTests([r(2, ['fail'])])).toBeNull();
  });
});

describe('outOfOrderRanks', () => {
  it('marks both candidates of every discordant pair, not ties', () => {
    const candidates = [
      { rank: 1, truth: 1, predicted: 0.5 },
      { rank: 2, truth: 0.8, predicted: 0.9 },
      { rank: 3, truth: 0.2, predicted: 0.1 },
      { rank: 4, truth: 0, predicted: 0.1 },
    ];
    // (1, 2) is discordant; 3 and 4 tie on prediction, which is not out of order.
    expect([...outOfOrderRanks(candidates)].sort()).toEqual([1, 2]);
  });
});
