// `verifier-lab refine DATASET ...`: refine wrong programs with feedback (from a file or drafted by a model), re-test
// every refinement on the ground truth, and write the ILF export, resumable. The loop is the app's (run/refine).
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { parseFeedbackFile } from '../../core/refine/feedback-file';
import { ilfLine, parseIlfFile, type IlfRecord } from '../../core/refine/ilf-record';
import { RefineFileError, RefineInputError } from '../../core/refine/refine-errors';
import { feedbackTargets, wrongPrograms, type RefineSettings, type RefineTarget } from '../../core/refine/refine-plan';
import { selectProblems } from '../../core/run/problem-subset';
import { createOpenAiCompatibleGenerator, type HttpDeps } from '../../llm/openai-compatible';
import { refineTemplateIssues, type RefineTemplateKind } from '../../llm/prompts/refine-messages';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE, type RefineTemplate } from '../../llm/prompts/refine-templates';
import { decodePromptTemplate } from '../../run/prompt-template-text';
import { refineVerifier } from '../../core/refine/refine-run';
import { ilfRecordOf, resumedResults, runRecordsOfIlf, targetFeedback } from '../../core/refine/run-ilf';
import { batchReport, targetViews } from '../../core/refine/refine-run-view';
import { printRefineReport } from '../refine-report';
import { MemoryRunStore } from '../../core/run/memory-run-store';
import type { GenerationRecord } from '../../core/run/run-records';
import { draftRun } from '../../core/run/run-types';
import { PAPER_TIME_LIMITS, RUN_BUDGET_CAP_MS } from '../../core/run/time-limits';
import { executeRun } from '../../run/orchestrator';
import { refineVerifierConfig } from '../../run/refine/refine-config';
import { RunStop } from '../../run/run-stop';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../../run/versions';
import { fileArgs } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import { formatElapsed } from '../cli-progress';
import { readDatasetInput } from '../read-dataset-file';
import { readInputFile } from '../read-input-file';
import { commandCanonicalCache, compareOption, engineCommand, limitRuleOptions, openPool, workersOption, type EngineCommandDeps } from './engine-options';
import { numberOption } from './generate-options';
import { refineOptions, refineUsage } from './refine-options';

export interface RefineDeps extends EngineCommandDeps {
  env?: Record<string, string | undefined>;
  http?: HttpDeps;
}

export const refineCommand = engineCommand(
  { name: 'refine', summary: 'Refine wrong programs with natural-language feedback and re-test them (ILF); resumable JSONL export', usage: refineUsage, stopping: 'stopping; finished refinements are kept in the output file' },
  (args, io, deps) => runRefine(args, io, { ...deps, env: process.env }),
);

