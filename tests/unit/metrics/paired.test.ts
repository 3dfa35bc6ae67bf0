// Paired comparison: B - A, its paired-bootstrap interval and P(B better) against numpy (make_compare_goldens.py),
// problem alignment, and the disagreement list.
import { describe, expect, it } from 'vitest';
import { alignProblems, pairedComparison, problemDisagreements } from '../../../src/core/compare/paired';
import { groupProblemsBySplit } from '../../../src/core/metrics/group-problems';
import { resampleDrawsOf } from '../../../src/core/metrics/resample';
import { splitParts } from '../../../src/core/metrics/split-metrics';
import { METRIC_NAMES } from '../../../src/core/metrics/split-table';
import type { ProblemGroup } from '../../../src/core/metrics/types';
import { compareGoldens } from '../../fixtures/metrics/compare-goldens';

const golden = compareGoldens.paired;

describe('pairedComparison golden', () => {
  const problemsA = groupProblemsBySplit(golden.a).get(golden.split)!;
  // B's lines in reverse order: alignment must restore A's problem order.
  const problemsB = alignProblems(problemsA, groupProblemsBySplit([...golden.b].reverse()).get(golden.split)!);
  const partsA = splitParts(problemsA, 'utg');
  const partsB = splitParts(problemsB, 'utg');
  const result = pairedComparison(partsA, partsB, resampleDrawsOf(golden.indices, problemsA.length));

  it.each(METRIC_NAMES.map((name) => [name]))('%s matches numpy', (name) => {
    const expected = golden.expected[name];
    const got = result[name];
    for (const key of ['a', 'b', 'diff', 'lo', 'hi'] as const) expect(got[key], key).toBeCloseTo(expected[key], 9);
    expect(got.pBetter).toBeCloseTo(expected.p_better, 12);
  });

  it('lists disagreeing problems, largest Spearman gap first', () => {
    const list = problemDisagreements(problemsA.map((p) => p.taskId), partsA, partsB, 5);
    expect(list.length).toBe(5);
    const gaps = list.map((r) => Math.abs(r.spearmanB - r.spearmanA));
    expect([...gaps].sort((x, y) => y - x)).toEqual(gaps);
    const all = problemsA.map((_, i) => Math.abs(partsB.perProblem[i].spearman - partsA.perProblem[i].spearman));
    expect(gaps[0]).toBe(Math.max(...all));
  });
});

describe('alignProblems', () => {
  const group = (taskId: string, ranks: number[]): ProblemGroup => ({
    split: 'DEMO',
    taskId,
    solutions: ranks.map((rank) => ({ split: 'DEMO', taskId, rank, groundScore: 1 / rank, predicted: 0.5 })),
  });

  it('refuses different problems or different candidates', () => {
    expect(() => alignProblems([group('a', [1, 2]), group('b', [1])], [group('a', [1, 2]), group('c', [1])])).toThrow(/1 only in A: b; 1 only in B/);
    expect(() => alignProblems([group('a', [1, 2])], [group('a', [1, 2]), group('b', [1])])).toThrow(/0 only in A; 1 only in B/);
    expect(() => alignProblems([group('a', [1, 2])], [group('a', [1, 3])])).toThrow(/a: the files rank different candidates \(1,2 vs 1,3\)/);
    expect(alignProblems([group('a', [1, 2]), group('b', [1])], [group('b', [1]), group('a', [2, 1])]).map((p) => p.taskId)).toEqual(['a', 'b']);
  });
});
