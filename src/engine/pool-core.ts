// Transport-independent pool: N worker slots, a FIFO of calls waiting for a free worker, the watchdog timer,
// and the memory-snapshot life cycle (load from the store, or let the first worker make one and store it).
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import { expectJob, keysJob, scoreJob, type RunCall } from './jobs';
import type { CallOptions, EnginePool, PoolOptions, PoolStats, SpawnOptions, WorkerCalls } from './pool-types';
import type { ReadyInfo } from './runtime';
import { WorkerSlot, type SlotEvent } from './worker-slot';

interface Waiter {
  resolve(slot: WorkerSlot): void;
  reject(error: unknown): void;
  signal?: AbortSignal;
}

/** Thrown (as a rejection) when no worker could be started at all. */
export class EngineStartError extends Error {
  override name = 'EngineStartError';
}

const START_ATTEMPTS = 3;

export function createPool(options: PoolOptions): EnginePool {
  const graceMs = options.graceMs ?? 1000;
  const callSlackMs = options.callSlackMs ?? 10_000;
  const tickMs = options.tickMs ?? 10;
  const stats: PoolStats = { size: options.size, workersStarted: 0, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: [] };
  const waiters: Waiter[] = [];
  const readyListeners = new Set<(stats: PoolStats) => void>();
  let snapshot: Uint8Array | null = null;
  let snapshotLoaded = !options.snapshotStore;
  let makingSnapshot = false;
  let startFailures = 0;
  let lastStartError: unknown = null;
  let closed = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let readyCount = 0;
  let resolveAllReady: (info: ReadyInfo[]) => void = () => {};
  let rejectAllReady: (error: unknown) => void = () => {};
  const allReady = new Promise<ReadyInfo[]>((resolve, reject) => ((resolveAllReady = resolve), (rejectAllReady = reject)));
  allReady.catch(() => {}); // observed through ready(); unhandled otherwise

  const hooks = {
    spawnOptions(interrupt: Int32Array | null): SpawnOptions {
      stats.workersStarted++;
      const make = !snapshot && !!options.snapshotStore && !makingSnapshot;
      if (make) makingSnapshot = true;
      return { interrupt, snapshot, makeSnapshot: make };
    },
    onReady(slot: WorkerSlot, info: ReadyInfo, calls: WorkerCalls) {
      startFailures = 0;
      stats.readyInfo.push(info);
      if (info.snapshot === 'failed') snapshot = null; // a stale or corrupt snapshot: the next worker makes one
      if (info.snapshot === 'made') void keepSnapshot(calls);
      if (++readyCount === options.size) resolveAllReady(stats.readyInfo.slice());
      options.onWorkerReady?.({ ...stats, readyInfo: stats.readyInfo.slice() });
      for (const listener of readyListeners) listener({ ...stats, readyInfo: stats.readyInfo.slice() });
      dispatch(slot);
    },
    onStartFailed(slot: WorkerSlot, error: unknown) {
      makingSnapshot = false;
      lastStartError = error;
      if (++startFailures >= START_ATTEMPTS * options.size) return failWaiters();
      setTimeout(() => slot.start(), 100 * startFailures);
    },
    onEvent(event: SlotEvent) {
      if (event === 'watchdog') stats.watchdogKills++;
      else if (event === 'crash') stats.crashes++;
      else stats.recycled++;
    },
  };

  async function keepSnapshot(calls: WorkerCalls): Promise<void> {
    try {
      const bytes = await calls.takeSnapshot();
      if (!bytes) return;
      // In shared memory, later workers receive it without a 31 MB copy each.
      const shared = options.sharedMemory ? new Uint8Array(new SharedArrayBuffer(bytes.length)) : bytes;
      if (shared !== bytes) shared.set(bytes);
      snapshot = shared;
      if (options.snapshotStore && options.snapshotKey) await options.snapshotStore.put(options.snapshotKey, bytes);
    } catch {
      // Without a snapshot workers simply start cold.
    } finally {
      makingSnapshot = false;
    }
  }

  function failWaiters(): void {
    const error = new EngineStartError(`no engine worker could start: ${String(lastStartError)}`);
    rejectAllReady(error);
    for (const w of waiters.splice(0)) w.reject(error);
  }

  const slots = Array.from(
    { length: options.size },
    () => new WorkerSlot(options.spawn, hooks, options.sharedMemory, graceMs, options.maxHeapBytes ?? 768 * 2 ** 20),
  );

  async function startAll(): Promise<void> {
    if (options.snapshotStore && options.snapshotKey) {
      try {
        snapshot = (await options.snapshotStore.get(options.snapshotKey)) ?? null;
      } catch {
        snapshot = null;
      }
    }
    snapshotLoaded = true;
    if (!closed) for (const slot of slots) slot.start();
  }
  void startAll();

  /** Give a free slot to the oldest waiter. */
  function dispatch(slot: WorkerSlot): void {
    while (slot.available && waiters.length) {
      const w = waiters.shift()!;
      if (w.signal?.aborted) {
        w.reject(w.signal.reason);
        continue;
      }
      slot.reserve();
      w.resolve(slot);
      return;
    }
  }

  function acquire(signal?: AbortSignal): Promise<WorkerSlot> {
    if (closed) return Promise.reject(new EngineStartError('pool closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (snapshotLoaded && startFailures >= START_ATTEMPTS * options.size) {
      return Promise.reject(new EngineStartError(`no engine worker could start: ${String(lastStartError)}`));
    }
    return new Promise<WorkerSlot>((resolve, reject) => {
      const onAbort = () => {
        const i = waiters.indexOf(waiter);
        if (i >= 0) waiters.splice(i, 1), reject(signal!.reason);
      };
      // A run-wide signal serves thousands of calls: each listener goes as soon as its call has a worker.
      const done = () => signal?.removeEventListener('abort', onAbort);
      const waiter: Waiter = {
        resolve: (slot) => (done(), resolve(slot)),
        reject: (error) => (done(), reject(error)),
        signal,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.push(waiter);
      for (const slot of slots) if (slot.available) dispatch(slot);
    });
  }

  function watch(): void {
    const now = Date.now();
    for (const slot of slots) slot.tick(now);
    if (!slots.some((s) => s.busy) && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  const runCall: RunCall = async (invoke, progress, budgetMs, signal) => {
    for (;;) {
      const slot = await acquire(signal);
      if (!timer) {
        timer = setInterval(watch, tickMs);
        (timer as { unref?: () => void }).unref?.();
      }
      try {
        const outcome = await slot.run(invoke, progress, Date.now() + budgetMs + callSlackMs, signal);
        if (outcome.kind !== 'unavailable') return outcome; // else the worker vanished before the call: retry
      } finally {
        if (slot.available) dispatch(slot);
      }
    }
  };

  const shared = options.sharedMemory;
  return {
    ready: () => allReady,
    score: (request: ScoreRequest, call?: CallOptions) => scoreJob(runCall, request, shared, options, call?.signal),
    expect: (request: IoExpectRequest, call?: CallOptions) => expectJob(runCall, request, shared, call?.signal),
    programKeys: (codes: readonly string[], call?: CallOptions) => keysJob(runCall, codes, call?.signal),
    stats: () => ({ ...stats, readyInfo: stats.readyInfo.slice() }),
    watchReady(listener) {
      readyListeners.add(listener);
      return () => void readyListeners.delete(listener);
    },
    async close() {
      readyListeners.clear();
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      for (const slot of slots) slot.close();
      for (const w of waiters.splice(0)) w.reject(new EngineStartError('pool closed'));
    },
  };
}
