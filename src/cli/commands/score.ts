// `verifier-lab score DATASET.jsonl --tests TESTS.jsonl [...]`: every candidate runs on the generated tests of
// its problem through the app's run loop (the same orchestrator, limits and resume as a file run in the app,
// kept in a run file with --run); the evaluation file gets predicted = fraction passed, and the metrics print as
// `metrics` does.
import { FILE_EXTRACTION } from '../../core/tests/extract-assertions';
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { splitForDatasetName } from '../../core/dataset/split-name';
import type { Dataset } from '../../core/dataset/types';
import { executionMatrix, type MatrixProblem } from '../../core/compare/execution-matrix';
import { DEFAULT_SCALING_DRAWS, scalingCurve } from '../../core/compare/scaling';
import { SCORER_NAMES, scoreProblem, scorerMethod, type ScorerName } from '../../core/compare/scorers';
import { computeMetricsBySplit } from '../../core/metrics/split-metrics';
import { ZERO_TESTS_SCORE } from '../../core/run/orchestration/candidate-tests';
import { fileGenerations, perCandidateFile, type FileTaskTests } from '../../core/run/orchestration/file-generations';
import { PAPER_SAMPLING, type ExecutionConfig, type TimeoutPolicy, type VerifierConfig } from '../../core/run/run-config';
import { formatEvalFile } from '../../core/run/eval-file-write';
import { draftRun, type Run } from '../../core/run/run-types';
import { PAPER_TIME_LIMITS, RUN_BUDGET_CAP_MS } from '../../core/run/time-limits';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../../run/versions';
import { fileArgs, parseCommandArgs, splitOption } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import { driveRun, runSolutions } from '../drive-run';
import { alignedTable, formatMetricsTable, metricsJson } from '../format-metrics';
import { createJsonlRunStore, openJsonlRunStore, type CliRunStore } from '../jsonl-run-store';
import { readDatasetInput } from '../read-dataset-file';
import { readTestsFile } from '../read-tests-file';
import { resamplesOption, scalingOption, seedOption } from './compare-options';
import { type EngineCommandDeps, compareOption, REMEASURE_HELP, engineCommand, workersOption } from './engine-options';

const usage = `Usage: verifier-lab score DATASET.jsonl --tests TESTS.jsonl [--split S] [--out EVAL.jsonl]
                            [--scorer fraction|codet|valid-only] [--scaling K,... [--resamples B] [--seed S]] [--json]

Runs every candidate of the dataset against the generated tests given for its problem and prints the paper's
metrics (Top-1, Bottom-1, Spearman, Kendall tau-b, MAE, R^2) per split. The predicted score of a candidate is
the fraction of its problem's tests it passes; a problem with no tests scores every candidate ${ZERO_TESTS_SCORE}.
TESTS.jsonl lines: {task_id, tests: [assertion, ...]} or {task_id, response: raw model text} (assertions
extracted as for runs); lines of one task are merged. Lines with "shown_rank" > 0 (the instruction+solution
variant of \`verifier-lab generate\`) test only the candidate of that rank.
DATASET is JSON Lines (.gz accepted) or Parquet (as the Hugging Face viewer exports it; told apart by content).
Progress goes to stderr. Ctrl-C stops: without --run nothing is written; with --run the finished candidates
are kept and the same command continues.

Options:
  --tests FILE       the generated tests (required unless --run resumes; .gz accepted)
  --split S          HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO (or HE-R, HE-R+, MBPP-R, MBPP-R+);
                     default: from the file name
  --out FILE         write the evaluation file (one JSON line per solution, as \`verifier-lab metrics\` reads)
  --run FILE         keep the run in FILE (the app's run file: import it there as the same run); if FILE
                     exists, its run is resumed (--tests is then not needed) or, when done, reported again
  --compare MODE     paper (default) or evalplus (recorded; generated tests are assertions)
  --workers N        Python workers (default: one per core)
  --timeout-ms N     one fixed limit per test; default: the paper's max(100 ms, 4 x the canonical solution's
                     time on that test), the canonical solution running each test set first
${REMEASURE_HELP}
  --scorer S         fraction (default, the paper's: fraction of tests passed), codet (CodeT dual agreement:
                     candidates passing the same tests form a group scored size x tests passed, normalized per
                     problem as a reward; --out then writes reward.reward_score) or valid-only (fraction of the
                     tests the rank-1 solution passes); codet and valid-only need shared tests (not the
                     instruction+solution variant, where each candidate ran its own tests)
  --scaling K,...    add scaling curves: for each k, every metric averaged over draws of k of each problem's
                     tests without replacement (all of them when fewer); with --json each split gets
                     "scaling": {"k": {"top1", "bottom1", "spearman", "kendall", "mae", "r2"}, ...}
  --resamples B      draws per k for --scaling (default ${DEFAULT_SCALING_DRAWS})
  --seed S           PRNG seed for --scaling, 0 to 4294967295 (default 0)
  --json             print the metrics as \`verifier-lab metrics --json\` does
  -h, --help         show this text

Exit codes: 0 done, 1 stopped (Ctrl-C) / failed / unexpected error, 2 bad input.
`;

