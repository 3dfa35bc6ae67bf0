// WebLLM backend without a GPU: the capability check on injected fake GPUs, the model catalogue of the installed
// web-llm, cache sizing, and the generator's wiring against a stand-in engine (the real download cannot run here).
import { describe, expect, it, vi } from 'vitest';
import { LlmError } from '../../../src/llm/errors';
import { createGenerator } from '../../../src/llm/generator';
import { checkModelSupport, f32Alternative, modelNeedsF16, probeWebGpu, type GpuLike, type ModelFeatures, type WebGpuCheck } from '../../../src/llm/web-llm/capability';
import { cachedBytes, modelUrlPrefix, type CacheStorageLike } from '../../../src/llm/web-llm/cache';
import { loadCatalogue, selectCatalogue } from '../../../src/llm/web-llm/catalogue';
import type { WebLlmModule } from '../../../src/llm/web-llm/load';
import { createWebLlmGenerator } from '../../../src/llm/web-llm/web-llm-generator';

const gpu = (features: string[] | null, info = { vendor: 'acme', architecture: 'rdna' }): GpuLike => ({
  requestAdapter: async () => (features === null ? null : { features: new Set(features), info }),
});
/** Probe, then check `model` if given: what the generator and the new-run form do. */
async function checkWebGpu(gpu: GpuLike | undefined | null, model?: ModelFeatures, known: Iterable<string> = []): Promise<WebGpuCheck> {
  const probe = await probeWebGpu(gpu);
  return model ? checkModelSupport(probe, model, known) : probe;
}

