// The API a worker exposes over comlink: the runtime behind a readiness promise. Shared by the browser and
// Node worker entries so both transports carry exactly the same calls.
import { transfer } from 'comlink';
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import { createEngineRuntime, type EngineRuntime, type RuntimeOptions, type RuntimeReply } from './runtime';

/** Reply plus the wasm heap size, so the pool can recycle workers that grew large without another call. */
export type WorkerReply = RuntimeReply & { heapBytes: number };

/** The engine's Python sources, bundled (browser) or read from disk (Node) by the worker entry. */
export type WorkerSources = Pick<RuntimeOptions, 'harnessSources' | 'preloadSource'>;

export function createWorkerApi(sources: WorkerSources) {
  let started: Promise<EngineRuntime> | null = null;
  const runtime = (): Promise<EngineRuntime> => started ?? Promise.reject(new Error('engine worker not started'));
  const withHeap = async (reply: (rt: EngineRuntime) => RuntimeReply): Promise<WorkerReply> => {
    const rt = await runtime();
    return { ...reply(rt), heapBytes: rt.heapBytes() };
  };
  return {
    /** Load Pyodide with what the pool decided (interrupt buffer, snapshot); later calls wait for it. */
    start(init: WorkerInit): void {
      if (started) return;
      started = createEngineRuntime({ ...init, ...sources });
      // A failed start must not surface as an unhandled rejection before ready() is asked.
      started.catch(() => {});
    },
    /** Resolves when Pyodide is loaded and sandboxed; rejects if it could not start. */
    async ready() {
      return (await runtime()).info;
    },
    /** The memory snapshot this worker made, transferred (not copied) to the caller. */
    async takeSnapshot(): Promise<Uint8Array | null> {
      const snapshot = (await runtime()).takeSnapshot();
      return snapshot ? transfer(snapshot, [snapshot.buffer as ArrayBuffer]) : null;
    },
    score(request: ScoreRequest, progress: Float64Array | null, skip: number[]) {
      return withHeap((rt) => rt.score(request, progress, skip));
    },
    expect(request: IoExpectRequest & { skip?: number[] }, progress: Float64Array | null) {
      return withHeap((rt) => rt.expect(request, progress));
    },
    programKeys(codes: string[]) {
      return withHeap((rt) => rt.programKeys(codes));
    },
  };
}

export type EngineApi = ReturnType<typeof createWorkerApi>;

/** What a pool passes to a new worker. */
export interface WorkerInit {
  indexURL: string;
  interrupt: Int32Array | null;
  snapshot: Uint8Array | null;
  makeSnapshot: boolean;
}