export const scoreCommand = engineCommand(
  { name: 'score', summary: 'Run every candidate on generated tests and print the metrics (optionally write the evaluation file)', usage, stopping: 'stopping' },
  runScore,
);

/** The command with injectable pool and signal (tests). */
export async function runScore(args: string[], io: CliIo, deps: EngineCommandDeps = {}): Promise<ExitCode> {
  const { values, positionals } = parseOptions(args);
  const [file] = fileArgs(positionals, ['DATASET.jsonl']) as [string];
  const resume = values.run !== undefined && existsSync(values.run);
  if (values.tests === undefined && !resume) throw new CliUsageError('--tests TESTS.jsonl is required (see --help)');
  const execution = executionConfig(compareOption(values.compare), timeoutOption(values['timeout-ms']));
  const workers = workersOption(values.workers);
  const scorer = scorerOption(values.scorer);
  const scaling = values.scaling === undefined ? null : scalingOption(values.scaling);
  if (scaling === null && (values.resamples !== undefined || values.seed !== undefined)) throw new CliUsageError('--resamples and --seed need --scaling');
  const draws = resamplesOption(values.resamples, DEFAULT_SCALING_DRAWS);
  const seed = seedOption(values.seed);

  // Read and check every input before any worker starts.
  const split = values.split === undefined ? undefined : splitOption(values.split);
  const forced = split ?? splitForDatasetName(file);
  const { dataset, sha256 } = await readDatasetInput(file, forced ? { split: forced } : {});
  const held = resume ? await resumedRun(values.run!, sha256, io) : await newRun(values.tests!, dataset, sha256, execution, values.run ?? null, io);
  const { store, run } = held;
  const shared = run.verifier.variant !== 'instruction+solution';
  if (!shared && scorer !== 'fraction') throw new CliUsageError(`--scorer ${scorer} needs candidates run on shared tests; this run gave each candidate its own tests (instruction+solution)`);

  if (run.status !== 'done') {
    const stopped = await driveRun({ name: 'score', store, run, dataset, workers, remeasureCanonical: values['remeasure-canonical'], generator: null, keptIn: values.run ?? null }, io, deps);
    if (stopped !== null) return stopped;
  }

  const results = await store.loadResults(run.id);
  const scored = dataset.problems.filter((problem) => run.problemIds.includes(problem.taskId));
  const matrix: MatrixProblem[] | null = scorer === 'fraction' && scaling === null ? null : executionMatrix(scored, results, shared);
  const scores = matrix === null || scorer === 'fraction' ? null : new Map(matrix.map((m) => [m.taskId, scoreProblem(m, scorer)]));
  const method = scorerMethod(scorer);
  const position = new Map(scored.map((p) => [p.taskId, new Map(p.candidates.map((c, i) => [c.rank, i]))]));
  const solutions = (await runSolutions(store, run, dataset)).map((s) => (scores === null ? s : { ...s, predicted: scores.get(s.taskId)![position.get(s.taskId)!.get(s.rank)!]! }));
  if (values.out !== undefined) {
    const temp = `${values.out}.partial-${process.pid}`;
    await writeFile(temp, formatEvalFile(solutions, method), 'utf8');
    await rename(temp, values.out);
    io.stderr(`score: wrote ${solutions.length} evaluation lines to ${values.out}\n`);
  }
  const metrics = computeMetricsBySplit(solutions, method);
  const source = values.tests ?? values.run;
  const curve = scaling === null ? null : scalingCurve(run.split, matrix!, scaling, { draws, seed, scorer });
  const scorerNote = scorer === 'fraction' ? '' : ` (scorer ${scorer})`;
  if (curve === null) {
    io.stdout(values.json ? `${JSON.stringify(metricsJson(metrics), null, 2)}\n` : `${file} scored with ${source}${scorerNote}\n\n${formatMetricsTable(metrics)}`);
    return 0;
  }
  const scalingJson = Object.fromEntries([...curve].map(([k, point]) => [String(k), point]));
  if (values.json) {
    const json = Object.fromEntries(Object.entries(metricsJson(metrics)).map(([split, m]) => [split, { ...m, scaling: scalingJson }]));
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const names = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const;
    const rows = [...curve].map(([k, point]) => [String(k), ...names.map((name) => point[name].toFixed(4))]);
    const about = `${run.split}: mean over ${draws} draws of k tests per problem (seed ${seed})`;
    io.stdout(`${file} scored with ${source}${scorerNote}\n\n${formatMetricsTable(metrics)}\n${about}\n\n${alignedTable(['k', ...names], rows)}`);
  }
  return 0;
}

