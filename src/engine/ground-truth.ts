// A dataset problem's own ground truth, run the way the paper did: the canonical solution first (its outputs
// for io tests, its per-test times for the limits max(0.1 s, 4 x canonical)), then any candidate against it.
import type { Problem, SplitName } from '../core/dataset/types';
import { PAPER_TIME_LIMITS, timeLimitsFromCanonical, type TimeLimitRule } from '../core/run/time-limits';
import type { CandidateResult, CompareMode, TestSpec } from '../core/run/types';
import type { CallOptions, EnginePool } from './pool-types';

/** A problem ready for scoring: the tests to run and the per-test limits derived from the canonical run. */
export interface PreparedProblem {
  taskId: string;
  compare: CompareMode;
  tests: TestSpec;
  limitMs: number[];
  /** Whole-candidate budget: every test may use its full limit, plus a margin, so it never cuts a test short. */
  budgetMs: number;
  /** The canonical solution scored against the same tests (its score should be 1). */
  canonical: CandidateResult;
}

export interface PrepareOptions extends CallOptions {
  compare?: CompareMode;
  rule?: TimeLimitRule;
  /** Limit for each canonical run (ms, default 30000): the canonical is trusted, only runaway code is stopped. */
  canonicalLimitMs?: number;
}

const BUDGET_MARGIN_MS = 5000;

/** The canonical run of test i never completed (its time says nothing about the test). */
export function unfinished(canonical: CandidateResult, i: number): boolean {
  const status = canonical.tests[i]?.status;
  return status === 'timeout' || status === 'crash';
}

/** Which EvalPlus input lists a split scores on (HE-R / MBPP-R: base; the plus splits: base + plus). */
export function inputSets(split: SplitName, plusCount: number): ('base' | 'plus')[] {
  if (split === 'HE_plus' || split === 'MBPP_plus') return ['base', 'plus'];
  if (split === 'DEMO' && plusCount > 0) return ['base', 'plus'];
  return ['base'];
}

/** Run the canonical solution and derive everything a candidate of this problem is scored with. */
export async function prepareProblem(pool: EnginePool, problem: Problem, split: SplitName, options: PrepareOptions = {}): Promise<PreparedProblem> {
  const compare = options.compare ?? 'paper';
  const canonicalLimitMs = options.canonicalLimitMs ?? 30_000;
  const generousBudget = 3_600_000;
  const gt = problem.tests;
  let tests: TestSpec;
  if (gt.kind === 'assert') {
    tests = { kind: 'assert', setup: gt.setup, asserts: [...gt.asserts, ...(gt.challenge ?? [])] };
  } else if (gt.kind === 'check') {
    tests = { kind: 'check', test: gt.test, entryPoint: problem.entryPoint ?? '' };
  } else {
    const inputs = { key: `${problem.taskId}:${problem.line}:${problem.source.length}`, source: problem.source, sets: inputSets(split, gt.plusCount) };
    const common = { taskId: problem.taskId, entryPoint: problem.entryPoint ?? '', inputs, compare };
    const expected = await pool.expect({ ...common, canonical: problem.canonicalSolution, limitMs: canonicalLimitMs, budgetMs: generousBudget }, options);
    tests = { kind: 'io', ...common, atol: gt.atol, expected };
  }
  const canonical = await pool.score(
    { code: problem.canonicalSolution, tests, compare, limitMs: canonicalLimitMs, budgetMs: generousBudget },
    options,
  );
  // io problems take the canonical times from computing the outputs; the others from this run. A test the
  // canonical itself never finished gets the floor, not a multiple of a runaway time.
  const measured = tests.kind === 'io' ? tests.expected.ms : canonical.tests.map((t) => t.ms);
  const times = measured.map((ms, i) => (unfinished(canonical, i) ? 0 : ms));
  const limitMs = timeLimitsFromCanonical(times, options.rule ?? PAPER_TIME_LIMITS);
  const budgetMs = limitMs.reduce((a, b) => a + b, 0) + BUDGET_MARGIN_MS;
  return { taskId: problem.taskId, compare, tests, limitMs, budgetMs, canonical };
}

/** Score one candidate program against a prepared problem's ground truth. */
export function scoreAgainst(pool: EnginePool, prepared: PreparedProblem, code: string, options: CallOptions = {}): Promise<CandidateResult> {
  const { tests, compare, limitMs, budgetMs } = prepared;
  return pool.score({ code, tests, compare, limitMs, budgetMs }, options);
}
