// Execution of one problem's candidates on its generated tests, in the engine pool. Under the paper's scaled
// time limits the canonical solution runs a test set first; the others then run concurrently. Each candidate's
// record is handed to `store` as soon as it finishes.
import type { Problem } from '../core/dataset/types';
import type { ExecutionConfig } from '../core/run/run-config';
import { candidateRecord, testsOfSet } from '../core/run/orchestration/candidate-tests';
import { needsCanonicalTimes, testLimits } from '../core/run/orchestration/time-limits-plan';
import { testSetOf, type PlannedProblem } from '../core/run/orchestration/work-plan';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { CandidateResult, ScoreRequest, TestResult } from '../core/run/types';
import type { EnginePool } from '../engine/pool-types';

export interface ExecuteContext {
  runId: string;
  execution: ExecutionConfig;
  pool: EnginePool;
  signal: AbortSignal;
  /** Stores a finished candidate (awaited before the next candidate of the same set counts as done). */
  store(record: CandidateRecord): Promise<void>;
}

/** A candidate that had no test to run: nothing is sent to the engine. */
function emptyResult(): CandidateResult {
  return { tests: [], passed: 0, total: 0, score: 0, compare: 'paper', uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: 0 };
}

function scoreRequest(problem: Problem, code: string, asserts: string[], execution: ExecutionConfig, limitMs: number | number[]): ScoreRequest {
  const setup = problem.tests.kind === 'assert' ? problem.tests.setup : '';
  return { code, tests: { kind: 'assert', setup, asserts }, compare: execution.comparison, limitMs, budgetMs: execution.budgetMs };
}

/**
 * Executes the `pending` candidate ranks of a problem. `done` holds the problem's already stored results (the
 * canonical solution's per-test times are reused from there on resume).
 */
export async function executeProblem(
  ctx: ExecuteContext,
  planned: PlannedProblem,
  generations: readonly GenerationRecord[],
  pending: readonly number[],
  done: readonly CandidateRecord[],
): Promise<void> {
  const { problem } = planned;
  const sets = new Map<number, number[]>();
  for (const rank of pending) {
    const set = testSetOf(planned, rank);
    sets.set(set, [...(sets.get(set) ?? []), rank]);
  }
  const code = (rank: number) => problem.candidates.find((c) => c.rank === rank)!.code;
  const run = async (rank: number, asserts: string[], limits: number | number[]): Promise<CandidateResult> =>
    asserts.length === 0 ? emptyResult() : ctx.pool.score(scoreRequest(problem, code(rank), asserts, ctx.execution, limits), { signal: ctx.signal });
  const finish = async (rank: number, result: CandidateResult) => ctx.store(candidateRecord(ctx.runId, problem.taskId, rank, result));

  await Promise.all(
    [...sets].map(async ([set, ranks]) => {
      const asserts = testsOfSet(generations, set);
      let canonical: TestResult[] | null = null;
      let rest = ranks;
      if (needsCanonicalTimes(ctx.execution.timeout) && asserts.length > 0) {
        // The canonical solution's record is the rank-1 result when rank 1 runs this set; otherwise a timing run.
        const ownSet = testSetOf(planned, 1) === set;
        const stored = ownSet ? done.find((r) => r.rank === 1) : undefined;
        if (stored) canonical = stored.tests;
        else {
          const timing = await run(1, asserts, testLimits(ctx.execution.timeout, null));
          canonical = timing.tests;
          if (ownSet && ranks.includes(1)) {
            await finish(1, timing);
            rest = ranks.filter((r) => r !== 1);
          }
        }
      }
      const limits = testLimits(ctx.execution.timeout, canonical);
      await Promise.all(rest.map(async (rank) => finish(rank, await run(rank, asserts, limits))));
    }),
  );
}