/** A new run of every problem on the tests file, its tests stored as finished generations. */
async function newRun(testsFile: string, dataset: Dataset, sha256: string, execution: ExecutionConfig, path: string | null, io: CliIo): Promise<CliRunStore> {
  const byTask = await readTestsFile(testsFile, dataset, io.stderr);
  const untested = dataset.problems.filter((p) => !hasTests(byTask.get(p.taskId))).length;
  if (untested > 0) io.stderr(`score: ${untested} of ${dataset.problems.length} problems have no tests; their candidates score ${ZERO_TESTS_SCORE}\n`);
  const verifier: VerifierConfig = {
    backend: 'file',
    model: basename(testsFile),
    baseUrl: null,
    fileName: basename(testsFile),
    variant: perCandidateFile(byTask) ? 'instruction+solution' : 'instruction',
    testsPerProblem: Math.max(1, ...[...byTask.values()].flatMap((sets) => [...sets.values()].map((s) => s.tests.length))),
    samplesPerProblem: 1,
    sampling: { ...PAPER_SAMPLING },
    promptTemplate: '',
    fencedFallback: FILE_EXTRACTION.fencedFallback,
  };
  const problemIds = dataset.problems.map((p) => p.taskId);
  const input = { name: `${basename(dataset.name)} scored with ${basename(testsFile)}`, datasetId: sha256, datasetSha256: sha256, datasetName: basename(dataset.name), split: dataset.split, problemIds, verifier, execution };
  const now = Date.now();
  const run: Run = draftRun(input, crypto.randomUUID(), now);
  const ranks = new Map(dataset.problems.map((p) => [p.taskId, p.candidates.map((c) => c.rank)]));
  const generations = fileGenerations(run.id, (id) => ranks.get(id) ?? [], problemIds, byTask, { model: verifier.model, sampling: verifier.sampling, startedAt: now });
  return createJsonlRunStore(path, run, generations);
}

/** The run kept in `path` by an earlier `score --run`, checked against the dataset given now. */
async function resumedRun(path: string, sha256: string, io: CliIo): Promise<CliRunStore> {
  const held = await openJsonlRunStore(path);
  const { run } = held;
  if (run.datasetSha256 !== sha256) throw new CliUsageError(`${path}: its run was made on another dataset (sha256 ${run.datasetSha256.slice(0, 12)}…, this one is ${sha256.slice(0, 12)}…)`);
  if (run.status === 'cancelled') throw new CliUsageError(`${path}: its run was cancelled; remove the file to score again`);
  io.stderr(`score: ${run.status === 'done' ? 'reporting' : 'resuming'} the run in ${path} (${run.progress.candidatesDone} of ${run.progress.candidatesTotal} candidates done)\n`);
  return held;
}

function hasTests(sets: FileTaskTests | undefined): boolean {
  return sets !== undefined && [...sets.values()].some((s) => s.tests.length > 0);
}


function scorerOption(text: string | undefined): ScorerName {
  const scorer = SCORER_NAMES.find((name) => name === (text ?? 'fraction'));
  if (scorer === undefined) throw new CliUsageError(`--scorer must be ${SCORER_NAMES.join(', ')} (got "${text}")`);
  return scorer;
}

function executionConfig(comparison: ExecutionConfig['comparison'], timeout: TimeoutPolicy): ExecutionConfig {
  return { comparison, timeout, budgetMs: RUN_BUDGET_CAP_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
}

function timeoutOption(text: string | undefined): TimeoutPolicy {
  if (text === undefined) return { kind: 'scaled', ...PAPER_TIME_LIMITS };
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms < 1 || ms > 600_000) throw new CliUsageError(`--timeout-ms must be a number of milliseconds from 1 to 600000 (got "${text}")`);
  return { kind: 'fixed', ms };
}



function parseOptions(args: string[]) {
  return parseCommandArgs(args, {
    tests: { type: 'string' },
    split: { type: 'string' },
    out: { type: 'string' },
    run: { type: 'string' },
    compare: { type: 'string', default: 'paper' },
    workers: { type: 'string' },
    'remeasure-canonical': { type: 'boolean', default: false },
    'timeout-ms': { type: 'string' },
    json: { type: 'boolean', default: false },
    scorer: { type: 'string' },
    scaling: { type: 'string' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
  });
}
