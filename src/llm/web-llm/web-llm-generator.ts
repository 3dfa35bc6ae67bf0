// WebLLM backend: checks WebGPU first, then runs web-llm's engine in its own worker and streams completions.
// Requests run one at a time (one engine, one GPU); cancelling interrupts generation.

import { LlmError } from '../errors';
import type { TestGenerator } from '../generator';
import { Semaphore, withRequestPermit } from '../request-permits';
import type { FinishReason, GenerateRequest, GenerateResult, Usage } from '../types';
import { checkModelSupport, currentGpu, probeWebGpu, type GpuLike } from './capability';
import type { LoadProgress, WebLlmConfig } from './config';
import { loadWebLlm, type WebLlmModule } from './load';
import { errorMessage } from '../../core/error-message';

/** Environment hooks: a fake GPU, a worker factory or a stand-in module in tests; a progress callback for the UI. */
export interface WebLlmDeps {
  /** navigator.gpu by default; null = no WebGPU. */
  gpu?: GpuLike | null;
  createWorker?: () => Worker;
  onProgress?: (report: LoadProgress) => void;
  loadModule?: () => Promise<WebLlmModule>;
}

type Engine = Awaited<ReturnType<WebLlmModule['CreateWebWorkerMLCEngine']>>;

/** Check the GPU, download/initialise the model in a worker, and return a generator. */
export async function createWebLlmGenerator(config: WebLlmConfig, deps: WebLlmDeps = {}): Promise<TestGenerator> {
  const probe = await probeWebGpu(deps.gpu === undefined ? currentGpu() : deps.gpu);
  if (!probe.ok) throw new LlmError(probe.kind, probe.message);
  const webllm = await (deps.loadModule ?? loadWebLlm)();
  const list = webllm.prebuiltAppConfig.model_list;
  const record = list.find((m) => m.model_id === config.model);
  if (!record) throw new LlmError('config', `unknown web-llm model "${config.model}"`);
  const check = checkModelSupport(probe, record, list.map((m) => m.model_id));
  if (!check.ok) throw new LlmError(check.kind, check.message, check.suggestion ? { hint: `Use ${check.suggestion}.` } : {});

  const worker = deps.createWorker?.() ?? new Worker(new URL('./web-llm.worker.ts', import.meta.url), { type: 'module' });
  let engine: Engine;
  try {
    engine = await webllm.CreateWebWorkerMLCEngine(worker, config.model, deps.onProgress ? { initProgressCallback: deps.onProgress } : {});
  } catch (e) {
    worker.terminate();
    throw new LlmError('model-load', `could not load ${config.model}: ${errorMessage(e)}`, {
      cause: e,
      hint: 'The weights come from Hugging Face and the model library from GitHub; check the connection and free disk space.',
    });
  }

  const permits = new Semaphore(1);
  return {
    id: `web-llm:${config.model}`,
    describe: () => ({ backend: 'web-llm', model: config.model, label: `${config.model} (in browser, ${probe.adapter})` }),
    generate: (req) => withRequestPermit(permits, req.signal, () => generateOnce(engine, config.model, req)),
    async dispose() {
      await engine.unload().catch(() => undefined);
      worker.terminate();
    },
  };
}

async function generateOnce(engine: Engine, model: string, req: GenerateRequest): Promise<GenerateResult> {
  const started = Date.now();
  const interrupt = (): void => engine.interruptGenerate();
  req.signal?.addEventListener('abort', interrupt, { once: true });
  let text = '';
  let finishReason: FinishReason = 'unknown';
  let usage: Usage | undefined;
  let last: unknown = null;
  try {
    const chunks = await engine.chat.completions.create({
      messages: req.messages,
      temperature: req.temperature,
      top_p: req.top_p,
      max_tokens: req.max_tokens,
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of chunks) {
      last = chunk;
      const choice = chunk.choices[0];
      const delta = choice?.delta?.content ?? '';
      if (delta) {
        text += delta;
        req.onDelta?.(delta, text, 'content');
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason as FinishReason;
      if (chunk.usage) usage = { prompt_tokens: chunk.usage.prompt_tokens, completion_tokens: chunk.usage.completion_tokens, total_tokens: chunk.usage.total_tokens };
    }
  } catch (e) {
    if (req.signal?.aborted) throw new LlmError('aborted', 'generation cancelled', { cause: e });
    throw new LlmError('engine', `web-llm failed while generating: ${errorMessage(e)}`, { cause: e });
  } finally {
    req.signal?.removeEventListener('abort', interrupt);
  }
  if (req.signal?.aborted) throw new LlmError('aborted', 'generation cancelled');
  return { text, finishReason, model, ...(usage ? { usage } : {}), attempts: 1, ms: Date.now() - started, raw: last };
}
