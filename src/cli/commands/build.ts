// `verifier-lab build BENCHMARK --pool POOL... --split base|plus --out FILE`: the paper's ranking-set method on
// any benchmark with ground truth and any pool of candidate solutions; writes official-schema lines.
import { rename, writeFile } from 'node:fs/promises';
import { BuildInputError, BuildRequestError } from '../../core/build/build-errors';
import { parseBenchmarkText } from '../../core/build/benchmark-read';
import { rankingSetStats, type RankingSetStats } from '../../core/build/dataset-stats';
import { joinPool, type JoinReport } from '../../core/build/pool-join';
import { parsePoolText } from '../../core/build/pool-read';
import { parsePromptMapText } from '../../core/build/prompt-map';
import { outputSplit } from '../../core/build/test-plan';
import type { Benchmark, BuildSplit, PoolLine } from '../../core/build/types';
import { parseDatasetText } from '../../core/dataset/parse-dataset';
import { buildRankingSets, buildTotals, type BuildProgress, type BuildResult } from '../../build/build-ranking-sets';
import { CancelledError } from '../cli-cancel';
import { fileArgs, parseCommandArgs } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import { formatElapsed, throttledProgress } from '../cli-progress';
import { readInputFile } from '../read-input-file';
import { type EngineCommandDeps, commandCanonicalCache, compareOption, limitRuleOptions, openPool, REMEASURE_HELP, engineCommand, workersOption } from './engine-options';

const usage = `Usage: verifier-lab build BENCHMARK --pool POOL [--pool POOL...] --split base|plus --out FILE [options]

Builds ranking sets with the paper's method: scores every distinct pool candidate on the benchmark's
ground truth (per-test limits max(0.1 s, 4 x canonical time)), drops candidates whose every test errored,
puts the canonical solution at rank 1, dedupes by rounded score (fastest kept), keeps up to 5 spread over
the score range, and writes official-schema JSON lines (loadable by the app and "verifier-lab verify").

BENCHMARK: HumanEval, HumanEval+, MBPP or MBPP+ in their public JSONL formats (.gz accepted), or a ranking
set in the official schema (its rank-1 solutions become the canonical ones).
POOL lines: {task_id, code} or {task_id, solution} (a complete program), {task_id | prompt, completion}
(a body continuing the prompt), {prompt, samples: [body, ...]} (CodeT). Lines join on task_id (also
respelt: Mbpp/2 = MBPP/2 = mbpp_2_name), else on the exact prompt text, else through --prompt-map.

Options:
  --pool FILE          a candidate pool (repeatable; candidates identical to earlier ones are scored once)
  --split base|plus    base tests only, or base + plus inputs (HE-R+ / MBPP-R+)
  --out FILE           where to write the JSONL (written only when the build completes)
  --prompt-map FILE    JSONL with task_id and prompt pairs for pools keyed by a different prompt text
  --compare MODE       io tests: paper (printed output, the authors' harness; default) or evalplus
  --size N             solutions per problem, canonical included (default 5)
  --min-solutions N    leave out problems with fewer solutions (default 2)
  --first N            only the first N benchmark problems (a documented subset)
  --tasks ID,ID        only these task ids
  --workers N          Python workers (default: one per core)
  --limit-floor-ms N   per-test time limit floor (default 100)
  --limit-factor X     per-test limit as a multiple of the canonical time (default 4)
${REMEASURE_HELP}
  --candidate-budget-s N  cap one candidate's total time; its remaining tests count as timeouts
                       (default: no cap, as in the paper; the report counts capped candidates)
  --json               print the build report as JSON on stdout
  -h, --help           show this text

Exit codes: 0 written, 1 cancelled or unexpected error, 2 bad input or nothing to write.
`;

export const buildCommand = engineCommand(
  { name: 'build', summary: 'Build ranking sets (the paper method) from a benchmark and candidate pools', usage, stopping: 'cancelling' },
  runBuild,
);

