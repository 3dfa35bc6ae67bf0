// Node transport of the pool: worker_threads running node-engine.worker.ts, wired with comlink. Workers get
// an empty environment (no API keys in process.env) and their console output is discarded unless asked for.
import { wrap } from 'comlink';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint';
import { nodeEngineSources, nodePyodideDir } from './node-sources';
import { nodeSnapshotStore } from './node-snapshot-store';
import { nodeWorkerEntry } from './node-worker-entry';
import { createPool } from './pool-core';
import { defaultPoolSize, type EnginePool, type PoolOptions, type SpawnOptions, type WorkerCalls, type WorkerHandle } from './pool-types';
import { snapshotKey, type SnapshotStore } from './snapshot';
import type { EngineApi, WorkerInit, WorkerSources } from './worker-api';

export interface NodePoolOptions extends Partial<Omit<PoolOptions, 'spawn' | 'sharedMemory' | 'snapshotStore'>> {
  /** null disables the snapshot cache; default: a file under node_modules/.cache/verifier-lab/. */
  snapshotStore?: SnapshotStore | null;
  /** Show the workers' own console output (Pyodide's fatal-error dumps, ...). */
  workerOutput?: boolean;
}

function spawnNodeWorker(indexURL: string, sources: WorkerSources, output: boolean) {
  const entry = nodeWorkerEntry();
  return (options: SpawnOptions): WorkerHandle => {
    const workerData = { boot: entry.bootData, sources };
    const worker = new Worker(entry.script, { eval: entry.eval, workerData, env: {}, stdout: !output, stderr: !output });
    if (!output) {
      worker.stdout?.resume();
      worker.stderr?.resume();
    }
    const died = new Promise<string>((resolve) => {
      worker.once('error', (e) => resolve(String(e)));
      worker.once('exit', (code) => resolve(`exited with code ${code}`));
    });
    const calls = wrap<EngineApi>(nodeEndpoint(worker)) as unknown as WorkerCalls;
    const init: WorkerInit = { ...options, indexURL };
    calls.start(init).catch(() => {}); // a failed start shows up through ready()
    return { calls, died, terminate: () => void worker.terminate() };
  };
}

/** A pool of Node worker threads, each with its own Pyodide. */
export function createNodePool(options: NodePoolOptions = {}): EnginePool {
  const sources = nodeEngineSources();
  const store = options.snapshotStore === undefined ? nodeSnapshotStore() : options.snapshotStore;
  return createPool({
    ...options,
    size: options.size ?? defaultPoolSize(availableParallelism()),
    spawn: spawnNodeWorker(nodePyodideDir(), { harnessSources: sources.harness, preloadSource: sources.preload }, !!options.workerOutput),
    sharedMemory: true,
    snapshotStore: store,
    snapshotKey: options.snapshotKey ?? snapshotKey(sources.preload, sources.harness),
  });
}
