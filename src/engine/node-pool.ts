// Node transport of the pool: worker_threads running node-engine.worker.ts, wired with comlink. Workers get
// an empty environment (no API keys in process.env) and their console output is discarded unless asked for.
import { wrap } from 'comlink';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint';
import { nodeEngineSources, nodePyodideDir } from './node-sources';
import { nodeSnapshotStore } from './node-snapshot-store';
import { createPool } from './pool-core';
import { defaultPoolSize, type EnginePool, type PoolOptions, type SpawnOptions, type WorkerCalls, type WorkerHandle } from './pool-types';
import { snapshotKey, type SnapshotStore } from './snapshot';
import type { EngineApi, WorkerInit } from './worker-api';

export interface NodePoolOptions extends Partial<Omit<PoolOptions, 'spawn' | 'sharedMemory' | 'snapshotStore'>> {
  /** null disables the snapshot cache; default: a file under node_modules/.cache/verifier-lab/. */
  snapshotStore?: SnapshotStore | null;
  /** Show the workers' own console output (Pyodide's fatal-error dumps, ...). */
  workerOutput?: boolean;
}

const ENTRY = new URL('./node-engine.worker.ts', import.meta.url);

// Worker entry files must be JavaScript for Node 20, so a tiny eval'd bootstrap registers tsx first.
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); })
  .catch((e) => setImmediate(() => { throw e; }));
`;

/** tsx's ESM register API (require.resolve would pick its CommonJS build, which cannot register ESM hooks). */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'];
  return pathToFileURL(join(dirname(manifest), exports.import.default ?? exports.import)).href;
}

function spawnNodeWorker(indexURL: string, tsx: string, output: boolean) {
  return (options: SpawnOptions): WorkerHandle => {
    const worker = new Worker(BOOT, { eval: true, workerData: { entry: ENTRY.href, tsx }, env: {}, stdout: !output, stderr: !output });
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
    spawn: spawnNodeWorker(nodePyodideDir(), tsxApiUrl(), !!options.workerOutput),
    sharedMemory: true,
    snapshotStore: store,
    snapshotKey: options.snapshotKey ?? snapshotKey(sources.preload),
  });
}
