// The paper's per-test time limits: max(0.1 s, 4 x the canonical solution's time on that test).
import type { TestResult } from './types';

export interface TimeLimitRule {
  /** Floor in ms (paper: 100). */
  minMs: number;
  /** Multiple of the canonical time (paper: 4). */
  factor: number;
}

export const PAPER_TIME_LIMITS: TimeLimitRule = { minMs: 100, factor: 4 };

/** Per-test limits (ms) from the canonical solution's per-test times (ms). */
export function timeLimitsFromCanonical(canonicalMs: readonly number[], rule: TimeLimitRule = PAPER_TIME_LIMITS): number[] {
  return canonicalMs.map((ms) => Math.max(rule.minMs, rule.factor * (Number.isFinite(ms) ? ms : 0)));
}

/** Fraction of tests passed; 0 when there are none. */
export function passFraction(tests: readonly TestResult[]): number {
  if (tests.length === 0) return 0;
  let passed = 0;
  for (const t of tests) if (t.status === 'pass') passed++;
  return passed / tests.length;
}
