// `verifier-lab run RUN.jsonl DATASET`: runs or resumes a stored run (the app's export, `score --run`, or an
// earlier `run`) on the shared run loop: pending generations through its OpenAI-compatible endpoint, then every
// candidate; the run file is updated in place, so the app can import it back as the same run.
import { rename, writeFile } from 'node:fs/promises';
import { formatEvalFile } from '../../core/run/eval-file-write';
import { predictionMethod, verifierKind } from '../../core/verifiers/verifier-kind';
import { pendingWork, planRun } from '../../core/run/orchestration/work-plan';
import { generationSlot } from '../../core/run/run-progress';
import type { Run } from '../../core/run/run-types';
import { createOpenAiCompatibleGenerator, type HttpDeps } from '../../llm/openai-compatible';
import type { TestGenerator } from '../../llm/generator';
import type { Dataset } from '../../core/dataset/types';
import type { RunStore } from '../../core/run/run-store';
import { openAiGeneratorConfig } from '../../run/generator-config';
import { fileArgs, parseCommandArgs } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import { driveRun, runSolutions } from '../drive-run';
import { printRefineReport } from '../refine-report';
import { feedbackModelRun, refineVerifier } from '../../core/refine/refine-run';
import { batchReport, targetViews } from '../../core/refine/refine-run-view';
import { ilfRecordsOfRun } from '../../core/refine/run-ilf';
import { ilfLine } from '../../core/refine/ilf-record';
import { formatMetricsTable, metricsJson } from '../format-metrics';
import { openJsonlRunStore } from '../jsonl-run-store';
import { readDatasetInput } from '../read-dataset-file';
import { type EngineCommandDeps, REMEASURE_HELP, engineCommand, workersOption } from './engine-options';

const usage = `Usage: verifier-lab run RUN.jsonl DATASET.jsonl [--api-key-env VAR] [--workers N] [--out EVAL.jsonl] [--json]

Runs or resumes the run in RUN.jsonl (a run file: the app's "Export run", \`verifier-lab score --run\`, or an
earlier \`run\`) on its dataset, checked by sha256: the tests still to generate are asked of the run's
OpenAI-compatible endpoint, then every candidate runs, with the app's limits and run loop. RUN.jsonl is updated
in place as work finishes; import it into the app to see it there as the same run. A finished run is reported
again without running anything. Progress goes to stderr; Ctrl-C stops and keeps what is finished.

Options:
  --api-key-env VAR  read the API key from environment variable VAR (needed only when tests are to be generated)
  --workers N        Python workers (default: one per core)
${REMEASURE_HELP}
  --out FILE         write the evaluation file (one JSON line per solution, as \`verifier-lab metrics\` reads);
                     for a refinement run, its ILF export (as \`verifier-lab refine\` writes it)
  --json             print the metrics as \`verifier-lab metrics --json\` does (a refinement run: the report
                     as \`verifier-lab refine --json\` prints it)
  -h, --help         show this text

Exit codes: 0 done, 1 stopped (Ctrl-C) / failed / unexpected error, 2 bad input.
`;

export interface RunDeps extends EngineCommandDeps {
  env?: Record<string, string | undefined>;
  http?: HttpDeps;
}

export const runCommand = engineCommand(
  { name: 'run', summary: 'Run or resume a run file (the app export, score --run) on its dataset; the file is updated in place', usage, stopping: 'stopping' },
  (args, io, deps) => runRun(args, io, { ...deps, env: process.env }),
);

