// Runs the benchmark workload on an engine pool (Node or browser: no Node imports here). Each problem is
// prepared first, untimed (canonical outputs and per-test limits, as `verifier-lab build` does it), then
// every candidate is scored against its problem with a few calls in flight per worker, timed.
import { PAPER_TIME_LIMITS } from '../src/core/run/time-limits';
import { prepareTests, type PreparedTests } from '../src/engine/prepare-tests';
import type { EnginePool } from '../src/engine/pool-types';
import type { BenchProblem } from './workload';

export interface WorkloadRun {
  /** Preparing every problem (canonical runs), ms. */
  prepareMs: number;
  /** Scoring every candidate, ms: the figure behind tests/second. */
  scoreMs: number;
  tests: number;
  /** Tests passed, per problem and candidate. */
  passed: number[][];
  /** Tests that ran out of time, over all candidates. */
  timeouts: number;
}

export async function runWorkload(pool: EnginePool, problems: readonly BenchProblem[]): Promise<WorkloadRun> {
  const t0 = performance.now();
  const prepared: PreparedTests[] = [];
  for (const p of problems) prepared.push(await prepareTests(pool, p.plan, p.canonical, { compare: 'paper', timeout: { kind: 'scaled', ...PAPER_TIME_LIMITS }, origin: 'ground-truth', alwaysRunCanonical: true }));
  const t1 = performance.now();

  const jobs = problems.flatMap((p, pi) => p.candidates.map((code, ci) => ({ pi, ci, code })));
  const passed = problems.map((p) => new Array<number>(p.candidates.length).fill(0));
  let tests = 0;
  let timeouts = 0;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const { pi, ci, code } = jobs[next++]!;
      const { spec, limitsMs, budgetMs } = prepared[pi]!;
      const r = await pool.score({ code, tests: spec, compare: 'paper', limitMs: limitsMs, budgetMs });
      passed[pi]![ci] = r.passed;
      tests += r.tests.length;
      for (const t of r.tests) if (t.status === 'timeout') timeouts++;
    }
  };
  // Two calls per worker keep each one busy while the other call's result crosses back.
  await Promise.all(Array.from({ length: 2 * pool.stats().size }, lane));
  return { prepareMs: t1 - t0, scoreMs: performance.now() - t1, tests, passed, timeouts };
}
