// tallyScore / plusSplitScore: the authors' float arithmetic, including where it differs from the plain fraction.
import { describe, expect, it } from 'vitest';
import { plusSplitScore, tallyScore, TallyError } from '../../../src/core/dataset/pool-score';
import { pyRound } from '../../../src/core/dataset/py-round';

describe('pool scores', () => {
  it('scores a base split as passed / total', () => {
    expect(tallyScore({ passed: 2, total: 3 })).toBe(2 / 3);
    expect(() => tallyScore({ passed: 0, total: 0 })).toThrow(TallyError);
    expect(() => tallyScore({ passed: 4, total: 3 })).toThrow(TallyError);
  });

  it('weights base and plus fractions in the order combine_solutions.py did', () => {
    // (25/39 * 39 + 0/1 * 1) / 40 = 0.6250000000000001 in doubles (Python agrees), so round -> 0.63,
    // while the plain fraction 25/40 = 0.625 rounds (half-even on an exact binary tie) to 0.62.
    const authors = plusSplitScore({ passed: 0, total: 1 }, { passed: 25, total: 39 });
    expect(authors).toBe(0.6250000000000001);
    expect([pyRound(authors, 2), pyRound(25 / 40, 2)]).toEqual([0.63, 0.62]);
    // base 0/1, plus 15/22: 0.6521739130434782 versus 15/23 = 0.6521739130434783.
    expect(plusSplitScore({ passed: 0, total: 1 }, { passed: 15, total: 22 })).toBe(0.6521739130434782);
  });

  it('lets an empty side contribute nothing', () => {
    expect(plusSplitScore({ passed: 3, total: 4 }, { passed: 0, total: 0 })).toBe(0.75);
    expect(() => plusSplitScore({ passed: 0, total: 0 }, { passed: 0, total: 0 })).toThrow(TallyError);
  });
});
