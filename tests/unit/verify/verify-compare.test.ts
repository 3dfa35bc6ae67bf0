// Re-verification bookkeeping: agreement after rounding, summaries, disagreement order and diff text.
import { describe, expect, it } from 'vitest';
import { describeDisagreement, disagreements, scoresAgree, skippedOutcome, verifyOutcome, verifySummary } from '../../../src/core/verify/verify-compare';

const run = (passed: number, total: number, failures = []) => ({ score: passed / total, passed, total, allErrored: false, failures });

describe('scoresAgree', () => {
  it('compares after the authors\' Python rounding', () => {
    expect(scoresAgree(0.63, 25 / 40 + 1e-16)).toBe(true); // 0.6250000000000001 rounds to 0.63
    expect(scoresAgree(0.62, 0.625)).toBe(true); // 0.625 is 0.62499... in binary: rounds down
    expect(scoresAgree(0.67, 2 / 3)).toBe(true);
    expect(scoresAgree(0.67, 0.66)).toBe(false);
    expect(scoresAgree(2 / 3, 2 / 3)).toBe(true); // unrounded stored scores
  });
});

describe('verifySummary and disagreements', () => {
  const outcomes = [
    verifyOutcome({ taskId: 'A', rank: 1, score: 1 }, run(4, 4)),
    verifyOutcome({ taskId: 'A', rank: 2, score: 0.5 }, run(1, 4, [{ index: 0, status: 'fail', message: 'AssertionError' }] as never)),
    verifyOutcome({ taskId: 'B', rank: 1, score: 1 }, run(3, 4)),
    verifyOutcome({ taskId: 'B', rank: 2, score: 0.75 }, run(3, 4)),
    skippedOutcome({ taskId: 'C', rank: 1, score: 1 }, 'canonical could not run'),
  ];

  it('counts agreement over the candidates that ran', () => {
    const s = verifySummary('DEMO', outcomes);
    expect(s).toMatchObject({ split: 'DEMO', problems: 3, candidates: 5, agree: 2, disagree: 2, skipped: 1, agreement: 0.5, canonicalDisagreements: 1 });
    expect(s.meanAbsDiff).toBeCloseTo((0 + 0.25 + 0.25 + 0) / 4, 12);
    expect(s.maxAbsDiff).toBe(0.25);
  });

  it('lists disagreements largest first, skipped ones last, with readable diffs', () => {
    const list = disagreements(outcomes);
    expect(list.map((o) => `${o.taskId}:${o.rank}`)).toEqual(['A:2', 'B:1', 'C:1']);
    expect(describeDisagreement(list[0]!)).toBe('A rank 2: stored 0.5, recomputed 0.25 (-0.25; 1/4 passed); #0 fail: AssertionError');
    expect(describeDisagreement(list[1]!)).toBe('B rank 1: stored 1, recomputed 0.75 (-0.25; 3/4 passed)');
    expect(describeDisagreement(list[2]!)).toBe('C rank 1: not run (canonical could not run)');
  });

  it('reports NaN agreement when nothing ran', () => {
    expect(verifySummary('HE_base', [skippedOutcome({ taskId: 'A', rank: 1, score: 1 }, 'x')]).agreement).toBeNaN();
  });
});
