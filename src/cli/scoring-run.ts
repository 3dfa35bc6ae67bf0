// What `verifier-lab reward` and `verifier-lab judge` share: a run of a scoring kind over a dataset on the shared
// run loop (no engine, no Pyodide), kept as the authors' evaluation file: each scored candidate is appended to --out
// as it finishes, a re-run with the same --out reads it back and asks only for the candidates missing, and at the
// end the file is rewritten whole in dataset order and the metrics printed as `metrics --method reward` prints them.
import { existsSync } from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dataset } from '../core/dataset/types';
import { computeMetricsBySplit } from '../core/metrics/split-metrics';
import { formatEvalFile, formatEvalLine } from '../core/run/eval-file-write';
import { EvalFileParseError } from '../core/run/eval-file-error';
import { MemoryRunStore } from '../core/run/memory-run-store';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { VerifierConfig } from '../core/run/run-config';
import { draftRun } from '../core/run/run-types';
import { PAPER_TIME_LIMITS, RUN_BUDGET_CAP_MS } from '../core/run/time-limits';
import { candidateFromSolution, EvalResumeError, resumeScoredEvalFile } from '../core/verifiers/eval-file-resume';
import { predictionMethod, verifierKind } from '../core/verifiers/verifier-kind';
import { openAiGeneratorConfig } from '../run/generator-config';
import { createOpenAiCompatibleGenerator, type HttpDeps } from '../llm/openai-compatible';
import { executeRun } from '../run/orchestrator';
import { RunStop } from '../run/run-stop';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../run/versions';
import { CliUsageError, type CliIo, type ExitCode } from './cli-io';
import { throttledProgress } from './cli-progress';
import { runSolutions } from './drive-run';
import { formatMetricsTable, metricsJson } from './format-metrics';

export interface ScoringDeps {
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  http?: HttpDeps;
}

/** One scoring command's settled inputs. */
export interface ScoringJob {
  /** The command's name: the prefix of its stderr lines. */
  name: string;
  dataset: Dataset;
  sha256: string;
  problemIds: string[];
  verifier: VerifierConfig;
  /** The API key's environment variable, if any. */
  keyVar: string | undefined;
  concurrency: number;
  out: string;
  json: boolean;
}

/** Runs (or resumes) the job; 0 done, 1 stopped (an answer without a score, an API error, Ctrl-C). */
export async function runScoringJob(job: ScoringJob, io: CliIo, deps: ScoringDeps): Promise<ExitCode> {
  const { name, dataset, out, verifier } = job;
  const apiKey = job.keyVar === undefined ? undefined : deps.env?.[job.keyVar];
  if (job.keyVar !== undefined && !apiKey) throw new CliUsageError(`--api-key-env ${job.keyVar}: that environment variable is empty or unset`);
  const execution = { comparison: 'paper' as const, timeout: { kind: 'scaled' as const, ...PAPER_TIME_LIMITS }, budgetMs: RUN_BUDGET_CAP_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
  const input = { name: `${name} ${basename(out)}`, datasetId: job.sha256, datasetSha256: job.sha256, datasetName: basename(dataset.name), split: dataset.split, problemIds: job.problemIds, verifier, execution };
  const run = draftRun(input, crypto.randomUUID(), Date.now());
  const earlier = await resumeFrom(job, run.id, io);
  const store = new MemoryRunStore({
    record: async (kind, record) => {
      if (kind !== 'result') return;
      const r = record as CandidateRecord;
      const ground = dataset.problems.find((p) => p.taskId === r.taskId)!.candidates.find((c) => c.rank === r.rank)!.score;
      await appendFile(out, `${formatEvalLine({ split: dataset.split, taskId: r.taskId, rank: r.rank, groundScore: ground, predicted: r.predicted }, 'reward')}\n`);
    },
  });
  store.add(run, [], earlier);

  const total = run.problemIds.reduce((n, id) => n + dataset.problems.find((p) => p.taskId === id)!.candidates.length, 0);
  let done = earlier.length;
  const report = throttledProgress<number>(io.stderr, (n, ms) => `${name}: ${n}/${total} candidates scored (${(ms / 1000).toFixed(1)} s)`);
  const generator = createOpenAiCompatibleGenerator(
    openAiGeneratorConfig(verifier, { apiKey, maxConcurrency: job.concurrency }),
    { pageOrigin: null, ...deps.http },
  );
  const stop = new AbortController();
  const relay = () => stop.abort(new RunStop('pause'));
  if (deps.signal?.aborted) relay();
  deps.signal?.addEventListener('abort', relay, { once: true });
  try {
    const onRecord = (record: GenerationRecord | CandidateRecord) => void ('rank' in record && report(++done, done === total));
    const outcome = await executeRun({ store, pool: null, dataset, generator, problemsInFlight: job.concurrency, onRecord }, run.id, stop.signal);
    if (outcome.status !== 'done') {
      const why = outcome.status === 'failed' ? `stopped: ${outcome.error}` : 'stopped';
      io.stderr(`${name}: ${why}\n${name}: ${done} of ${total} candidates are in ${out}; run the same command again to continue\n`);
      return 1;
    }
  } finally {
    deps.signal?.removeEventListener('abort', relay);
    await generator.dispose?.().catch(() => {});
  }

  const solutions = await runSolutions(store, run, dataset);
  const temp = `${out}.partial-${process.pid}`;
  await writeFile(temp, formatEvalFile(solutions, 'reward'), 'utf8');
  await rename(temp, out);
  io.stderr(`${name}: wrote ${solutions.length} evaluation lines to ${out}\n`);
  const metrics = computeMetricsBySplit(solutions, predictionMethod(verifierKind(verifier)));
  io.stdout(job.json ? `${JSON.stringify(metricsJson(metrics), null, 2)}\n` : `${dataset.name} scored by ${verifier.model} (${name}, method reward)\n\n${formatMetricsTable(metrics)}`);
  return 0;
}

/** The candidates an earlier run of the same command scored into `out` (the file is rewritten without a cut-off tail). */
async function resumeFrom(job: ScoringJob, runId: string, io: CliIo): Promise<CandidateRecord[]> {
  if (!existsSync(job.out)) return [];
  let resume;
  try {
    resume = resumeScoredEvalFile(await readFile(job.out, 'utf8'), job.dataset, job.dataset.split, job.problemIds);
  } catch (error) {
    if (error instanceof EvalResumeError || error instanceof EvalFileParseError) throw new CliUsageError(`${job.out}: ${error.message} (remove the file to start over)`);
    throw error;
  }
  if (resume.dropped) {
    await writeFile(`${job.out}.tmp`, resume.kept);
    await rename(`${job.out}.tmp`, job.out);
  }
  io.stderr(`${job.name}: resuming ${job.out}: ${resume.solutions.length} candidates already scored${resume.dropped ? ', a cut-off last line dropped' : ''}\n`);
  return resume.solutions.map((s) => candidateFromSolution(runId, s));
}
