// The API a worker exposes over comlink: the runtime behind a readiness promise. Shared by the browser and
// Node worker entries so both transports carry exactly the same calls.
import { transfer } from 'comlink';
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import { createEngineRuntime, type RuntimeOptions, type RuntimeReply } from './runtime';

/** Reply plus the wasm heap size, so the pool can recycle workers that grew large without another call. */
export type WorkerReply = RuntimeReply & { heapBytes: number };

export function createWorkerApi(options: RuntimeOptions) {
  const runtime = createEngineRuntime(options);
  // A failed start must not surface as an unhandled rejection before ready() is asked.
  runtime.catch(() => {});
  const withHeap = async (reply: (rt: Awaited<typeof runtime>) => RuntimeReply): Promise<WorkerReply> => {
    const rt = await runtime;
    return { ...reply(rt), heapBytes: rt.heapBytes() };
  };
  return {
    /** Resolves when Pyodide is loaded and sandboxed; rejects if it could not start. */
    async ready() {
      return (await runtime).info;
    },
    /** The memory snapshot this worker made, transferred (not copied) to the caller. */
    async takeSnapshot(): Promise<Uint8Array | null> {
      const snapshot = (await runtime).takeSnapshot();
      return snapshot ? transfer(snapshot, [snapshot.buffer as ArrayBuffer]) : null;
    },
    score(request: ScoreRequest, progress: Float64Array | null, start: number) {
      return withHeap((rt) => rt.score(request, progress, start));
    },
    expect(request: IoExpectRequest & { skip?: number[] }, progress: Float64Array | null) {
      return withHeap((rt) => rt.expect(request, progress));
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
