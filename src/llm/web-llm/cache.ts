// Cached web-llm models: which are downloaded, how many bytes they take, and deleting them.
// Sizes are read from the Cache API scopes web-llm uses (its default "cache" backend); the storage is injectable.

import { loadWebLlm } from './load';

/** A cached model and its bytes (null when the size cannot be read). */
export interface CachedModel {
  modelId: string;
  bytes: number | null;
}

/** The part of CacheStorage used here (window.caches fits). */
export interface CacheStorageLike {
  has(name: string): Promise<boolean>;
  open(name: string): Promise<{
    keys(): Promise<readonly { url: string }[]>;
    match(request: { url: string }): Promise<{ headers: { get(n: string): string | null }; blob(): Promise<{ size: number }> } | undefined>;
  }>;
}

/** web-llm's normalisation of a model URL: ".../MODEL" -> ".../MODEL/resolve/main/". */
export function modelUrlPrefix(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

/** Bytes stored under `prefixes` in the given cache scopes (content-length, else the body size). */
export async function cachedBytes(storage: CacheStorageLike, scopes: readonly string[], prefixes: readonly string[]): Promise<number> {
  let total = 0;
  for (const scope of scopes) {
    if (!(await storage.has(scope))) continue;
    const cache = await storage.open(scope);
    for (const request of await cache.keys()) {
      if (!prefixes.some((p) => request.url.startsWith(p))) continue;
      const response = await cache.match(request);
      if (!response) continue;
      const length = Number(response.headers.get('content-length'));
      total += Number.isFinite(length) && length > 0 ? length : (await response.blob()).size;
    }
  }
  return total;
}

const SCOPES = ['webllm/model', 'webllm/wasm', 'webllm/config'] as const;

/** The models of `modelIds` that are in the cache, with their sizes. */
export async function listCachedModels(modelIds: readonly string[], storage: CacheStorageLike | undefined = browserCaches()): Promise<CachedModel[]> {
  const webllm = await loadWebLlm();
  const records = new Map(webllm.prebuiltAppConfig.model_list.map((r) => [r.model_id, r]));
  const out: CachedModel[] = [];
  for (const id of modelIds) {
    const record = records.get(id);
    if (!record || !(await webllm.hasModelInCache(id))) continue;
    let bytes: number | null = null;
    if (storage) {
      try {
        bytes = await cachedBytes(storage, SCOPES, [modelUrlPrefix(record.model), record.model_lib]);
      } catch {
        bytes = null; // another cache backend (IndexedDB / OPFS) or a locked cache
      }
    }
    out.push({ modelId: id, bytes });
  }
  return out;
}

/** Remove a model's weights, library and config from the cache. */
export async function deleteCachedModel(modelId: string): Promise<void> {
  const webllm = await loadWebLlm();
  await webllm.deleteModelAllInfoInCache(modelId);
}

function browserCaches(): CacheStorageLike | undefined {
  return (globalThis as { caches?: CacheStorageLike }).caches;
}
