// Execution of one problem's candidates on its generated tests, in the engine pool. Under the paper's scaled
// time limits the canonical solution runs a test set first; the others then run concurrently. Each candidate's
// record is handed to `store` as soon as it finishes.
import { generatedTestPlan } from '../core/build/test-plan';
import type { ExecutionConfig } from '../core/run/run-config';
import { candidateRecord, testsOfSet } from '../core/run/orchestration/candidate-tests';
import { needsCanonicalTimes } from '../core/run/time-limits';
import { testSetOf, type PlannedProblem } from '../core/run/orchestration/work-plan';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { CandidateResult } from '../core/run/types';
import { prepareTests, type EngineCanonicalCache } from '../engine/prepare-tests';
import { firstOfSameKey } from '../core/run/same-programs';
import type { EnginePool } from '../engine/pool-types';

export interface ExecuteContext {
  runId: string;
  execution: ExecutionConfig;
  pool: EnginePool;
  canonicalCache?: EngineCanonicalCache | null;
  signal: AbortSignal;
  /** Stores a finished candidate (awaited before the next candidate of the same set counts as done). */
  store(record: CandidateRecord): Promise<void>;
}

/** A candidate that had no test to run: nothing is sent to the engine. */
function emptyResult(): CandidateResult {
  return { tests: [], passed: 0, total: 0, score: 0, compare: 'paper', uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: 0 };
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
  const finish = async (rank: number, result: CandidateResult, reusedFrom?: number) => ctx.store(candidateRecord(ctx.runId, problem.taskId, rank, result, reusedFrom));
  const { comparison: compare, timeout, budgetMs: budgetCapMs } = ctx.execution;

  await Promise.all(
    [...sets].map(async ([set, ranks]) => {
      const asserts = testsOfSet(generations, set);
      if (asserts.length === 0) return Promise.all(ranks.map((rank) => finish(rank, emptyResult())));
      // The canonical solution's times come from the rank-1 record when rank 1 runs this set and is stored;
      // otherwise from a timing run, which is rank 1's record when rank 1 runs this set.
      const ownSet = testSetOf(planned, 1) === set;
      const stored = ownSet && needsCanonicalTimes(timeout) ? done.find((r) => r.rank === 1) : undefined;
      const plan = generatedTestPlan(problem, asserts);
      const prepared = await prepareTests(ctx.pool, plan, problem.canonicalSolution, {
        compare,
        timeout,
        origin: 'generated',
        budgetCapMs,
        signal: ctx.signal,
        canonicalCache: ctx.canonicalCache ?? null,
        ...(stored ? { canonicalKnown: stored.tests } : {}),
      });
      let rest = ranks;
      if (prepared.canonical && ownSet && ranks.includes(1)) {
        await finish(1, prepared.canonical);
        rest = ranks.filter((r) => r !== 1);
      }
      const request = (rank: number) => ({ code: code(rank), tests: prepared.spec, compare, limitMs: prepared.limitsMs, budgetMs: prepared.budgetMs });
      // The same program twice (up to formatting and comments) runs once; its copies store that run's results.
      const firsts = firstOfSameKey(await ctx.pool.programKeys(rest.map(code), { signal: ctx.signal }));
      const runs = new Map<number, Promise<CandidateResult>>();
      for (const [j, rank] of rest.entries()) if (firsts[j] === j) runs.set(j, ctx.pool.score(request(rank), { signal: ctx.signal }));
      await Promise.all(
        rest.map(async (rank, j) => {
          const first = firsts[j]!;
          return finish(rank, await runs.get(first)!, first === j ? undefined : rest[first]);
        }),
      );
    }),
  );
}
