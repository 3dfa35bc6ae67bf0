// `verifier-lab generate DATASET --base-url URL --model M --out TESTS.jsonl`: asks an OpenAI-compatible model for
// tests of every problem (or problem and candidate) and appends one line per request to TESTS.jsonl, a task's
// lines together. Re-running with the same --out resumes: finished tasks are skipped, a cut-off tail is redone.
import { existsSync } from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { MemoryRunStore } from '../../core/run/memory-run-store';
import { resumeTestsFile, testsFileLine, TestsFileResumeError } from '../../core/run/orchestration/tests-file';
import { etaSeconds, RateWindow } from '../../core/run/orchestration/throughput';
import { generationSlots, planRun } from '../../core/run/orchestration/work-plan';
import type { GenerationRecord } from '../../core/run/run-records';
import { PAPER_TIME_LIMITS, RUN_BUDGET_CAP_MS } from '../../core/run/time-limits';
import type { VerifierConfig } from '../../core/run/run-config';
import { draftRun } from '../../core/run/run-types';
import { createOpenAiCompatibleGenerator, type HttpDeps } from '../../llm/openai-compatible';
import { executeRun } from '../../run/orchestrator';
import { openAiGeneratorConfig } from '../../run/generator-config';
import { presetTemplateText } from '../../run/prompt-template-text';
import { PROMPT_PRESETS, type PromptPreset } from '../../llm/prompts/presets';
import { selectProblems } from '../../core/run/problem-subset';
import { RunStop } from '../../run/run-stop';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../../run/versions';
import { withSigint } from '../cli-cancel';
import { CliUsageError, defineCommand, type CliIo, type ExitCode } from '../cli-io';
import { readDatasetInput } from '../read-dataset-file';
import { fileArgs } from '../command-args';
import { generateUsage, generationOptions, numberOption, readTemplateOption, requestOptions } from './generate-options';

export interface GenerateDeps {
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  http?: HttpDeps;
  /** Milliseconds between progress lines (default 2000). */
  progressEveryMs?: number;
}

export const generateCommand = defineCommand(
  { name: 'generate', summary: 'Ask an OpenAI-compatible model for tests of every problem; resumable JSONL output', usage: generateUsage },
  (args, io) =>
    withSigint(
      () => io.stderr('generate: stopping; finished problems are kept in the output file\n'),
      (signal) => runGenerate(args, io, { signal, env: process.env }),
    ),
);