const F16_MODEL = { model_id: 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC' };
const KNOWN = ['Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC', 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC'];

describe('checkWebGpu', () => {
  it('no navigator.gpu -> no-webgpu; null or throwing adapter -> no-adapter', async () => {
    expect(await checkWebGpu(undefined)).toMatchObject({ ok: false, kind: 'no-webgpu' });
    expect(await checkWebGpu(gpu(null))).toMatchObject({ ok: false, kind: 'no-adapter' });
    const throwing: GpuLike = { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) };
    expect(await checkWebGpu(throwing)).toMatchObject({ ok: false, kind: 'no-adapter' });
  });

  it('an f16 model on a GPU without shader-f16 -> no-f16, suggesting the q4f32 twin', async () => {
    const check = await checkWebGpu(gpu([]), F16_MODEL, KNOWN);
    expect(check).toMatchObject({ ok: false, kind: 'no-f16', suggestion: 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC' });
    if (!check.ok) expect(check.message).toMatch(/shader-f16.*acme rdna.*q4f32_1/);
    expect(await checkWebGpu(gpu([]), { model_id: 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC' }, KNOWN)).toEqual({ ok: true, adapter: 'acme rdna', f16: false });
    expect(await checkWebGpu(gpu(['shader-f16']), F16_MODEL, KNOWN)).toEqual({ ok: true, adapter: 'acme rdna', f16: true });
  });

  it('knows f16 models by declared feature or by quantisation name', () => {
    expect(modelNeedsF16({ model_id: 'x-q4f32_1-MLC', required_features: ['shader-f16'] })).toBe(true);
    expect(modelNeedsF16({ model_id: 'SmolLM2-360M-Instruct-q0f16-MLC' })).toBe(true);
    expect(modelNeedsF16({ model_id: 'phi-2-q4f16_1-MLC-1k' })).toBe(true);
    expect(modelNeedsF16({ model_id: 'Qwen3-0.6B-q4f32_1-MLC' })).toBe(false);
    expect(f32Alternative('phi-2-q4f16_1-MLC-1k', ['phi-2-q4f32_1-MLC-1k'])).toBe('phi-2-q4f32_1-MLC-1k');
    expect(f32Alternative('Qwen3-0.6B-q4f16_1-MLC', [])).toBeUndefined();
  });
});

describe('catalogue', () => {
  it('keeps small 4-bit coder and reasoning models of the installed web-llm, with VRAM and f32 twins', async () => {
    const entries = await loadCatalogue();
    const ids = entries.map((e) => e.modelId);
    expect(ids).toContain('Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC');
    expect(ids).toContain('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
    expect(ids).toContain('Qwen3-0.6B-q4f16_1-MLC');
    expect(ids.some((id) => /Llama-3\.2|Phi|SmolLM|-1k$|q0f/.test(id))).toBe(false);
    expect(entries.every((e) => e.vramMB !== null && e.vramMB <= 6200)).toBe(true);
    expect(entries.find((e) => e.modelId === 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC')).toMatchObject({
      family: 'coder', size: '0.5B', quantization: 'q4f16_1', vramMB: 945, needsF16: true, f32Twin: 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
    });
    expect(entries.findIndex((e) => e.family === 'reasoning')).toBeGreaterThan(entries.findLastIndex((e) => e.family === 'coder'));
  });

  it('filters a hand-made list', () => {
    const picked = selectCatalogue([
      { model_id: 'Tiny-Coder-1B-q4f32_1-MLC', vram_required_MB: 900 },
      { model_id: 'Tiny-Coder-1B-q0f32-MLC', vram_required_MB: 2000 },
      { model_id: 'Huge-Coder-70B-q4f16_1-MLC', vram_required_MB: 40000 },
      { model_id: 'Qwen3-4B-q4f16_1-MLC', vram_required_MB: 3431.59, model_type: 0 },
      { model_id: 'Vision-Coder-2B-q4f16_1-MLC', vram_required_MB: 3000, model_type: 2 },
      { model_id: 'Chat-1B-q4f16_1-MLC', vram_required_MB: 800 },
    ]);
    expect(picked.map((e) => `${e.modelId}:${e.vramMB}`)).toEqual(['Tiny-Coder-1B-q4f32_1-MLC:900', 'Qwen3-4B-q4f16_1-MLC:3432']);
  });
});

describe('cache sizes', () => {
  it('normalises model URLs like web-llm and adds up cached bytes per model', async () => {
    expect(modelUrlPrefix('https://huggingface.co/mlc-ai/M')).toBe('https://huggingface.co/mlc-ai/M/resolve/main/');
    expect(modelUrlPrefix('https://host/x/resolve/v2/')).toBe('https://host/x/resolve/v2/');
    const entries: Record<string, { url: string; length: string | null; size: number }[]> = {
      'webllm/model': [
        { url: 'https://hf/M/resolve/main/params_0.bin', length: '1000', size: 1000 },
        { url: 'https://hf/M/resolve/main/tokenizer.json', length: null, size: 50 },
        { url: 'https://hf/Other/resolve/main/params_0.bin', length: '9999', size: 9999 },
      ],
      'webllm/wasm': [{ url: 'https://gh/M.wasm', length: '300', size: 300 }],
    };
    const storage: CacheStorageLike = {
      has: async (name) => name in entries,
      open: async (name) => ({
        keys: async () => entries[name]!.map((e) => ({ url: e.url })),
        match: async (req) => {
          const e = entries[name]!.find((x) => x.url === req.url)!;
          return { headers: { get: () => e.length }, blob: async () => ({ size: e.size }) };
        },
      }),
    };
    expect(await cachedBytes(storage, ['webllm/model', 'webllm/wasm', 'webllm/config'], ['https://hf/M/resolve/main/', 'https://gh/M.wasm'])).toBe(1350);
  });
});

/** A stand-in web-llm module whose engine streams a fixed answer, or stops when interrupted. */
function fakeModule(answer: string[], opts: { failLoad?: boolean } = {}) {
  const calls = { created: 0, interrupted: 0, unloaded: 0, requests: [] as unknown[] };
  const engine = {
    interruptGenerate: () => void calls.interrupted++,
    unload: async () => void calls.unloaded++,
    chat: {
      completions: {
        create: async (req: unknown) => {
          calls.requests.push(req);
          return (async function* () {
            for (const piece of answer) {
              await new Promise((r) => setTimeout(r, 5));
              if (calls.interrupted) {
                yield { choices: [{ delta: {}, finish_reason: 'abort' }] };
                return;
              }
              yield { choices: [{ delta: { content: piece }, finish_reason: null }] };
            }
            yield { choices: [{ delta: {}, finish_reason: 'stop' }] };
            yield { choices: [], usage: { prompt_tokens: 5, completion_tokens: answer.length, total_tokens: 5 + answer.length } };
          })();
        },
      },
    },
  };
  const module = {
    prebuiltAppConfig: { model_list: KNOWN.map((model_id) => ({ model_id, model: `https://hf/${model_id}`, model_lib: 'lib.wasm' })) },
    CreateWebWorkerMLCEngine: async (_worker: unknown, _model: string, config: { initProgressCallback?: (r: unknown) => void }) => {
      calls.created++;
      config.initProgressCallback?.({ progress: 1, timeElapsed: 0, text: 'loaded' });
      if (opts.failLoad) throw new Error('Failed to fetch https://huggingface.co/...');
      return engine;
    },
  } as unknown as WebLlmModule;
  return { module, calls };
}

const fakeWorker = () => {
  const w = { terminate: vi.fn() };
  return { worker: w, createWorker: () => w as unknown as Worker };
};

const req = { messages: [{ role: 'user' as const, content: 'write tests' }], temperature: 1, top_p: 1, max_tokens: 100, seed: 7 };

describe('createWebLlmGenerator', () => {
  it('fails with no-webgpu / no-adapter before loading web-llm or starting a worker', async () => {
    const loadModule = vi.fn();
    const { createWorker } = fakeWorker();
    for (const [g, kind] of [[null, 'no-webgpu'], [gpu(null), 'no-adapter']] as const) {
      const e = await createWebLlmGenerator({ backend: 'web-llm', model: KNOWN[0]! }, { gpu: g, loadModule, createWorker }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(LlmError);
      expect((e as LlmError).kind).toBe(kind);
    }
    expect(loadModule).not.toHaveBeenCalled();
    await expect(createGenerator({ backend: 'web-llm', model: KNOWN[0]! }, { webLlm: { gpu: null } })).rejects.toMatchObject({ kind: 'no-webgpu' });
  });

  it('fails with no-f16 and a hint to the q4f32 twin, before any download', async () => {
    const { module, calls } = fakeModule([]);
    const e = (await createWebLlmGenerator({ backend: 'web-llm', model: KNOWN[0]! }, { gpu: gpu([]), loadModule: async () => module, createWorker: fakeWorker().createWorker }).catch((x: unknown) => x)) as LlmError;
    expect(e.kind).toBe('no-f16');
    expect(e.hint).toBe('Use Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC.');
    expect(calls.created).toBe(0);
  });

  it('reports a failed model load as model-load and terminates the worker', async () => {
    const { module } = fakeModule([], { failLoad: true });
    const { worker, createWorker } = fakeWorker();
    const e = (await createWebLlmGenerator({ backend: 'web-llm', model: KNOWN[1]! }, { gpu: gpu([]), loadModule: async () => module, createWorker }).catch((x: unknown) => x)) as LlmError;
    expect(e.kind).toBe('model-load');
    expect(worker.terminate).toHaveBeenCalled();
  });

  it('streams a completion with usage, passes sampling and seed, reports progress, and disposes', async () => {
    const { module, calls } = fakeModule(['<assertion>\n', 'assert f() == 1', '\n</assertion>']);
    const { worker, createWorker } = fakeWorker();
    const progress: number[] = [];
    const g = await createWebLlmGenerator({ backend: 'web-llm', model: KNOWN[1]! }, { gpu: gpu([]), loadModule: async () => module, createWorker, onProgress: (p) => progress.push(p.progress) });
    expect(g.id).toBe(`web-llm:${KNOWN[1]}`);
    expect(g.describe().label).toContain('acme rdna');
    const deltas: string[] = [];
    const r = await g.generate({ ...req, onDelta: (_d, soFar) => deltas.push(soFar) });
    expect(r).toMatchObject({ text: '<assertion>\nassert f() == 1\n</assertion>', finishReason: 'stop', usage: { completion_tokens: 3 }, attempts: 1 });
    expect(deltas).toHaveLength(3);
    expect(progress).toEqual([1]);
    expect(calls.requests[0]).toMatchObject({ temperature: 1, top_p: 1, max_tokens: 100, seed: 7, stream: true });
    await g.dispose!();
    expect(calls.unloaded).toBe(1);
    expect(worker.terminate).toHaveBeenCalled();
  });

  it('cancelling interrupts generation and rejects with aborted', async () => {
    const { module, calls } = fakeModule(Array.from({ length: 50 }, () => 'x'));
    const g = await createWebLlmGenerator({ backend: 'web-llm', model: KNOWN[1]! }, { gpu: gpu([]), loadModule: async () => module, createWorker: fakeWorker().createWorker });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const e = (await g.generate({ ...req, signal: controller.signal }).catch((x: unknown) => x)) as LlmError;
    expect(e.kind).toBe('aborted');
    expect(calls.interrupted).toBe(1);
  });
});
