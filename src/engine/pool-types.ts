// Contracts between the pool core and the two transports (Node worker_threads, browser Web Workers).
import type { CandidateResult, IoExpectRequest, IoExpected, ScoreRequest } from '../core/run/types';
import type { ReadyInfo } from './runtime';
import type { SnapshotStore } from './snapshot';
import type { EngineApi } from './worker-api';

/** The calls a pool makes on a worker: the worker's EngineApi as comlink's wrap() gives it (each method
 *  returns a promise), derived from the implementation. A `Remote<EngineApi>` is one; so is a test's fake. */
export type WorkerCalls = { [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => Promise<Awaited<ReturnType<EngineApi[K]>>> };

/** One live worker as the transport created it. */
export interface WorkerHandle {
  calls: WorkerCalls;
  /** Resolves with a reason if the worker dies on its own (error or exit); never rejects. */
  died: Promise<string>;
  /** Stop the worker now. Pending calls never settle after this (comlink), so the pool settles them. */
  terminate(): void;
}

export interface SpawnOptions {
  /** Int32Array over shared memory; null when SharedArrayBuffer is unavailable. */
  interrupt: Int32Array | null;
  snapshot: Uint8Array | null;
  makeSnapshot: boolean;
}

export type SpawnWorker = (options: SpawnOptions) => WorkerHandle;

export interface PoolOptions {
  spawn: SpawnWorker;
  /** Number of workers (transports default to one per core). */
  size: number;
  /** SharedArrayBuffer usable (Node; cross-origin isolated pages). Without it only the hard watchdog works. */
  sharedMemory: boolean;
  snapshotStore?: SnapshotStore | null;
  /** From snapshotKey(preload and harness sources). */
  snapshotKey?: string;
  /** How long after the interrupt an overdue test may take before its worker is killed (ms, default 1000). */
  graceMs?: number;
  /** Allowance over a candidate's budget for compiling and transfers before the call is killed (ms, default 10000). */
  callSlackMs?: number;
  /** Worker replacements allowed per candidate before its remaining tests are given up (default 4). */
  maxRestartsPerCandidate?: number;
  /** Replace a worker whose wasm heap grew beyond this (bytes, default 768 MiB): wasm memory never shrinks. */
  maxHeapBytes?: number;
  /** Watchdog period (ms, default 10). */
  tickMs?: number;
  /** Called each time a worker has started (the first ones and every replacement), with the stats as of then
   *  (`readyInfo` has gained that worker's entry): a start can be followed without polling stats(). */
  onWorkerReady?: (stats: PoolStats) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PoolStats {
  size: number;
  workersStarted: number;
  /** Workers killed by the watchdog because an interrupt did not land. */
  watchdogKills: number;
  /** Workers lost to fatal errors or exits. */
  crashes: number;
  /** Workers replaced because their heap grew too large. */
  recycled: number;
  /** How the ready workers started. */
  readyInfo: ReadyInfo[];
}

export interface EnginePool {
  /** Resolves when every worker has started once. */
  ready(): Promise<ReadyInfo[]>;
  /** Score one candidate. Rejects only on abort or when no worker can start. */
  score(request: ScoreRequest, options?: CallOptions): Promise<CandidateResult>;
  /** Canonical outputs (and times) of an io problem. */
  expect(request: IoExpectRequest, options?: CallOptions): Promise<IoExpected>;
  /** Each program's syntax-tree key (same key: same program up to formatting and comments; null: it does
   *  not parse, or could not be keyed). Nothing is run. Rejects only on abort. */
  programKeys(codes: readonly string[], options?: CallOptions): Promise<(string | null)[]>;
  stats(): PoolStats;
  /** Calls `listener` each time a worker has started (see PoolOptions.onWorkerReady), until the returned
   *  function is called. Any number of listeners: a tab's runs share one pool. Pools may not offer it. */
  watchReady?(listener: (stats: PoolStats) => void): () => void;
  close(): Promise<void>;
}

/** Workers to use by default: one per core. The main thread mostly waits on them (measured in issue 15: on 2
 *  cores the CLI re-verified at 0.59x native with one worker and 0.74x with two). */
export function defaultPoolSize(cores: number | undefined): number {
  return Math.max(1, cores ?? 2);
}
