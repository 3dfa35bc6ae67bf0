// Per-test limits of generated tests under a run's timeout policy. The paper's rule scales each test's limit
// with the canonical solution's time on that same test, so the canonical runs that test set first.
import type { TimeoutPolicy } from '../run-config';
import { timeLimitsFromCanonical } from '../time-limits';
import type { TestResult } from '../types';

/**
 * Limit of each test while timing the canonical solution under the 'scaled' policy. A reference solution runs
 * a benchmark test in milliseconds; a generated test that needs more is treated as too heavy (it then gets
 * factor x this limit for the candidates, and usually fails on the canonical solution too).
 */
export const CANONICAL_TIMING_LIMIT_MS = 2000;

/** True when the candidates of a test set must wait for the canonical solution's times. */
export function needsCanonicalTimes(policy: TimeoutPolicy): boolean {
  return policy.kind === 'scaled';
}

/** Limit(s) for running a test set: fixed, or scaled from the canonical solution's per-test results. */
export function testLimits(policy: TimeoutPolicy, canonical: readonly TestResult[] | null): number | number[] {
  if (policy.kind === 'fixed') return policy.ms;
  if (canonical === null) return CANONICAL_TIMING_LIMIT_MS;
  return timeLimitsFromCanonical(
    canonical.map((t) => t.ms),
    { minMs: policy.minMs, factor: policy.factor },
  );
}
