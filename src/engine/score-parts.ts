// One candidate's tests split over several workers: contiguous parts run as separate pool calls (each in its
// own clean interpreter, as every call is) and their results are put back in test order. Used where a
// candidate's tests are many (HE-R+ has ~760 per candidate), so that the last, slowest candidates of a job do
// not leave the other workers idle. Each part's budget follows the candidate-budget rule on its own tests,
// never beyond the whole candidate's.
import { candidateBudgetMs } from '../core/run/time-limits';
import type { CandidateResult, ScoreRequest } from '../core/run/types';
import { testCount } from './harness-reply';
import type { CallOptions, EnginePool } from './pool-types';

/** Worst-case time (the sum of its tests' limits) that earns a part of its own: a candidate that may run this
 *  long can hold a worker at the end of a job while the others idle; below it a call's fixed cost (a few ms)
 *  outweighs the balance gained. */
export const PART_LIMIT_SUM_MS = 10_000;

/** How many parts a candidate with these per-test limits gets on a pool of `workers`. */
export function partsFor(limitsMs: readonly number[], workers: number): number {
  const sum = limitsMs.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.min(workers, limitsMs.length, Math.floor(sum / PART_LIMIT_SUM_MS)));
}

/** Contiguous [start, end) ranges covering 0..n-1 in `parts` near-equal pieces. */
export function partRanges(n: number, parts: number): { start: number; end: number }[] {
  const k = Math.max(1, Math.min(parts, n));
  return Array.from({ length: k }, (_, i) => ({ start: Math.floor((i * n) / k), end: Math.floor(((i + 1) * n) / k) }));
}

/** Scores `request` in `parts` parallel calls (one call when parts <= 1) and returns the candidate's result. */
export async function scoreInParts(pool: EnginePool, request: ScoreRequest, parts: number, options: CallOptions = {}): Promise<CandidateResult> {
  const n = testCount(request.tests);
  const ranges = partRanges(n, parts);
  if (ranges.length <= 1) return pool.score(request, options);
  const limitAt = (i: number) => (Array.isArray(request.limitMs) ? (request.limitMs[i] ?? 0) : request.limitMs);
  const results = await Promise.all(
    ranges.map((part) => {
      const limits = Array.from({ length: part.end - part.start }, (_, j) => limitAt(part.start + j));
      return pool.score({ ...request, part, budgetMs: Math.min(request.budgetMs, candidateBudgetMs(limits)) }, options);
    }),
  );
  return mergeParts(results, ranges);
}

/** The parts' results as one candidate's. */
export function mergeParts(results: readonly CandidateResult[], ranges: readonly { start: number; end: number }[]): CandidateResult {
  const first = results[0]!;
  const tests = first.tests.slice();
  results.forEach((r, p) => {
    for (let i = ranges[p]!.start; i < ranges[p]!.end; i++) tests[i] = r.tests[i]!;
  });
  const passed = tests.filter((t) => t.status === 'pass').length;
  return {
    tests,
    passed,
    total: tests.length,
    score: tests.length ? passed / tests.length : 0,
    compare: first.compare,
    uncompilable: first.uncompilable,
    compileError: results.find((r) => r.compileError !== null)?.compileError ?? null,
    budgetExhausted: results.some((r) => r.budgetExhausted),
    restarts: results.reduce((s, r) => s + r.restarts, 0),
    ms: Math.max(...results.map((r) => r.ms)),
  };
}
