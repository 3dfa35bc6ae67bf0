// The one time-limit policy of every path (build, verify, score, runs): the paper's per-test rule
// max(floor, factor x the canonical solution's time on that test), the canonical solution's own limits while it
// is timed, and the wall-time budget of one candidate. Every setting is named here and shown in the run settings.
import type { TimeoutPolicy } from './run-config';
import type { TestResult } from './types';

export interface TimeLimitRule {
  /** Floor in ms (paper: 100). */
  minMs: number;
  /** Multiple of the canonical time (paper: 4). */
  factor: number;
}

export const PAPER_TIME_LIMITS: TimeLimitRule = { minMs: 100, factor: 4 };

/** Where a problem's tests come from: the benchmark's ground truth, or a verifier (model output). */
export type TestOrigin = 'ground-truth' | 'generated';

/** Limits of the canonical solution's own run, which the candidates' limits are derived from. */
export const CANONICAL_LIMITS = {
  /** Per test on ground truth: the reference solution is trusted, so only runaway code is stopped. */
  groundTruthMs: 30_000,
  /**
   * Per test on generated tests: a reference solution runs a sensible test in milliseconds, so a generated test
   * that needs more than this is treated as broken (it gets the floor, and fails the canonical solution).
   */
  generatedMs: 2_000,
  /** The canonical solution's whole run. */
  budgetMs: 20 * 60_000,
} as const;

/**
 * A candidate's budget guards against runaway overheads only (each test has its own limit): twice every limit
 * plus a minute, so interrupt latency on a loaded machine never cuts a candidate's last tests short.
 */
export const CANDIDATE_BUDGET = { factor: 2, marginMs: 60_000 } as const;

/** A run's cap on each candidate's budget, stored in its execution config (the app's runs and `score`). */
export const RUN_BUDGET_CAP_MS = 120_000;

/** Per-test limit of the canonical solution's timing run. */
export function canonicalLimitMs(origin: TestOrigin): number {
  return origin === 'ground-truth' ? CANONICAL_LIMITS.groundTruthMs : CANONICAL_LIMITS.generatedMs;
}

/** One canonical test as timing sees it: its time, and whether it finished (not over its limit, no lost worker). */
export interface CanonicalTime {
  ms: number;
  finished: boolean;
}

/** The canonical times of a scored canonical run. */
export function canonicalTimesOf(tests: readonly TestResult[]): CanonicalTime[] {
  return tests.map((t) => ({ ms: t.ms, finished: t.status !== 'timeout' && t.status !== 'crash' }));
}

/** Per-test limits (ms) from the canonical solution's times. A test it never finished gets the floor: its time says nothing. */
export function timeLimitsFromCanonical(canonical: readonly (number | CanonicalTime)[], rule: TimeLimitRule = PAPER_TIME_LIMITS): number[] {
  return canonical.map((c) => {
    const { ms, finished } = typeof c === 'number' ? { ms: c, finished: true } : c;
    return Math.max(rule.minMs, finished && Number.isFinite(ms) ? rule.factor * ms : 0);
  });
}

/** True when candidates must wait for the canonical solution's times (the paper's scaled rule). */
export function needsCanonicalTimes(policy: TimeoutPolicy): boolean {
  return policy.kind === 'scaled';
}

/** Per-test limits of `count` tests under a run's timeout policy; `canonical` is required for the scaled rule. */
export function testLimitsMs(policy: TimeoutPolicy, count: number, canonical: readonly CanonicalTime[] | null): number[] {
  if (policy.kind === 'fixed') return new Array<number>(count).fill(policy.ms);
  if (canonical === null || canonical.length !== count) throw new RangeError(`the scaled rule needs the canonical time of each of the ${count} tests`);
  return timeLimitsFromCanonical(canonical, policy);
}

/** Wall-time budget of one candidate with these per-test limits, at most `capMs`. */
export function candidateBudgetMs(limitsMs: readonly number[], capMs = Number.POSITIVE_INFINITY): number {
  const sum = limitsMs.reduce((a, b) => a + b, 0);
  return Math.min(capMs, CANDIDATE_BUDGET.factor * sum + CANDIDATE_BUDGET.marginMs);
}