/** The command with injectable pool and signal (tests). */
export async function runBuild(args: string[], io: CliIo, deps: EngineCommandDeps = {}): Promise<ExitCode> {
  const { values, positionals } = parseOptions(args);
  const [benchmarkFile] = fileArgs(positionals, ['BENCHMARK file']) as [string];
  const pools = values.pool ?? [];
  if (pools.length === 0) throw new CliUsageError('at least one --pool FILE is required');
  if (values.out === undefined) throw new CliUsageError('--out FILE is required');
  if (values.split !== 'base' && values.split !== 'plus') throw new CliUsageError(`--split must be base or plus (got "${values.split ?? ''}")`);
  const split: BuildSplit = values.split;
  const compare = compareOption(values.compare);
  const rule = limitRuleOptions(values['limit-floor-ms'], values['limit-factor']);
  const size = wholeNumber('--size', values.size, 5, 2);
  const minSolutions = wholeNumber('--min-solutions', values['min-solutions'], 2, 1);
  const out = values.out;
  const budgetS = values['candidate-budget-s'] === undefined ? undefined : Number(values['candidate-budget-s']);
  if (budgetS !== undefined && !(budgetS > 0)) throw new CliUsageError(`--candidate-budget-s must be a positive number (got "${values['candidate-budget-s']}")`);

  let benchmark: Benchmark;
  let lines: PoolLine[] = [];
  let promptMap: Map<string, string> | undefined;
  try {
    benchmark = parseBenchmarkText(await readInputFile(benchmarkFile), benchmarkFile);
    for (const file of pools) lines = lines.concat(parsePoolText(await readInputFile(file), file));
    if (values['prompt-map'] !== undefined) promptMap = parsePromptMapText(await readInputFile(values['prompt-map']), values['prompt-map']);
    outputSplit(benchmark, split); // fails early for a split the benchmark cannot give
  } catch (error) {
    if (error instanceof BuildInputError || error instanceof BuildRequestError) throw new CliUsageError(error.message);
    throw error;
  }
  benchmark = subset(benchmark, values.first, values.tasks);

  const joined = joinPool(benchmark, lines, promptMap);
  io.stderr(formatJoin(benchmark, joined.report));
  if (joined.report.distinct === 0) throw new CliUsageError('no pool candidate joined any benchmark problem: nothing to build');

  const pool = (deps.createPool ?? openPool)(workersOption(values.workers));
  let result: BuildResult;
  try {
    const report = throttledProgress<BuildProgress>(io.stderr, (p, ms) =>
      `build: ${p.problemsDone}/${p.problemsTotal} problems, ${p.candidatesDone}/${p.candidatesTotal} candidates (${formatElapsed(ms)})`,
    );
    result = await buildRankingSets(pool, benchmark, joined.programs, {
      split,
      compare,
      rule,
      size,
      minSolutions,
      ...(budgetS === undefined ? {} : { candidateBudgetMs: budgetS * 1000 }),
      canonicalCache: commandCanonicalCache(deps, values['remeasure-canonical']),
      signal: deps.signal,
      onProgress: (p) => report(p, p.problemsDone === p.problemsTotal),
    });
  } catch (error) {
    if (deps.signal?.aborted || error instanceof CancelledError) {
      io.stderr(`build: cancelled; ${out} was not written\n`);
      return 1;
    }
    throw error;
  } finally {
    await pool.close();
  }

  const totals = buildTotals(result.problems);
  if (totals.built === 0) {
    io.stderr(formatProblems(result));
    throw new CliUsageError(`no problem has ${minSolutions} or more solutions: ${out} was not written`);
  }
  // The output must load like any official file: parse it back before writing it.
  const stats = rankingSetStats(parseDatasetText(result.text, { name: out, split: result.split }));
  const temp = `${out}.partial-${process.pid}`;
  await writeFile(temp, result.text, 'utf8');
  await rename(temp, out);

  if (values.json) {
    io.stdout(`${JSON.stringify({ out, split: result.split, compare, ms: result.ms, stats, totals, join: joined.report, problems: result.problems }, null, 2)}\n`);
  } else {
    io.stdout(formatSummary(out, result, stats, totals));
  }
  return 0;
}

