// `verifier-lab generate DATASET --base-url URL --model M --out TESTS.jsonl`: asks an OpenAI-compatible model for
// tests of every problem (or problem and candidate) and appends one line per request to TESTS.jsonl, a task's
// lines together. Re-running with the same --out resumes: finished tasks are skipped, a cut-off tail is redone.
import { existsSync } from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { resumeTestsFile, testsFileLine, TestsFileResumeError } from '../../core/run/orchestration/tests-file';
import { etaSeconds, RateWindow } from '../../core/run/orchestration/throughput';
import { generationSlots, planRun, type PlannedProblem } from '../../core/run/orchestration/work-plan';
import type { GenerationRecord } from '../../core/run/run-records';
import type { VerifierConfig } from '../../core/run/run-config';
import { createOpenAiCompatibleGenerator, type HttpDeps } from '../../llm/openai-compatible';
import { generateSlot, slotRequest } from '../../run/generate-slot';
import { decodePromptTemplate, defaultTemplateText } from '../../run/prompt-template-text';
import { selectProblems } from '../../run/problem-subset';
import { Semaphore } from '../../run/semaphore';
import { CliUsageError, type CliCommand, type CliIo, type ExitCode } from '../cli-io';
import { readDatasetFile } from '../read-dataset-file';
import { generateUsage, generationOptions, numberOption } from './generate-options';
import { errorMessage } from '../../core/error-message';

export interface GenerateDeps {
  signal?: AbortSignal;
  env?: Record<string, string | undefined>;
  http?: HttpDeps;
  /** Milliseconds between progress lines (default 2000). */
  progressEveryMs?: number;
}

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'Ask an OpenAI-compatible model for tests of every problem; resumable JSONL output',
  usage: generateUsage,
  async run(args, io) {
    const controller = new AbortController();
    const onSigint = () => {
      io.stderr('generate: stopping; finished problems are kept in the output file\n');
      controller.abort(new Error('interrupted'));
    };
    process.once('SIGINT', onSigint);
    try {
      return await runGenerate(args, io, { signal: controller.signal, env: process.env });
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};

/** The command with injectable signal, environment and HTTP (tests). */
export async function runGenerate(args: string[], io: CliIo, deps: GenerateDeps = {}): Promise<ExitCode> {
  const { values, positionals } = generationOptions(args);
  if (values.help) {
    io.stdout(generateUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(`expected one DATASET.jsonl, got ${positionals.length} (see --help)`);
  if (values.backend !== 'openai') throw new CliUsageError(`--backend ${values.backend}: only "openai" (any OpenAI-compatible server) runs outside the browser`);
  if (!values['base-url'] || !values.model) throw new CliUsageError('--base-url and --model are required');
  if (!values.out) throw new CliUsageError('--out TESTS.jsonl is required');
  const variant = values.variant === 'instruction' || values.variant === 'instruction+solution' ? values.variant : null;
  if (!variant) throw new CliUsageError(`--variant must be instruction or instruction+solution (got "${values.variant}")`);
  const keyVar = values['api-key-env'];
  const apiKey = keyVar === undefined ? undefined : deps.env?.[keyVar];
  if (keyVar !== undefined && !apiKey) throw new CliUsageError(`--api-key-env ${keyVar}: that environment variable is empty or unset`);

  const [file] = positionals as [string];
  const dataset = await readDatasetFile(file);
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
    promptTemplate: values.template === undefined ? defaultTemplateText(variant) : await readTemplate(values.template),
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
  const generator = createOpenAiCompatibleGenerator(
    { backend: 'openai-compatible', baseUrl: verifier.baseUrl!, model: verifier.model, ...(apiKey ? { apiKey } : {}), maxConcurrency: concurrency },
    { pageOrigin: null, ...deps.http },
  );
  const template = decodePromptTemplate(verifier.promptTemplate, variant);
  return generateAll(pending, plan.problems.length - pending.length, plan.problems.length, { verifier, template, generator, out, io, deps, concurrency });
}

async function generateAll(
  pending: PlannedProblem[],
  alreadyDone: number,
  total: number,
  ctx: { verifier: VerifierConfig; template: ReturnType<typeof decodePromptTemplate>; generator: ReturnType<typeof createOpenAiCompatibleGenerator>; out: string; io: CliIo; deps: GenerateDeps; concurrency: number },
): Promise<ExitCode> {
  const stop = new AbortController();
  const relay = () => stop.abort(ctx.deps.signal!.reason);
  ctx.deps.signal?.addEventListener('abort', relay, { once: true });
  const requests = new RateWindow();
  const tokens = new RateWindow();
  let done = alreadyDone;
  let requestsLeft = pending.reduce((n, p) => n + generationSlots(p).length, 0);
  let lastLine = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastLine < (ctx.deps.progressEveryMs ?? 2000)) return;
    lastLine = now;
    const rps = requests.perSecond(now);
    const eta = etaSeconds({ generationsLeft: requestsLeft, candidatesLeft: 0, generationsPerSecond: rps, candidatesPerSecond: null });
    const rate = rps === null ? '' : `, ${rps.toFixed(2)} req/s, ${(tokens.perSecond(now) ?? 0).toFixed(0)} tok/s`;
    ctx.io.stderr(`generate: ${done}/${total} problems${rate}${eta === null ? '' : `, about ${Math.ceil(eta)} s left`}\n`);
  };
  let failure: string | null = null;
  const window = new Semaphore(ctx.concurrency);
  const problem = async (planned: PlannedProblem): Promise<void> => {
    const records: GenerationRecord[] = [];
    for (const slot of generationSlots(planned)) {
      const request = slotRequest(ctx.verifier, ctx.template, planned.problem, slot);
      const record = await generateSlot('cli', ctx.generator, request, slot, stop.signal);
      if (record.error !== null) throw new Error(`${planned.problem.taskId}: ${record.error}`);
      records.push(record);
      requestsLeft--;
      requests.add(Date.now());
      tokens.add(Date.now(), record.usage?.completionTokens ?? 0);
    }
    await appendFile(ctx.out, records.map((r) => `${testsFileLine(r)}\n`).join('')); // one write per task
    done++;
    progress();
  };
  await Promise.all(
    pending.map((planned) =>
      window
        .use(() => problem(planned), stop.signal)
        .catch((error: unknown) => {
          if (stop.signal.aborted) return;
          failure = errorMessage(error);
          stop.abort(error);
        }),
    ),
  );
  ctx.deps.signal?.removeEventListener('abort', relay);
  progress(true);
  if (failure !== null) {
    ctx.io.stderr(`generate: stopped: ${failure}\ngenerate: ${done} problems are in ${ctx.out}; run the same command again to continue\n`);
    return 1;
  }
  if (ctx.deps.signal?.aborted) return 1;
  ctx.io.stderr(`generate: wrote ${ctx.out}\n`);
  return 0;
}

async function readTemplate(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new CliUsageError(`--template: cannot read ${path}`);
  }
}
