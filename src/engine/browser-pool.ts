// Browser transport of the pool: module Web Workers running engine.worker.ts, wired with comlink. Interrupts
// need SharedArrayBuffer, i.e. a cross-origin isolated page; without it only the hard watchdog protects.
import { wrap } from 'comlink';
import { createPool } from './pool-core';
import { defaultPoolSize, type EnginePool, type PoolOptions, type SpawnOptions, type WorkerCalls, type WorkerHandle } from './pool-types';
import { snapshotKey, type SnapshotStore } from './snapshot';
import { engineSources } from './sources';
import type { EngineApi } from './worker-api';

export interface BrowserPoolOptions extends Partial<Omit<PoolOptions, 'spawn' | 'sharedMemory' | 'snapshotStore'>> {
  /** Where Pyodide's files are served (default: <BASE_URL>pyodide/, see vite-plugins/pyodide-assets.ts). */
  indexURL?: string;
  /** Snapshot cache supplied by the app (IndexedDB lives in storage/); none by default. */
  snapshotStore?: SnapshotStore | null;
}

/** True when interrupts can work: SharedArrayBuffer exists and the page is cross-origin isolated. */
export function interruptsAvailable(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
}

function spawnBrowserWorker(indexURL: string) {
  return (options: SpawnOptions): WorkerHandle => {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'verifier-lab-engine' });
    const died = new Promise<string>((resolve) => {
      worker.addEventListener('error', (e) => resolve(e.message || 'worker error'));
      worker.addEventListener('messageerror', () => resolve('worker message could not be deserialized'));
    });
    const calls: WorkerCalls = wrap<EngineApi>(worker);
    calls.start({ ...options, indexURL }).catch(() => {}); // a failed start shows up through ready()
    return { calls, died, terminate: () => worker.terminate() };
  };
}

/** A pool of Web Workers, each with its own Pyodide. */
export function createBrowserPool(options: BrowserPoolOptions = {}): EnginePool {
  const indexURL = options.indexURL ?? new URL(`${import.meta.env.BASE_URL}pyodide/`, location.href).href;
  return createPool({
    ...options,
    size: options.size ?? defaultPoolSize(navigator.hardwareConcurrency),
    spawn: spawnBrowserWorker(indexURL),
    sharedMemory: interruptsAvailable(),
    snapshotStore: options.snapshotStore ?? null,
    snapshotKey: options.snapshotKey ?? snapshotKey(engineSources.preload, engineSources.harness),
  });
}
