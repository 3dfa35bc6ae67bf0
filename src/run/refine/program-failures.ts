// A wrong program on its problem's ground truth: the tests it fails, as the Refine page shows them and as the
// feedback-drafting prompt quotes them. Ground truth is prepared as verification prepares it, under the run's
// comparison mode and time limits.
import type { Problem, SplitName } from '../../core/dataset/types';
import type { ExecutionConfig } from '../../core/run/run-config';
import type { TimeLimitRule } from '../../core/run/time-limits';
import type { CandidateResult } from '../../core/run/types';
import { failedTests, failuresText } from '../../core/verify/failed-tests';
import type { FailedTest } from '../../core/verify/verify-types';
import { prepareGroundTruth, scoreOnGroundTruth, type GroundTruth } from '../../engine/ground-truth';
import type { EngineCanonicalCache } from '../../engine/prepare-tests';
import type { EnginePool } from '../../engine/pool-types';

/** Failing tests kept per program (shown, and quoted to a drafting model). */
export const FAILURES_SHOWN = 5;

/** A program's result on prepared ground truth, with its first failing tests. */
export interface ProgramFailures {
  /** Fraction of ground-truth tests passed (combined as the authors did for "+" splits). */
  score: number;
  passed: number;
  total: number;
  failures: FailedTest[];
  /** The failures as prompt text (labels and messages). */
  text: string;
  /** The engine's whole result. */
  result: CandidateResult;
}

/** The per-test limit rule of an execution config: the paper's scaled rule, or a fixed limit as a floor alone. */
export function executionRule(execution: Pick<ExecutionConfig, 'timeout'>): TimeLimitRule {
  const t = execution.timeout;
  return t.kind === 'scaled' ? { minMs: t.minMs, factor: t.factor } : { minMs: t.ms, factor: 0 };
}

/** A problem's ground truth, prepared under `execution`'s comparison and limits. */
export function groundTruthOf(
  pool: EnginePool,
  problem: Problem,
  split: SplitName,
  execution: Pick<ExecutionConfig, 'timeout' | 'comparison'>,
  canonicalCache: EngineCanonicalCache | null,
  signal?: AbortSignal,
): Promise<GroundTruth> {
  return prepareGroundTruth(pool, problem, split, { compare: execution.comparison, rule: executionRule(execution), canonicalCache, ...(signal ? { signal } : {}) });
}

/** How `program` fares on `truth` (each call a clean interpreter). */
export async function programFailures(pool: EnginePool, truth: GroundTruth, program: string, signal?: AbortSignal): Promise<ProgramFailures> {
  const { result, score } = await scoreOnGroundTruth(pool, truth, program, { signal });
  const failures = failedTests(result.tests, FAILURES_SHOWN);
  return { score: score.score, passed: score.passed, total: score.total, failures, text: failuresText(truth.plan, failures), result };
}
