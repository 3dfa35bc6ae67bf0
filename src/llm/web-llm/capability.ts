// WebGPU capability check, run before any model download: navigator.gpu, an adapter, and shader-f16 for f16 models.
// The GPU object is injected, so every branch is testable in Node; results are data, not exceptions.

/** The part of GPUAdapter the check reads. */
export interface GpuAdapterLike {
  features: { has(name: string): boolean };
  info?: { vendor?: string; architecture?: string; description?: string };
}

/** The part of navigator.gpu the check calls. */
export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null>;
}

/** The model fields that decide feature needs (a web-llm ModelRecord fits). */
export interface ModelFeatures {
  model_id: string;
  required_features?: string[];
}

export type CapabilityFailure = 'no-webgpu' | 'no-adapter' | 'no-f16';

/** Outcome of a check: `adapter` names the GPU; `suggestion` is a model id that would work instead. */
export type WebGpuCheck =
  | { ok: true; adapter: string; f16: boolean }
  | { ok: false; kind: CapabilityFailure; message: string; suggestion?: string };

/** navigator.gpu of this context (page or worker), if any. */
export function currentGpu(): GpuLike | undefined {
  return (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu ?? undefined;
}

/** True when the model computes in float16: declared shader-f16, or an f16 quantisation (q4f16_1, q0f16). */
export function modelNeedsF16(model: ModelFeatures): boolean {
  return (model.required_features ?? []).includes('shader-f16') || /-q\d+f16(_\d+)?-/.test(`${model.model_id}-`);
}

/** The f32 twin of an f16 model id, when `known` lists it. */
export function f32Alternative(modelId: string, known: Iterable<string>): string | undefined {
  const twin = modelId.replace(/-q(\d+)f16(_\d+)?(?=-|$)/, '-q$1f32$2');
  if (twin === modelId) return undefined;
  for (const id of known) if (id === twin) return twin;
  return undefined;
}

/** Probe WebGPU: is there an API, an adapter, and shader-f16? */
export async function probeWebGpu(gpu: GpuLike | undefined | null): Promise<WebGpuCheck> {
  if (!gpu || typeof gpu.requestAdapter !== 'function') {
    return { ok: false, kind: 'no-webgpu', message: 'This browser has no WebGPU (navigator.gpu is missing). Use a recent Chrome or Edge, or an API backend.' };
  }
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null; // a crashed GPU process rejects instead of resolving null
  }
  if (!adapter) {
    return {
      ok: false,
      kind: 'no-adapter',
      message: 'WebGPU is present but no GPU adapter is available (no usable GPU, blocklisted driver, or GPU disabled). Use an API backend.',
    };
  }
  const info = adapter.info;
  const name = [info?.vendor, info?.architecture || info?.description].filter((s) => s).join(' ') || 'WebGPU adapter';
  return { ok: true, adapter: name, f16: adapter.features.has('shader-f16') };
}

/** Can this probed GPU run `model`? Pure. `known` lists model ids to suggest an f32 twin from. */
export function checkModelSupport(probe: WebGpuCheck, model: ModelFeatures, known: Iterable<string>): WebGpuCheck {
  if (!probe.ok || probe.f16 || !modelNeedsF16(model)) return probe;
  const suggestion = f32Alternative(model.model_id, known);
  return {
    ok: false,
    kind: 'no-f16',
    message: `${model.model_id} needs the WebGPU feature shader-f16, which this GPU (${probe.adapter}) lacks.${suggestion ? ` Use ${suggestion} instead.` : ' Choose a q4f32 model.'}`,
    ...(suggestion ? { suggestion } : {}),
  };
}
