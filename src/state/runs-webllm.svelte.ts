// The WebLLM model picker's state: the catalogue, the WebGPU check, and the cached models (size, delete). web-llm
// is imported only when this loads, i.e. when the user picks the WebLLM backend.
import type { CachedModel } from '../llm/web-llm/cache';
import { checkModelSupport, currentGpu, probeWebGpu, type WebGpuCheck } from '../llm/web-llm/capability';
import type { CatalogueEntry } from '../llm/web-llm/catalogue';
import { errorMessage } from '../core/error-message';

export class WebLlmPicker {
  #catalogue = $state.raw<CatalogueEntry[] | null>(null);
  #probe = $state.raw<WebGpuCheck | null>(null);
  #cached = $state.raw<CachedModel[]>([]);
  #error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  get catalogue(): CatalogueEntry[] | null {
    return this.#catalogue;
  }
  get probe(): WebGpuCheck | null {
    return this.#probe;
  }
  get cached(): CachedModel[] {
    return this.#cached;
  }
  get error(): string | null {
    return this.#error;
  }

  /** Probe the GPU first (no download), then load the catalogue and the cache listing. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      this.#probe = await probeWebGpu(currentGpu());
      try {
        const { loadCatalogue } = await import('../llm/web-llm/catalogue');
        this.#catalogue = await loadCatalogue();
        await this.refreshCache();
      } catch (error) {
        this.#error = `The WebLLM library could not be loaded: ${errorMessage(error)}`;
        this.#loading = null;
      }
    })();
    return this.#loading;
  }

  /** Whether this GPU can run `entry` (with the f32 twin suggested when shader-f16 is missing). */
  check(entry: CatalogueEntry): WebGpuCheck | null {
    const probe = this.#probe;
    if (!probe) return null;
    const features = entry.needsF16 ? ['shader-f16'] : [];
    return checkModelSupport(probe, { model_id: entry.modelId, required_features: features }, (this.#catalogue ?? []).map((e) => e.modelId));
  }

  async refreshCache(): Promise<void> {
    const { listCachedModels } = await import('../llm/web-llm/cache');
    try {
      this.#cached = await listCachedModels((this.#catalogue ?? []).map((e) => e.modelId));
    } catch {
      this.#cached = [];
    }
  }

  async remove(modelId: string): Promise<void> {
    const { deleteCachedModel } = await import('../llm/web-llm/cache');
    await deleteCachedModel(modelId);
    await this.refreshCache();
  }
}
