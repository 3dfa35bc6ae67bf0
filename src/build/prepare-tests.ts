// Prepares one problem's ground truth on the engine: the canonical solution's outputs (io tests) or its run
// (assert/check tests) give the per-test times behind the paper's limits, max(0.1 s, 4 x canonical time).
import type { TestPlan } from '../core/build/types';
import { PAPER_TIME_LIMITS, timeLimitsFromCanonical, type TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode, TestSpec } from '../core/run/types';
import type { EnginePool } from '../engine/pool-types';
import { errorMessage } from '../core/error-message';

/** Generous limits for the canonical solution itself: it defines the others' limits, so it must not time out. */
const CANONICAL_LIMIT_MS = 30_000;
const CANONICAL_BUDGET_MS = 20 * 60_000;

export interface PreparedTests {
  spec: TestSpec;
  /** Per-test limits (ms) for candidates. */
  limitsMs: number[];
  /** The canonical solution's per-test times (ms). */
  canonicalMs: number[];
  /** Tests the canonical solution itself did not pass (or, for io, inputs it raised on), with why. */
  canonicalProblems: string[];
}

/** The canonical solution could not be run, so the problem's candidates cannot be judged. */
export class CanonicalError extends Error {
  override readonly name = 'CanonicalError';
}

let inputsCounter = 0;

/** Runs the canonical solution once and returns the spec and limits candidates are scored with. */
export async function prepareTests(
  pool: EnginePool,
  plan: TestPlan,
  canonical: string,
  options: { compare: CompareMode; rule?: TimeLimitRule; signal?: AbortSignal },
): Promise<PreparedTests> {
  const rule = options.rule ?? PAPER_TIME_LIMITS;
  const { compare, signal } = options;
  if (plan.kind === 'io') {
    // A fresh key per preparation: workers cache parsed inputs by key.
    const inputs = { key: `build-${++inputsCounter}-${plan.taskId}`, source: plan.source, sets: plan.sets };
    const common = { taskId: plan.taskId, entryPoint: plan.entryPoint, inputs, compare };
    let expected;
    try {
      expected = await pool.expect({ ...common, canonical, limitMs: CANONICAL_LIMIT_MS, budgetMs: CANONICAL_BUDGET_MS }, { signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new CanonicalError(errorMessage(error));
    }
    const canonicalProblems = expected.errors.flatMap((e, i) => (e === null ? [] : [`input #${i}: ${e}`]));
    const spec: TestSpec = { kind: 'io', ...common, atol: plan.atol, expected };
    return { spec, limitsMs: timeLimitsFromCanonical(expected.ms, rule), canonicalMs: expected.ms, canonicalProblems };
  }
  const spec: TestSpec =
    plan.kind === 'assert' ? { kind: 'assert', setup: plan.setup, asserts: plan.asserts } : { kind: 'check', test: plan.test, entryPoint: plan.entryPoint };
  const result = await pool.score({ code: canonical, tests: spec, compare, limitMs: CANONICAL_LIMIT_MS, budgetMs: CANONICAL_BUDGET_MS }, { signal });
  const canonicalMs = result.tests.map((t) => t.ms);
  const canonicalProblems = result.tests.flatMap((t, i) => (t.status === 'pass' ? [] : [`test #${i} ${t.status}: ${t.message}`]));
  return { spec, limitsMs: timeLimitsFromCanonical(canonicalMs, rule), canonicalMs, canonicalProblems };
}

/**
 * Wall-time budget of one candidate. Each test already has its own limit (the paper's rule), so the budget only
 * guards against runaway overheads: twice every limit plus a minute, so that interrupt latency on a loaded
 * machine never cuts a candidate's last tests short.
 */
export function candidateBudgetMs(limitsMs: readonly number[]): number {
  return 2 * limitsMs.reduce((a, b) => a + b, 0) + 60_000;
}
