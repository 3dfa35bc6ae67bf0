// `verifier-lab score DATASET.jsonl --tests TESTS.jsonl [...]`: every candidate runs on the generated tests of
// its problem through the run orchestrator's own execution step (so the CLI scores exactly as a file run in
// the app does); the evaluation file gets predicted = fraction passed, and the metrics print as `metrics` does.
import { rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { splitForDatasetName } from '../../core/dataset/split-name';
import type { Dataset, Problem, SplitName } from '../../core/dataset/types';
import { computeMetricsBySplit } from '../../core/metrics/split-metrics';
import type { ScoredSolution } from '../../core/metrics/types';
import { ZERO_TESTS_SCORE } from '../../core/run/orchestration/candidate-tests';
import type { PlannedProblem } from '../../core/run/orchestration/work-plan';
import { PAPER_SAMPLING, type ExecutionConfig, type TimeoutPolicy } from '../../core/run/run-config';
import { formatEvalFile } from '../../core/run/eval-file-write';
import { NO_CANDIDATE, type CandidateRecord, type GenerationRecord } from '../../core/run/run-records';
import { PAPER_TIME_LIMITS } from '../../core/run/time-limits';
import { parseGeneratedTests, TestFileParseError, type ImportedTestFile } from '../../llm/from-file';
import { eachLimited } from '../../build/each-limited';
import { executeProblem } from '../../run/execute-problem';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../../run/versions';
import type { EnginePool } from '../../engine/pool-types';
import { CancelledError, withSigint } from '../cli-cancel';
import { CliUsageError, type CliCommand, type CliIo, type ExitCode } from '../cli-io';
import { formatElapsed, throttledProgress } from '../cli-progress';
import { formatMetricsTable, metricsJson } from '../format-metrics';
import { readDatasetFile } from '../read-dataset-file';
import { readInputFile } from '../read-input-file';
import { compareOption, openPool, workersOption } from './engine-options';
import { errorMessage } from '../../core/error-message';

/** The app's per-candidate budget for runs (src/state/runs-form.svelte.ts). */
const BUDGET_MS = 120_000;
const RUN_ID = 'cli-score';

const usage = `Usage: verifier-lab score DATASET.jsonl --tests TESTS.jsonl [--split S] [--out EVAL.jsonl] [--json]

Runs every candidate of the dataset against the generated tests given for its problem and prints the paper's
metrics (Top-1, Bottom-1, Spearman, Kendall tau-b, MAE, R^2) per split. The predicted score of a candidate is
the fraction of its problem's tests it passes; a problem with no tests scores every candidate ${ZERO_TESTS_SCORE}.
TESTS.jsonl lines: {task_id, tests: [assertion, ...]} or {task_id, response: raw model text} (assertions
extracted as for runs); lines of one task are merged. Lines with "shown_rank" > 0 (the instruction+solution
variant of \`verifier-lab generate\`) test only the candidate of that rank.
DATASET is JSON Lines (.gz accepted) or Parquet (as the Hugging Face viewer exports it; told apart by content).
Progress goes to stderr; Ctrl-C cancels without writing anything.

Options:
  --tests FILE       the generated tests (required; .gz accepted)
  --split S          HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO (or HE-R, HE-R+, MBPP-R, MBPP-R+);
                     default: from the file name
  --out FILE         write the evaluation file (one JSON line per solution, as \`verifier-lab metrics\` reads)
  --compare MODE     paper (default) or evalplus (recorded; generated tests are assertions)
  --workers N        Python workers (default: cores - 1)
  --timeout-ms N     one fixed limit per test; default: the paper's max(100 ms, 4 x the canonical solution's
                     time on that test), the canonical solution running each test set first
  --json             print the metrics as \`verifier-lab metrics --json\` does
  -h, --help         show this text

Exit codes: 0 done, 1 cancelled / unexpected error, 2 bad input.
`;

export interface ScoreDeps {
  createPool?: (workers: number | undefined) => EnginePool;
  signal?: AbortSignal;
}

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'Run every candidate on generated tests and print the metrics (optionally write the evaluation file)',
  usage,
  run: (args, io) => withSigint(() => io.stderr('score: cancelling...\n'), (signal) => runScore(args, io, { signal })),
};

