// Worker threads of the engine host (node-engine-host.ts): each runs the bundled node-engine.worker.ts with
// its own Pyodide, wired with comlink. Threads get an empty environment and their console output is
// discarded unless asked for.
import { wrap } from 'comlink';
import { Worker } from 'node:worker_threads';
import { nodeEndpoint } from './node-endpoint';
import type { SpawnOptions, SpawnWorker, WorkerCalls, WorkerHandle } from './pool-types';
import type { EngineApi, WorkerInit, WorkerSources } from './worker-api';

export function spawnNodeThread(script: URL, indexURL: string, sources: WorkerSources, output: boolean): SpawnWorker {
  return (options: SpawnOptions): WorkerHandle => {
    const worker = new Worker(script, { workerData: { sources }, env: {}, stdout: !output, stderr: !output });
    if (!output) {
      worker.stdout?.resume();
      worker.stderr?.resume();
    }
    const died = new Promise<string>((resolve) => {
      worker.once('error', (e) => resolve(String(e)));
      worker.once('exit', (code) => resolve(`exited with code ${code}`));
    });
    const calls: WorkerCalls = wrap<EngineApi>(nodeEndpoint(worker));
    const init: WorkerInit = { ...options, indexURL };
    calls.start(init).catch(() => {}); // a failed start shows up through ready()
    return { calls, died, terminate: () => void worker.terminate() };
  };
}
