// A candidate's ground-truth score as the authors computed it, float operations in the same order.
// The order matters: base 0/1 + plus 25/39 gives 0.6250000000000001 (rounds to 0.63), not 25/40 = 0.625 (0.62).

/** Passed and total ground-truth tests of one kind (base or plus inputs, or asserts). */
export interface TestTally {
  passed: number;
  total: number;
}

/** A tally that cannot be scored (no tests, or more passed than run). */
export class TallyError extends RangeError {
  override readonly name = 'TallyError';
}

function check({ passed, total }: TestTally): void {
  if (!Number.isInteger(passed) || !Number.isInteger(total) || passed < 0 || passed > total) {
    throw new TallyError(`invalid tally ${passed}/${total}`);
  }
}

/** sum(correct) / len(correct): the score of a base split (HE-R, MBPP-R base inputs or asserts). */
export function tallyScore(tally: TestTally): number {
  check(tally);
  if (tally.total === 0) throw new TallyError('no tests to score');
  return tally.passed / tally.total;
}

/**
 * The plus-split score of combine_solutions.py: (plusScore * |plus| + baseScore * |base|) / (|plus| + |base|),
 * where each score is already a fraction. A side with no tests contributes nothing.
 */
export function plusSplitScore(base: TestTally, plus: TestTally): number {
  check(base);
  check(plus);
  const total = plus.total + base.total;
  if (total === 0) throw new TallyError('no tests to score');
  const plusPart = plus.total === 0 ? 0 : (plus.passed / plus.total) * plus.total;
  const basePart = base.total === 0 ? 0 : (base.passed / base.total) * base.total;
  return (plusPart + basePart) / total;
}