/** The command with injectable pool and signal (tests). */
export async function runScore(args: string[], io: CliIo, deps: ScoreDeps = {}): Promise<ExitCode> {
  const { values, positionals } = parseOptions(args);
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(`expected one DATASET.jsonl, got ${positionals.length} (see --help)`);
  if (values.tests === undefined) throw new CliUsageError('--tests TESTS.jsonl is required (see --help)');
  const execution = executionConfig(compareOption(values.compare), timeoutOption(values['timeout-ms']));
  const workers = workersOption(values.workers);

  // Read and check both inputs before any worker starts.
  const [file] = positionals as [string];
  const dataset = await readDataset(file, values.split === undefined ? undefined : splitOption(values.split));
  const tests = await readTests(values.tests, dataset, io.stderr);
  const plans = dataset.problems.map((problem) => planOf(problem, tests.get(problem.taskId)));
  const untested = plans.filter((p) => p.generations.every((g) => g.tests.length === 0)).length;
  if (untested > 0) io.stderr(`score: ${untested} of ${plans.length} problems have no tests; their candidates score ${ZERO_TESTS_SCORE}\n`);

  const pool = (deps.createPool ?? openPool)(workers);
  const records = new Map<string, CandidateRecord>();
  const signal = deps.signal ?? new AbortController().signal;
  const total = plans.reduce((n, p) => n + p.planned.ranks.length, 0);
  let testsRun = 0;
  let report: (done: number, force?: boolean) => void = () => {};
  try {
    // Rates and ETA count from the moment the workers are ready, not from Pyodide's start-up.
    const started = Date.now();
    await pool.ready();
    io.stderr(`score: ${pool.stats().size} worker(s) ready in ${formatElapsed(Date.now() - started)}\n`);
    report = throttledProgress<number>(io.stderr, (done, ms) => progressLine(done, total, testsRun, ms));
    const lanes = Math.max(2, 2 * pool.stats().size);
    await eachLimited(plans, lanes, async ({ planned, generations }) => {
      const ctx = {
        runId: RUN_ID,
        execution,
        pool,
        signal,
        store: async (record: CandidateRecord) => {
          records.set(`${record.taskId}\u0000${record.rank}`, record);
          testsRun += record.total;
          report(records.size, records.size === total);
        },
      };
      await executeProblem(ctx, planned, generations, planned.ranks, []);
    }, signal);
  } catch (error) {
    if (signal.aborted || error instanceof CancelledError) {
      io.stderr(`score: cancelled; nothing was written\n`);
      return 1;
    }
    throw error;
  } finally {
    await pool.close();
  }

  const solutions: ScoredSolution[] = dataset.problems.flatMap((problem) =>
    problem.candidates.map((c) => ({
      split: dataset.split,
      taskId: problem.taskId,
      rank: c.rank,
      groundScore: c.score,
      predicted: recordOf(records, problem.taskId, c.rank).predicted,
    })),
  );
  if (values.out !== undefined) {
    const temp = `${values.out}.partial-${process.pid}`;
    await writeFile(temp, formatEvalFile(solutions, 'utg'), 'utf8');
    await rename(temp, values.out);
    io.stderr(`score: wrote ${solutions.length} evaluation lines to ${values.out}\n`);
  }
  const metrics = computeMetricsBySplit(solutions, 'utg');
  io.stdout(values.json ? `${JSON.stringify(metricsJson(metrics), null, 2)}\n` : `${file} scored with ${values.tests}\n\n${formatMetricsTable(metrics)}`);
  return 0;
}

function recordOf(records: ReadonlyMap<string, CandidateRecord>, taskId: string, rank: number): CandidateRecord {
  const record = records.get(`${taskId}\u0000${rank}`);
  if (record === undefined) throw new Error(`no result for ${taskId} rank ${rank}`);
  return record;
}

function executionConfig(comparison: ExecutionConfig['comparison'], timeout: TimeoutPolicy): ExecutionConfig {
  return { comparison, timeout, budgetMs: BUDGET_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
}

function timeoutOption(text: string | undefined): TimeoutPolicy {
  if (text === undefined) return { kind: 'scaled', ...PAPER_TIME_LIMITS };
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms < 1 || ms > 600_000) throw new CliUsageError(`--timeout-ms must be a number of milliseconds from 1 to 600000 (got "${text}")`);
  return { kind: 'fixed', ms };
}

async function readDataset(file: string, split: SplitName | undefined): Promise<Dataset> {
  const forced = split ?? splitForDatasetName(file);
  return readDatasetFile(file, forced ? { split: forced } : {});
}


/** Tests of one task: shownRank -> assertions (NO_CANDIDATE: shared by every candidate). */
type TaskTests = Map<number, string[]>;

/**
 * Reads the tests file with the importer (every error names its line). Lines whose "shown_rank" is a candidate
 * rank test only that candidate: each rank's lines go through the importer again, the others blanked out.
 */
