// Pairing with and without feedback, the per-side totals, the repair-rate intervals (numpy goldens) and the verdicts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IlfRecord } from '../../../src/core/refine/ilf-record';
import { resampleDrawsOf } from '../../../src/core/metrics/resample';
import { pairRefinements } from '../../../src/core/refine/refine-pairs';
import { RefineInputError } from '../../../src/core/refine/refine-errors';
import { completePrograms, meanInterval, repairComparison, sideSummary } from '../../../src/core/refine/repair-summary';
import { teachingVerdict } from '../../../src/core/refine/teaching-verdict';

const goldens = JSON.parse(readFileSync(new URL('../../fixtures/refine/goldens.json', import.meta.url), 'utf8')) as {
  intervals: { name: string; values: number[]; indices: number[][]; estimate: number; low: number; high: number }[];
};

function refinements(taskId: string, rank: number, withFeedback: boolean, passes: boolean[]): IlfRecord[] {
  return passes.map((passed, i) => ({
    task_id: taskId,
    rank,
    program: 'p',
    feedback: 'f',
    feedback_author: 'person',
    with_feedback: withFeedback,
    refinement: passed ? 'ok' : null,
    passed,
    score: passed ? 1 : 0,
    model: 'm',
    seed: 10 + i,
  }));
}

const records = [
  ...refinements('A', 2, true, [true, true, false, true]),
  ...refinements('A', 2, false, [false, false, false, false]),
  ...refinements('B', 3, true, [false, false, false, false]),
  ...refinements('B', 3, false, [false, true, false, false]),
  ...refinements('C', 2, true, [true, false]), // still being made
];

describe('pairRefinements', () => {
  it('groups each program with its baseline and counts passes', () => {
    const pairs = pairRefinements(records, 4);
    expect(pairs.map((p) => [p.taskId, p.withFeedback.passed, p.withoutFeedback?.passed ?? null])).toEqual([
      ['A', 3, 0],
      ['B', 0, 1],
      ['C', 1, null],
    ]);
  });

  it('refuses a baseline made with other seeds, or a seed used twice', () => {
    const shifted = refinements('A', 2, false, [false, false, false, false]).map((r) => ({ ...r, seed: r.seed + 1 }));
    expect(() => pairRefinements([...refinements('A', 2, true, [true, true, true, true]), ...shifted], 4)).toThrow(RefineInputError);
    const twice = refinements('A', 2, true, [true, true]).map((r) => ({ ...r, seed: 1 }));
    expect(() => pairRefinements(twice)).toThrow(/seed is used twice/);
  });
});

describe('sideSummary', () => {
  it('averages pass@1 and pass@k over complete programs only', () => {
    const pairs = pairRefinements(records, 4);
    const withSide = sideSummary(completePrograms(pairs, 4, 'with'), 4);
    expect(withSide).toEqual({ programs: 2, refinements: 8, 'pass@1': (3 / 4 + 0) / 2, 'pass@k': 0.5, repaired: 1 });
    const withoutSide = sideSummary(completePrograms(pairs, 4, 'without'), 4);
    expect(withoutSide).toEqual({ programs: 2, refinements: 8, 'pass@1': (0 + 1 / 4) / 2, 'pass@k': 0.5, repaired: 1 });
    // n - c < k: A's 3 of 4 pass at any 2 drawn; B's one pass of 4 is in 1 - C(3,2)/C(4,2) = 1/2 of the draws of 2.
    expect(sideSummary(completePrograms(pairs, 4, 'with'), 2)['pass@k']).toBe(0.5);
    expect(sideSummary(completePrograms(pairs, 4, 'without'), 2)['pass@k']).toBeCloseTo((0 + 0.5) / 2, 12);
  });
});

describe('repair-rate intervals', () => {
  it.each(goldens.intervals.map((g) => [g.name, g] as const))('%s matches numpy', (_name, g) => {
    const interval = meanInterval(g.values, resampleDrawsOf(g.indices, g.values.length));
    expect(interval.estimate).toBeCloseTo(g.estimate, 12);
    expect(interval.low).toBeCloseTo(g.low, 12);
    expect(interval.high).toBeCloseTo(g.high, 12);
  });

  it('compares programs complete on both sides, with a paired difference', () => {
    const comparison = repairComparison(pairRefinements(records, 4), 4, { resamples: 200, seed: 1 })!;
    expect(comparison.programs).toBe(2);
    expect(comparison.withFeedback.estimate).toBe(0.5);
    expect(comparison.withoutFeedback.estimate).toBe(0.5);
    expect(comparison.difference.estimate).toBe(0);
    expect(comparison.difference.low).toBeGreaterThanOrEqual(-1);
    expect(comparison.difference.high).toBeLessThanOrEqual(1);
    expect(repairComparison(pairRefinements(refinements('C', 2, true, [true])), 1)).toBeNull();
  });
});

describe('teachingVerdict', () => {
  const pair = (w: number, o: number | null, n = 4) => ({
    taskId: 'T',
    rank: 2,
    withFeedback: { made: n, passed: w, seeds: [] },
    withoutFeedback: o === null ? null : { made: n, passed: o, seeds: [] },
  });
  it('says what the feedback was worth', () => {
    expect(teachingVerdict(pair(3, 0), 'person')).toEqual({ kind: 'fixed', text: 'Your feedback let the model fix it: 3 of 4 refinements pass, 0 of 4 without it.' });
    expect(teachingVerdict(pair(3, 1), 'person').kind).toBe('helped');
    expect(teachingVerdict(pair(2, 2), 'model:x')).toEqual({ kind: 'no-difference', text: 'The model fixes it as often without the model-written feedback: 2 of 4 refinements pass, 2 of 4 without it.' });
    expect(teachingVerdict(pair(1, 3), 'person').kind).toBe('hurt');
    expect(teachingVerdict(pair(0, 0), 'person').kind).toBe('not-fixed');
    expect(teachingVerdict(pair(1, null, 1), 'person')).toEqual({ kind: 'no-baseline', text: '1 of 1 refinement pass with your feedback (no refinements were made without it to compare).' });
  });
});