/** The command with injectable signal, environment and HTTP (tests). */
export async function runGenerate(args: string[], io: CliIo, deps: GenerateDeps = {}): Promise<ExitCode> {
  const { values, positionals } = generationOptions(args);
  const [file] = fileArgs(positionals, ['DATASET.jsonl']) as [string];
  if (values.backend !== 'openai') throw new CliUsageError(`--backend ${values.backend}: only "openai" (any OpenAI-compatible server) runs outside the browser`);
  if (!values['base-url'] || !values.model) throw new CliUsageError('--base-url and --model are required');
  if (!values.out) throw new CliUsageError('--out TESTS.jsonl is required');
  const variant = values.variant === 'instruction' || values.variant === 'instruction+solution' ? values.variant : null;
  if (!variant) throw new CliUsageError(`--variant must be instruction or instruction+solution (got "${values.variant}")`);
  const keyVar = values['api-key-env'];
  const apiKey = keyVar === undefined ? undefined : deps.env?.[keyVar];
  if (keyVar !== undefined && !apiKey) throw new CliUsageError(`--api-key-env ${keyVar}: that environment variable is empty or unset`);

  if (values.preset !== undefined && values.template !== undefined) throw new CliUsageError('--preset and --template: give one of them');
  // Generation does not depend on the split: a file that does not tell HE-R from HE-R+ is read as HE-R.
  const { dataset, sha256 } = await readDatasetInput(file, { ambiguousSplit: 'HE_base' });
  const seedText = values.seed;
  const verifier: VerifierConfig = {
    backend: 'openai',
    model: values.model,
    baseUrl: values['base-url'],
    fileName: null,
    variant,
    testsPerProblem: numberOption('--tests', values.tests, 1, true),
    samplesPerProblem: numberOption('--samples', values.samples, 1, true),
    sampling: {
      temperature: numberOption('--temperature', values.temperature, 0, false),
      topP: numberOption('--top-p', values['top-p'], 0, false),
      maxTokens: numberOption('--max-tokens', values['max-tokens'], 1, true),
      seed: seedText === undefined ? null : numberOption('--seed', seedText, -(2 ** 31), true),
    },
    promptTemplate: values.template === undefined ? presetTemplateText(presetOption(values.preset), variant) : await readTemplateOption(values.template),
    ...requestOptions(values),
  };
  const selection = selectProblems(dataset, values.problems ?? '', values.limit === undefined ? 0 : numberOption('--limit', values.limit, 0, true));
  if (selection.unknown.length > 0) throw new CliUsageError(`--problems: unknown task ids ${selection.unknown.slice(0, 5).join(', ')}`);
  const plan = planRun(selection.ids, verifier, dataset);
  const expected = new Map(plan.problems.map((p) => [p.problem.taskId, generationSlots(p).length]));

  // Resume: keep the complete tasks of an earlier output, rewrite it without a cut-off tail.
  const out = values.out;
  let finished = new Set<string>();
  if (existsSync(out)) {
    try {
      const resume = resumeTestsFile(await readFile(out, 'utf8'), (id) => expected.get(id));
      finished = resume.finished;
      if (resume.dropped > 0) {
        await writeFile(`${out}.tmp`, resume.kept);
        await rename(`${out}.tmp`, out);
      }
      io.stderr(`generate: resuming ${out}: ${finished.size} of ${plan.problems.length} problems done${resume.dropped ? `, ${resume.dropped} unfinished lines dropped` : ''}\n`);
    } catch (error) {
      if (error instanceof TestsFileResumeError) throw new CliUsageError(`${out}: ${error.message}`);
      throw error;
    }
  }
  const pending = plan.problems.filter((p) => !finished.has(p.problem.taskId));
  const concurrency = numberOption('--concurrency', values.concurrency, 1, true);
  const generator = createOpenAiCompatibleGenerator(openAiGeneratorConfig(verifier, { apiKey, maxConcurrency: concurrency }), { pageOrigin: null, ...deps.http });
  // The app's run loop over the problems still to do, in memory; the tests file is what it writes.
  const execution = { comparison: 'paper' as const, timeout: { kind: 'scaled' as const, ...PAPER_TIME_LIMITS }, budgetMs: RUN_BUDGET_CAP_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
  const problemIds = pending.map((p) => p.problem.taskId);
  const run = draftRun({ name: `generate ${basename(out)}`, datasetId: sha256, datasetSha256: sha256, datasetName: basename(dataset.name), split: dataset.split, problemIds, verifier, execution }, crypto.randomUUID(), Date.now());
  const store = testsFileStore(out, expected);
  store.add(run);

  const total = plan.problems.length;
  let done = total - pending.length;
  let requestsLeft = pending.reduce((n, p) => n + generationSlots(p).length, 0);
  const requests = new RateWindow();
  const tokens = new RateWindow();
  let lastLine = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastLine < (deps.progressEveryMs ?? 2000)) return;
    lastLine = now;
    const rps = requests.perSecond(now);
    const eta = etaSeconds({ generationsLeft: requestsLeft, candidatesLeft: 0, generationsPerSecond: rps, candidatesPerSecond: null });
    const rate = rps === null ? '' : `, ${rps.toFixed(2)} req/s, ${(tokens.perSecond(now) ?? 0).toFixed(0)} tok/s`;
    io.stderr(`generate: ${done}/${total} problems${rate}${eta === null ? '' : `, about ${Math.ceil(eta)} s left`}\n`);
  };
  const left = new Map(pending.map((p) => [p.problem.taskId, generationSlots(p).length]));
  const onRecord = (record: GenerationRecord | { rank: number }) => {
    if ('rank' in record || record.error !== null) return;
    requestsLeft--;
    requests.add(Date.now());
    tokens.add(Date.now(), record.usage?.completionTokens ?? 0);
    const rest = left.get(record.taskId)! - 1;
    left.set(record.taskId, rest);
    if (rest === 0) done++;
    progress();
  };

  const stop = new AbortController();
  const relay = () => stop.abort(new RunStop('pause'));
  if (deps.signal?.aborted) relay();
  deps.signal?.addEventListener('abort', relay, { once: true });
  try {
    const outcome = await executeRun({ store, pool: null, dataset, generator, problemsInFlight: concurrency, onRecord }, run.id, stop.signal);
    progress(true);
    if (outcome.status === 'failed') {
      io.stderr(`generate: stopped: ${outcome.error}\ngenerate: ${done} problems are in ${out}; run the same command again to continue\n`);
      return 1;
    }
    if (deps.signal?.aborted) return 1;
    io.stderr(`generate: wrote ${out}\n`);
    return 0;
  } finally {
    deps.signal?.removeEventListener('abort', relay);
    await generator.dispose?.().catch(() => {});
  }
}

/**
 * The run loop's store for `generate`: the run in memory, its finished generations appended to the tests file a
 * task at a time (in slot order) once the task has all of them, so a killed process leaves at most one task cut.
 */
function testsFileStore(out: string, expected: ReadonlyMap<string, number>): MemoryRunStore {
  const waiting = new Map<string, GenerationRecord[]>();
  return new MemoryRunStore({
    record: async (kind, record) => {
      if (kind !== 'generation' || (record as GenerationRecord).error !== null) return;
      const g = record as GenerationRecord;
      const task = [...(waiting.get(g.taskId) ?? []), g];
      if (task.length < expected.get(g.taskId)!) return void waiting.set(g.taskId, task);
      waiting.delete(g.taskId);
      task.sort((a, b) => a.shownRank - b.shownRank || a.sampleIndex - b.sampleIndex);
      await appendFile(out, task.map((r) => `${testsFileLine(r)}\n`).join('')); // one write per task
    },
  });
}

function presetOption(text: string | undefined): PromptPreset {
  if (text === undefined) return 'default';
  if (!(PROMPT_PRESETS as readonly string[]).includes(text)) throw new CliUsageError(`--preset must be ${PROMPT_PRESETS.join(' or ')} (got "${text}")`);
  return text as PromptPreset;
}