/** The command with injectable pool, signal, environment and HTTP (tests). */
export async function runRun(args: string[], io: CliIo, deps: RunDeps = {}): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {
    'api-key-env': { type: 'string' },
    workers: { type: 'string' },
    'remeasure-canonical': { type: 'boolean', default: false },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [runFile, datasetFile] = fileArgs(positionals, ['RUN.jsonl', 'DATASET.jsonl']) as [string, string];
  const workers = workersOption(values.workers);
  const { store, run } = await openJsonlRunStore(runFile);
  const { dataset, sha256 } = await readDatasetInput(datasetFile, { split: run.split });
  if (run.datasetSha256 !== sha256) throw new CliUsageError(`${runFile}: its run was made on another dataset (sha256 ${run.datasetSha256.slice(0, 12)}…, ${datasetFile} is ${sha256.slice(0, 12)}…)`);
  if (run.status === 'cancelled') throw new CliUsageError(`${runFile}: the run was cancelled; a cancelled run does not resume`);

  if (run.status !== 'done') {
    const pending = await generationsPending(store, run, dataset);
    const generator = pending.generations > 0 ? openGenerator(run, values['api-key-env'], deps) : null;
    const feedbackGenerator = pending.drafts ? openGenerator(feedbackModelRun(run), values['api-key-env'], deps) : null;
    io.stderr(`run: ${run.status === 'draft' ? 'starting' : 'resuming'} "${run.name}" (${run.progress.candidatesDone} of ${run.progress.candidatesTotal || '?'} candidates done)\n`);
    try {
      const stopped = await driveRun({ name: 'run', store, run, dataset, workers, remeasureCanonical: values['remeasure-canonical'], generator, feedbackGenerator, keptIn: runFile }, io, deps);
      if (stopped !== null) return stopped;
    } finally {
      await generator?.dispose?.().catch(() => {});
      await feedbackGenerator?.dispose?.().catch(() => {});
    }
  }
  if (verifierKind(run.verifier) === 'refine') return refineRunReport(store, run, dataset, values.out, values.json, io);
  const solutions = await runSolutions(store, run, dataset);
  if (values.out !== undefined) {
    const temp = `${values.out}.partial-${process.pid}`;
    await writeFile(temp, formatEvalFile(solutions, predictionMethod(verifierKind(run.verifier))), 'utf8');
    await rename(temp, values.out);
    io.stderr(`run: wrote ${solutions.length} evaluation lines to ${values.out}\n`);
  }
  const metrics = (await store.getRun(run.id))?.metrics ?? {};
  io.stdout(values.json ? `${JSON.stringify(metricsJson(metrics), null, 2)}\n` : `${run.name} (${runFile})\n\n${formatMetricsTable(metrics)}`);
  return 0;
}

/** What generation is still to make (see pendingWork). */
async function generationsPending(store: RunStore, run: Run, dataset: Dataset): Promise<{ generations: number; drafts: boolean }> {
  const plan = planRun(run.problemIds, run.verifier, dataset);
  return pendingWork(plan, new Set((await store.loadGenerations(run.id)).filter((g) => g.error === null).map((g) => generationSlot(g.taskId, g.shownRank, g.sampleIndex))));
}

/** A finished refinement run: its ILF export to --out, and the `refine` command's report. */
async function refineRunReport(store: RunStore, run: Run, dataset: Dataset, out: string | undefined, json: boolean, io: CliIo): Promise<ExitCode> {
  const refineRun = { problemIds: run.problemIds, verifier: refineVerifier(run.verifier) };
  const generations = await store.loadGenerations(run.id);
  if (out !== undefined) {
    const lines = ilfRecordsOfRun(refineRun, dataset, generations);
    const temp = `${out}.partial-${process.pid}`;
    await writeFile(temp, lines.map((l) => `${ilfLine(l)}\n`).join(''), 'utf8');
    await rename(temp, out);
    io.stderr(`run: wrote ${lines.length} refinements (ILF export) to ${out}\n`);
  }
  printRefineReport(io, batchReport(targetViews(refineRun, dataset, generations), refineRun.verifier.refine), run.split, json);
  return 0;
}

/** The run's own test generator; outside the browser only an OpenAI-compatible endpoint can generate. */
function openGenerator(run: Run, keyVar: string | undefined, deps: RunDeps): TestGenerator {
  const { verifier } = run;
  if (verifier.backend !== 'openai' || verifier.baseUrl === null) {
    throw new CliUsageError(`the run still needs tests from its ${verifier.backend} backend, which only the app can run (open the run file there)`);
  }
  const apiKey = keyVar === undefined ? undefined : deps.env?.[keyVar];
  if (keyVar !== undefined && !apiKey) throw new CliUsageError(`--api-key-env ${keyVar}: that environment variable is empty or unset`);
  return createOpenAiCompatibleGenerator(openAiGeneratorConfig(verifier, { apiKey }), { pageOrigin: null, ...deps.http });
}