async function readTests(file: string, dataset: Dataset, warn: (text: string) => void): Promise<Map<string, TaskTests>> {
  const text = await readInputFile(file);
  const options = { promptToTaskId: new Map(dataset.problems.map((p) => [p.prompt, p.taskId])) };
  const parse = (body: string) => {
    try {
      return parseGeneratedTests(body, options);
    } catch (error) {
      if (error instanceof TestFileParseError) throw new CliUsageError(`${file}: ${error.message}`);
      throw error;
    }
  };
  const whole = parse(text);
  const lines = text.split('\n');
  const shownOf = lines.map((raw, i) => (raw.trim() === '' ? NO_CANDIDATE : shownRankOf(JSON.parse(raw), file, i + 1)));
  const groups = new Map<number, ImportedTestFile>();
  if (shownOf.every((s) => s === NO_CANDIDATE)) groups.set(NO_CANDIDATE, whole);
  else for (const shown of new Set(shownOf)) groups.set(shown, parse(lines.map((raw, i) => (shownOf[i] === shown ? raw : '')).join('\n')));

  const known = new Set(dataset.problems.map((p) => p.taskId));
  const unknown = whole.problems.filter((p) => !known.has(p.taskId)).map((p) => p.taskId);
  if (unknown.length === whole.problems.length) throw new CliUsageError(`${file}: none of its ${unknown.length} tasks is a problem of ${dataset.name} (first: ${unknown[0] ?? 'none'})`);
  if (unknown.length > 0) warn(`score: ${unknown.length} task(s) of ${file} are not in ${dataset.name}, ignored (${unknown.slice(0, 3).join(', ')})\n`);

  const byTask = new Map<string, TaskTests>();
  for (const [shown, imported] of groups) {
    for (const p of imported.problems) {
      const sets = byTask.get(p.taskId) ?? new Map<number, string[]>();
      if (sets.size > 0 && sets.has(NO_CANDIDATE) !== (shown === NO_CANDIDATE)) {
        throw new CliUsageError(`${file}: line ${p.lines[0]}: task ${p.taskId} mixes shared tests (shown_rank 0) with per-candidate tests`);
      }
      byTask.set(p.taskId, sets.set(shown, p.tests));
    }
  }
  return byTask;
}

function shownRankOf(json: { shown_rank?: unknown }, file: string, line: number): number {
  const shown = json.shown_rank ?? NO_CANDIDATE;
  if (typeof shown !== 'number' || !Number.isInteger(shown) || shown < 0) throw new CliUsageError(`${file}: line ${line}: "shown_rank" must be a whole number >= 0`);
  return shown;
}

/** A problem as the run orchestrator plans it, with its tests as one finished generation per test set. */
function planOf(problem: Problem, sets: TaskTests | undefined): { planned: PlannedProblem; generations: GenerationRecord[] } {
  const ranks = problem.candidates.map((c) => c.rank);
  const shared = sets === undefined || sets.has(NO_CANDIDATE);
  const shownRanks = shared ? [NO_CANDIDATE] : ranks;
  const generations = [...(sets ?? [])].map(([shownRank, tests]): GenerationRecord => ({
    runId: RUN_ID,
    taskId: problem.taskId,
    shownRank,
    sampleIndex: 0,
    request: { backend: 'file', model: 'file', variant: shared ? 'instruction' : 'instruction+solution', messages: [], sampling: { ...PAPER_SAMPLING } },
    rawResponse: '',
    tests,
    malformedCount: 0,
    usage: null,
    timings: { startedAt: 0, firstTokenMs: null, totalMs: 0 },
    finishReason: null,
    error: null,
  }));
  return { planned: { problem, shownRanks, samples: 1, ranks }, generations };
}

function progressLine(done: number, total: number, tests: number, ms: number): string {
  const rate = ms > 0 ? done / (ms / 1000) : 0;
  const eta = done > 0 && done < total ? `, ETA ${formatElapsed(((total - done) / rate) * 1000)}` : '';
  const testsPerSecond = ms > 0 ? Math.round(tests / (ms / 1000)) : 0;
  return `score: ${done}/${total} candidates, ${tests} tests, ${testsPerSecond} tests/s (${formatElapsed(ms)}${eta})`;
}

function splitOption(text: string): SplitName {
  const split = splitForDatasetName(text) ?? (['HE_base', 'HE_plus', 'MBPP_base', 'MBPP_plus', 'DEMO'] as const).find((s) => s === text);
  if (split === undefined) throw new CliUsageError(`--split must be HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO or a dataset name (got "${text}")`);
  return split;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        tests: { type: 'string' },
        split: { type: 'string' },
        out: { type: 'string' },
        compare: { type: 'string', default: 'paper' },
        workers: { type: 'string' },
        'timeout-ms': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new CliUsageError(errorMessage(error));
  }
}