/** The command with injectable pool, signal, environment and HTTP (tests). */
export async function runRefine(args: string[], io: CliIo, deps: RefineDeps = {}): Promise<ExitCode> {
  const { values, positionals } = refineOptions(args);
  const [file] = fileArgs(positionals, ['DATASET']) as [string];
  if (!values['base-url'] || !values.model) throw new CliUsageError('--base-url and --model are required');
  if (!values.out) throw new CliUsageError('--out OUT.jsonl is required');
  if ((values.feedback === undefined) === (values['feedback-model'] === undefined)) throw new CliUsageError('give exactly one of --feedback FILE.jsonl and --feedback-model M2');
  const keyVar = values['api-key-env'];
  const apiKey = keyVar === undefined ? undefined : deps.env?.[keyVar];
  if (keyVar !== undefined && !apiKey) throw new CliUsageError(`--api-key-env ${keyVar}: that environment variable is empty or unset`);
  const settings: RefineSettings = {
    k: numberOption('--k', values.k, 1, true),
    temperature: numberOption('--temperature', values.temperature, 0, false),
    seed: numberOption('--seed', values.seed, -(2 ** 31), true),
    baseline: values.baseline,
  };
  const maxTokens = numberOption('--max-tokens', values['max-tokens'], 1, true);
  const compare = compareOption(values.compare);
  const rule = limitRuleOptions(values['limit-floor-ms'], values['limit-factor']);
  const templates = {
    refine: values.template === undefined ? DEFAULT_REFINE_TEMPLATE : await readTemplate('--template', values.template, 'refine'),
    feedback: values['feedback-template'] === undefined ? DEFAULT_FEEDBACK_TEMPLATE : await readTemplate('--feedback-template', values['feedback-template'], 'feedback'),
  };

  // Every input is read and checked before a worker starts or a request is sent.
  const { dataset, sha256 } = await readDatasetInput(file);
  const selection = selectProblems(dataset, values.problems ?? '', 0);
  if (selection.unknown.length > 0) throw new CliUsageError(`--problems: unknown task ids ${selection.unknown.slice(0, 5).join(', ')}`);
  const targets = await chooseTargets(values.feedback, dataset, selection.ids);
  if (targets.length === 0) throw new CliUsageError('no wrong program to refine in the selected problems');
  const out = values.out;
  const verifier = refineVerifierConfig({
    backend: 'openai',
    baseUrl: values['base-url'],
    model: values.model,
    feedbackModel: values['feedback-model'] ?? null,
    ...settings,
    maxTokens,
    templates,
    targets: targets.map((t) => ({ taskId: t.taskId, rank: t.rank, ...(t.feedback ? { feedback: t.feedback } : {}) })),
  });
  const withTargets = new Set(targets.map((t) => t.taskId));
  const execution = { comparison: compare, timeout: { kind: 'scaled' as const, ...(rule ?? PAPER_TIME_LIMITS) }, budgetMs: RUN_BUDGET_CAP_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
  const input = { name: `refine ${basename(out)}`, datasetId: sha256, datasetSha256: sha256, datasetName: basename(dataset.name), split: dataset.split, problemIds: selection.ids.filter((id) => withTargets.has(id)), verifier, execution };
  const run = draftRun(input, crypto.randomUUID(), Date.now());
  const refineRun = { problemIds: run.problemIds, verifier: refineVerifier(run.verifier) };
  const earlier = await asUsage(out, async () => runRecordsOfIlf(run.id, refineRun.verifier, dataset, await readExport(out, values.model!)));
  const made = earlier.filter((g) => g.refinement).length;
  if (made > 0) io.stderr(`refine: resuming ${out}: ${made} refinements already made\n`);

  // The export file is the run: each refinement is appended as it is stored, with its program's feedback.
  const problems = new Map(dataset.problems.map((p) => [p.taskId, p]));
  const drafted: GenerationRecord[] = earlier.filter((g) => !g.refinement);
  const total = targets.length * settings.k * (settings.baseline ? 2 : 1);
  const began = Date.now();
  let count = made;
  const store = new MemoryRunStore({
    record: async (kind, record) => {
      if (kind !== 'generation') return;
      const g = record as GenerationRecord;
      if (g.error !== null) return;
      if (!g.refinement) return void drafted.push(g);
      const target = refineRun.verifier.refine.targets.find((t) => t.taskId === g.taskId && t.rank === g.shownRank)!;
      const line = ilfRecordOf(refineRun.verifier, problems.get(g.taskId)!, g, targetFeedback(target, drafted)!)!;
      await appendFile(out, `${ilfLine(line)}\n`, 'utf8');
      io.stderr(`refine: ${++count}/${total} refinements, ${line.task_id} rank ${line.rank} ${line.with_feedback ? 'with' : 'without'} feedback seed ${line.seed}: ${line.passed ? 'passed' : line.refinement === null ? 'no program' : `score ${line.score.toFixed(2)}`} (${formatElapsed(Date.now() - began)})\n`);
    },
  });
  // Programs with every refinement in OUT are done: they are not tested again.
  store.add(run, earlier, resumedResults(run.id, refineRun.verifier, earlier));

  const generator = (model: string) => createOpenAiCompatibleGenerator({ backend: 'openai-compatible', baseUrl: values['base-url']!, model, ...(apiKey ? { apiKey } : {}), maxConcurrency: 4 }, { pageOrigin: null, ...deps.http });
  const refiner = generator(values.model);
  const feedbackModel = values['feedback-model'];
  const drafter = feedbackModel === undefined ? null : feedbackModel === values.model ? refiner : generator(feedbackModel);
  const pool = (deps.createPool ?? openPool)(workersOption(values.workers));
  const stop = new AbortController();
  const relay = () => stop.abort(new RunStop('pause'));
  if (deps.signal?.aborted) relay();
  deps.signal?.addEventListener('abort', relay, { once: true });
  let outcome;
  try {
    await pool.ready();
    const canonicalCache = commandCanonicalCache(deps, values['remeasure-canonical']);
    const env = { store, pool, dataset, generator: refiner, feedbackGenerator: drafter, canonicalCache, problemsInFlight: Math.max(2, pool.stats().size) };
    outcome = await executeRun(env, run.id, stop.signal);
  } finally {
    deps.signal?.removeEventListener('abort', relay);
    await pool.close();
  }
  const generations = await store.loadGenerations(run.id);
  if (outcome.status !== 'done') {
    const refinements = generations.filter((g) => g.refinement && g.error === null);
    const why = outcome.status === 'failed' ? `stopped: ${outcome.error}` : 'stopped';
    io.stderr(`refine: ${why}\nrefine: ${refinements.length} refinements are in ${out}; run the same command to continue\n`);
    return 1;
  }
  printRefineReport(io, batchReport(targetViews(refineRun, dataset, generations), refineRun.verifier.refine), dataset.split, values.json);
  return 0;
}

/** `work`'s result; the refinement flow's input errors become CliUsageError (exit 2), prefixed with `file` when given. */
async function asUsage<T>(file: string | null, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RefineFileError || error instanceof RefineInputError) {
      throw new CliUsageError(file === null ? error.message : `${file}: ${error.message}`);
    }
    throw error;
  }
}

