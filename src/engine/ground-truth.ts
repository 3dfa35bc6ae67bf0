// A problem's ground truth made ready once (the plan, the canonical run, the paper's limits) and any program
// scored on it: the one path of re-verification and of re-testing refinements, so both run a program exactly
// as verification does (same sandbox, limits, comparison mode and test preparation).
import { candidateScore, type CandidateScore } from '../core/build/candidate-score';
import { datasetTestPlan } from '../core/build/test-plan';
import type { Problem, SplitName } from '../core/dataset/types';
import { candidateBudgetMs, PAPER_TIME_LIMITS, type TimeLimitRule } from '../core/run/time-limits';
import type { CandidateResult, CompareMode, TestPlan } from '../core/run/types';
import type { EnginePool } from './pool-types';
import { prepareTests, type EngineCanonicalCache, type PreparedTests } from './prepare-tests';
import { partsFor, scoreInParts } from './score-parts';

/** A problem's ground-truth tests, prepared for scoring programs. */
export interface GroundTruth {
  plan: TestPlan;
  prepared: PreparedTests;
  compare: CompareMode;
}

export interface GroundTruthOptions {
  compare: CompareMode;
  rule?: TimeLimitRule;
  canonicalCache?: EngineCanonicalCache | null;
  signal?: AbortSignal;
}

/** Plans and prepares a problem's ground truth. Throws BuildRequestError (no tests) or CanonicalError. */
export async function prepareGroundTruth(pool: EnginePool, problem: Problem, split: SplitName, options: GroundTruthOptions): Promise<GroundTruth> {
  const plan = datasetTestPlan(problem, split);
  const timeout = { kind: 'scaled' as const, ...(options.rule ?? PAPER_TIME_LIMITS) };
  const prepared = await prepareTests(pool, plan, problem.canonicalSolution, {
    compare: options.compare,
    timeout,
    origin: 'ground-truth',
    alwaysRunCanonical: true,
    canonicalCache: options.canonicalCache ?? null,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { plan, prepared, compare: options.compare };
}

/** One program scored on prepared ground truth: the engine's result and the authors' score of it. */
export interface GroundTruthScore {
  result: CandidateResult;
  score: CandidateScore;
}

export interface ScoreOptions {
  signal?: AbortSignal | undefined;
  /** Parts a program's tests are split into across workers (default partsFor: long worst cases only). */
  partsPerCandidate?: ((limitsMs: readonly number[], workers: number) => number) | undefined;
}

/** Runs `code` on the ground truth in the engine (each call a clean interpreter, as every pool call is). */
export async function scoreOnGroundTruth(pool: EnginePool, truth: GroundTruth, code: string, options: ScoreOptions = {}): Promise<GroundTruthScore> {
  const { prepared, compare } = truth;
  const parts = (options.partsPerCandidate ?? partsFor)(prepared.limitsMs, pool.stats().size);
  const result = await scoreInParts(pool, { code, tests: prepared.spec, compare, limitMs: prepared.limitsMs, budgetMs: prepared.budgetMs }, parts, { signal: options.signal });
  return { result, score: candidateScore(result.tests, truth.plan) };
}

/**
 * A second run of only the tests that timed out in `first`, merged into it. Each test runs on its own (fresh
 * globals, state reset between tests, as in the paper's harness), so the other tests' results stand and only
 * the ones near a limit are measured again.
 */
export async function rescoreTimeouts(pool: EnginePool, truth: GroundTruth, code: string, first: CandidateResult, options: ScoreOptions = {}): Promise<GroundTruthScore> {
  const { prepared, compare } = truth;
  const only = first.tests.flatMap((t, i) => (t.status === 'timeout' ? [i] : []));
  if (only.length === 0) return { result: first, score: candidateScore(first.tests, truth.plan) };
  const budgetMs = Math.min(prepared.budgetMs, candidateBudgetMs(only.map((i) => prepared.limitsMs[i] ?? 0)));
  const again = await pool.score({ code, tests: prepared.spec, compare, limitMs: prepared.limitsMs, budgetMs, only }, { signal: options.signal });
  const tests = first.tests.slice();
  for (const i of only) tests[i] = again.tests[i]!;
  const passed = tests.filter((t) => t.status === 'pass').length;
  const result: CandidateResult = {
    ...first,
    tests,
    passed,
    score: tests.length ? passed / tests.length : 0,
    budgetExhausted: again.budgetExhausted,
    restarts: first.restarts + again.restarts,
    ms: first.ms + again.ms,
  };
  return { result, score: candidateScore(tests, truth.plan) };
}
