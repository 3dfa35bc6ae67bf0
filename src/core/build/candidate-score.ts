// Turns one candidate's per-test engine results into the authors' pool score, time and all-errored flag.
import { plusSplitScore, tallyScore, type TestTally } from '../dataset/pool-score';
import type { TestResult } from '../run/types';
import { planTestCount } from './test-plan';
import type { TestPlan } from '../run/types';

/** A candidate as the ranking-set selection sees it, plus its tally. */
export interface CandidateScore {
  /** Unrounded fraction of ground-truth tests passed, combined as the authors did for "+" splits. */
  score: number;
  /** Mean seconds per test: plus inputs only on "+" splits (the authors' plus_execution time), else all tests. */
  timeTaken: number;
  /** Every test raised something other than a failed assertion (or timed out): the authors dropped these. */
  allErrored: boolean;
  passed: number;
  total: number;
}

/** The results do not line up with the plan (an engine contract violation, not a candidate's fault). */
export class ResultShapeError extends RangeError {
  override readonly name = 'ResultShapeError';
}

/**
 * Whether a test counts as "errored" in the authors' combine step: their harness kept repr(exception) as the
 * test's stderr and dropped a candidate when every stderr was non-empty and not exactly "AssertionError()".
 * So a bare failed assertion or a wrong printed output is not an error; an AssertionError with a message, a
 * write to stderr, any other exception and a timeout are.
 */
export function testErrored(test: TestResult): boolean {
  if (test.status === 'pass') return false;
  if (test.status !== 'fail') return true;
  return test.message.startsWith('wrote to stderr') || /^AssertionError: ./.test(test.message);
}

/** Score, time and all-errored flag of one candidate's results on a plan. */
export function candidateScore(tests: readonly TestResult[], plan: TestPlan): CandidateScore {
  const total = planTestCount(plan);
  if (tests.length !== total) throw new ResultShapeError(`expected ${total} test results, got ${tests.length}`);
  const passed = tests.filter((t) => t.status === 'pass').length;
  const allErrored = total > 0 && tests.every(testErrored);
  if (plan.kind === 'io' && plan.sets.includes('plus')) {
    const base = tests.slice(0, plan.baseCount);
    const plus = tests.slice(plan.baseCount);
    const score = plusSplitScore(tally(base), tally(plus));
    return { score, timeTaken: meanSeconds(plus.length > 0 ? plus : base), allErrored, passed, total };
  }
  return { score: tallyScore({ passed, total }), timeTaken: meanSeconds(tests), allErrored, passed, total };
}

/** Mean per-test time of the canonical solution in seconds, by the same rule as candidates. */
export function canonicalSeconds(ms: readonly number[], plan: TestPlan): number {
  const times = plan.kind === 'io' && plan.sets.includes('plus') && plan.plusCount > 0 ? ms.slice(plan.baseCount) : ms;
  return times.length === 0 ? 0 : times.reduce((a, b) => a + b, 0) / times.length / 1000;
}

function tally(tests: readonly TestResult[]): TestTally {
  return { passed: tests.filter((t) => t.status === 'pass').length, total: tests.length };
}

function meanSeconds(tests: readonly TestResult[]): number {
  if (tests.length === 0) return 0;
  return tests.reduce((sum, t) => sum + t.ms, 0) / tests.length / 1000;
}