async function chooseTargets(feedbackFile: string | undefined, dataset: Parameters<typeof wrongPrograms>[0], ids: string[]): Promise<RefineTarget[]> {
  if (feedbackFile === undefined) return asUsage(null, () => wrongPrograms(dataset, ids));
  const text = await readInputFile(feedbackFile);
  const entries = await asUsage(feedbackFile, () => parseFeedbackFile(text));
  const selected = new Set(ids);
  return asUsage(null, () => feedbackTargets(dataset, entries).filter((t) => selected.has(t.taskId)));
}

/** The refinements an earlier run left in OUT (a line cut off by a kill is dropped and rewritten away). */
async function readExport(out: string, model: string): Promise<IlfRecord[]> {
  if (!existsSync(out)) return [];
  let text = await readFile(out, 'utf8');
  if (text !== '' && !text.endsWith('\n')) {
    text = text.slice(0, text.lastIndexOf('\n') + 1);
    await writeFile(out, text, 'utf8');
  }
  const records = await asUsage(out, () => parseIlfFile(text));
  const other = records.find((r) => r.model !== model);
  if (other) throw new CliUsageError(`${out} holds refinements by ${other.model}, not ${model}: use another --out`);
  return records;
}

async function readTemplate(option: string, path: string, kind: RefineTemplateKind): Promise<RefineTemplate> {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliUsageError(`${option}: cannot read ${path}`);
  }
  const { system, user } = decodePromptTemplate(text, 'instruction');
  const issues = refineTemplateIssues({ system, user }, kind);
  if (issues.length > 0) throw new CliUsageError(`${option} ${path}: ${issues.join('; ')}`);
  return { system, user };
}