function subset(benchmark: Benchmark, first: string | undefined, tasks: string | undefined): Benchmark {
  let problems = benchmark.problems;
  if (tasks !== undefined) {
    const wanted = new Set(tasks.split(',').map((t) => t.trim()).filter(Boolean));
    const missing = [...wanted].filter((t) => !problems.some((p) => p.taskId === t));
    if (missing.length > 0) throw new CliUsageError(`--tasks: no such task id in the benchmark: ${missing.join(', ')}`);
    problems = problems.filter((p) => wanted.has(p.taskId));
  }
  if (first !== undefined) problems = problems.slice(0, wholeNumber('--first', first, problems.length, 1));
  return { ...benchmark, problems };
}

function formatJoin(benchmark: Benchmark, r: JoinReport): string {
  const rules = Object.entries(r.matched).filter(([, n]) => n > 0).map(([rule, n]) => `${n} by ${rule}`).join(', ');
  const lines = [
    `build: ${benchmark.name}: ${benchmark.problems.length} problems (${benchmark.kind})`,
    `build: pool: ${r.lines} lines, ${r.candidates} candidates; joined ${rules || 'none'}; ${r.unmatched.length} lines unmatched`,
    `build: ${r.distinct} distinct programs for ${r.problemsWithCandidates} problems (${r.duplicates} duplicates, ${r.empty} empty dropped)`,
  ];
  if (r.unmatched.length > 0) {
    const first = r.unmatched.slice(0, 3).map((u) => `${u.file}:${u.line} (${u.key})`).join(', ');
    lines.push(`build: unmatched, e.g. ${first}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatProblems(result: BuildResult): string {
  return result.problems
    .filter((p) => p.status !== 'built')
    .map((p) => `build: ${p.taskId}: ${p.status}${p.reason ? ` (${p.reason})` : ''}\n`)
    .join('');
}

function formatSummary(out: string, result: BuildResult, stats: RankingSetStats, totals: ReturnType<typeof buildTotals>): string {
  const canonicalIssues = result.problems.filter((p) => p.canonicalProblems.length > 0).length;
  return [
    `Wrote ${out} (${result.split}) in ${formatElapsed(result.ms)}`,
    '',
    `problems     ${stats.problems} built, ${totals.tooFew} with too few solutions, ${totals.skipped} skipped`,
    `solutions    ${stats.solutions} (canonical included)`,
    `avg score    ${stats.avgScore.toFixed(2)}`,
    `avg tests    ${stats.avgTests.toFixed(1)}`,
    `candidates   ${totals.candidates} distinct scored, ${totals.allErrored} dropped (every test errored)`,
    ...(totals.sameProgram > 0 ? [`same program ${totals.sameProgram} not scored: the same program as another candidate up to formatting and comments`] : []),
    ...(totals.budgetExhausted > 0 ? [`cut short    ${totals.budgetExhausted} candidate(s) ran out of their time budget (remaining tests counted as timeouts)`] : []),
    ...(canonicalIssues > 0 ? [`warning      the canonical solution did not pass every test in ${canonicalIssues} problem(s) (see --json)`] : []),
    '',
  ].join('\n');
}

function wholeNumber(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new CliUsageError(`${name} must be a whole number >= ${min} (got "${text}")`);
  return n;
}

function parseOptions(args: string[]) {
  return parseCommandArgs(args, {
    pool: { type: 'string', multiple: true },
    split: { type: 'string' },
    out: { type: 'string' },
    'prompt-map': { type: 'string' },
    compare: { type: 'string', default: 'paper' },
    size: { type: 'string' },
    'min-solutions': { type: 'string' },
    first: { type: 'string' },
    tasks: { type: 'string' },
    workers: { type: 'string' },
    'remeasure-canonical': { type: 'boolean', default: false },
    'limit-floor-ms': { type: 'string' },
    'limit-factor': { type: 'string' },
    'candidate-budget-s': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
}
