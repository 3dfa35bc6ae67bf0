// Generated assertions (a test-generation verifier's output) run against candidates: limits come from the
// canonical solution's time on each generated test, as for ground truth. The canonical run also tells which
// generated tests are valid (a test the canonical solution fails is wrong).
import type { Problem } from '../core/dataset/types';
import { PAPER_TIME_LIMITS, timeLimitsFromCanonical } from '../core/run/time-limits';
import type { TestSpec } from '../core/run/types';
import { unfinished, type PreparedProblem, type PrepareOptions } from './ground-truth';
import type { EnginePool } from './pool-types';

const BUDGET_MARGIN_MS = 5000;

/** The generated assertions as a test batch; MBPP problems keep their test_setup_code. */
export function generatedTestSpec(problem: Problem, asserts: readonly string[]): TestSpec {
  return { kind: 'assert', setup: problem.tests.kind === 'assert' ? problem.tests.setup : '', asserts: [...asserts] };
}

/** Run the canonical solution on the generated tests and derive limits; `canonical.tests[i]` tells validity. */
export async function prepareGenerated(pool: EnginePool, problem: Problem, asserts: readonly string[], options: PrepareOptions = {}): Promise<PreparedProblem> {
  const compare = options.compare ?? 'paper';
  const tests = generatedTestSpec(problem, asserts);
  const canonicalLimitMs = options.canonicalLimitMs ?? 10_000;
  const canonical = await pool.score({ code: problem.canonicalSolution, tests, compare, limitMs: canonicalLimitMs, budgetMs: 3_600_000 }, options);
  const times = canonical.tests.map((t, i) => (unfinished(canonical, i) ? 0 : t.ms));
  const limitMs = timeLimitsFromCanonical(times, options.rule ?? PAPER_TIME_LIMITS);
  return { taskId: problem.taskId, compare, tests, limitMs, budgetMs: limitMs.reduce((a, b) => a + b, 0) + BUDGET_MARGIN_MS, canonical };
}
