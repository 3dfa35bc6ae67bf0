// Runs a stored run to its end on the shared run loop from the CLI (`score`, `run`): a Node pool, progress on
// stderr, Ctrl-C as a pause (finished work stays in the run file), and the run's solutions for the report.
import type { Dataset } from '../core/dataset/types';
import type { ScoredSolution } from '../core/metrics/types';
import type { RunStore } from '../core/run/run-store';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { Run } from '../core/run/run-types';
import type { TestGenerator } from '../llm/generator';
import { executeRun } from '../run/orchestrator';
import { isScoreKind, verifierKind } from '../core/verifiers/verifier-kind';
import { RunStop } from '../run/run-stop';
import type { CliIo, ExitCode } from './cli-io';
import { formatElapsed, throttledProgress } from './cli-progress';
import { commandCanonicalCache, openPool, type EngineCommandDeps } from './commands/engine-options';

export interface DriveRequest {
  /** The command's name, the prefix of its progress lines. */
  name: string;
  store: RunStore;
  run: Run;
  dataset: Dataset;
  workers: number | undefined;
  /** Time the canonical solutions again instead of reusing this machine's kept runs. */
  remeasureCanonical?: boolean;
  /** Needed only while generations are pending. */
  generator: TestGenerator | null;
  /** Refinement runs with feedback still to draft: the feedback model's generator. */
  feedbackGenerator?: TestGenerator | null;
  /** Where the run is kept (said when it stops), or null when it lives in memory only. */
  keptIn: string | null;
}

/** Executes or resumes the run; resolves null when it is done, else the exit code of a stop (1). Throws when it failed. */
export async function driveRun(request: DriveRequest, io: CliIo, deps: EngineCommandDeps): Promise<ExitCode | null> {
  const { name, store, run, dataset } = request;
  // Reward and judge runs execute nothing: no Pyodide starts for them.
  const pool = isScoreKind(verifierKind(run.verifier)) ? null : (deps.createPool ?? openPool)(request.workers);
  const stop = new AbortController();
  const relay = () => stop.abort(new RunStop('pause'));
  if (deps.signal?.aborted) relay();
  deps.signal?.addEventListener('abort', relay, { once: true });
  try {
    // Rates and ETA count from the moment the workers are ready, not from Pyodide's start-up.
    const started = Date.now();
    if (pool) {
      await pool.ready();
      io.stderr(`${name}: ${pool.stats().size} worker(s) ready in ${formatElapsed(Date.now() - started)}\n`);
    }
    const inRun = new Set(run.problemIds);
    const total = dataset.problems.reduce((n, p) => n + (inRun.has(p.taskId) ? p.candidates.length : 0), 0);
    let done = (await store.loadResults(run.id)).length;
    let generated = 0;
    let testsRun = 0;
    const report = throttledProgress<number>(io.stderr, (n, ms) => progressLine(name, n, total, generated, testsRun, ms));
    const onRecord = (record: GenerationRecord | CandidateRecord) => {
      if (!('rank' in record)) return void (record.error === null && generated++);
      testsRun += record.total;
      report(++done, done === total);
    };
    const problemsInFlight = pool ? Math.max(2, 2 * pool.stats().size) : 4;
    const canonicalCache = commandCanonicalCache(deps, request.remeasureCanonical);
    const outcome = await executeRun({ store, pool, dataset, generator: request.generator, feedbackGenerator: request.feedbackGenerator ?? null, canonicalCache, problemsInFlight, onRecord }, run.id, stop.signal);
    if (outcome.status === 'done') return null;
    if (outcome.status === 'failed') throw new Error(outcome.error ?? 'the run failed');
    io.stderr(request.keptIn === null ? `${name}: stopped; nothing was written\n` : `${name}: stopped; ${done} of ${total} candidates are kept in ${request.keptIn}; run the same command to continue\n`);
    return 1;
  } finally {
    deps.signal?.removeEventListener('abort', relay);
    await pool?.close();
  }
}

/** The run's candidates as evaluation lines: the dataset's ground score beside the run's prediction. */
export async function runSolutions(store: RunStore, run: Run, dataset: Dataset): Promise<ScoredSolution[]> {
  const records = new Map((await store.loadResults(run.id)).map((r) => [`${r.taskId}\u0000${r.rank}`, r]));
  const inRun = new Set(run.problemIds);
  return dataset.problems.flatMap((problem) =>
    inRun.has(problem.taskId)
      ? problem.candidates.map((c) => {
          const record = records.get(`${problem.taskId}\u0000${c.rank}`);
          if (record === undefined) throw new Error(`no result for ${problem.taskId} rank ${c.rank}`);
          return { split: run.split, taskId: problem.taskId, rank: c.rank, groundScore: c.score, predicted: record.predicted };
        })
      : [],
  );
}

function progressLine(name: string, done: number, total: number, generated: number, tests: number, ms: number): string {
  const rate = ms > 0 ? done / (ms / 1000) : 0;
  const eta = done > 0 && done < total ? `, ETA ${formatElapsed(((total - done) / rate) * 1000)}` : '';
  const testsPerSecond = ms > 0 ? Math.round(tests / (ms / 1000)) : 0;
  const generations = generated > 0 ? `${generated} test sets generated, ` : '';
  return `${name}: ${generations}${done}/${total} candidates, ${tests} tests, ${testsPerSecond} tests/s (${formatElapsed(ms)}${eta})`;
}
