// Node transport of the pool: the workers run in a child process, the engine host (node-engine-host.ts),
// under Node's permission model, with an empty environment (no API keys) and read access to Pyodide and the
// engine's bundles only. This object is the pool as callers see it; it relays calls over IPC, keeps the
// snapshot store on this side (the host cannot write files) and starts a new host if one dies.
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { CandidateResult, IoExpected, IoExpectRequest, ScoreRequest } from '../core/run/types';
import { sentOnce } from './expected-outputs';
import { nodeEngineBundles } from './node-bundles';
import type { FromHost, HostInit, ToHost } from './node-host-protocol';
import { permissionFlags } from './node-permission';
import { nodeEngineSources, nodePyodideDir } from './node-sources';
import { nodeSnapshotStore } from './node-snapshot-store';
import { EngineStartError } from './pool-core';
import { defaultPoolSize, type CallOptions, type EnginePool, type PoolOptions, type PoolStats } from './pool-types';
import type { ReadyInfo } from './runtime';
import { snapshotKey, type SnapshotStore } from './snapshot';

export interface NodePoolOptions extends Partial<Omit<PoolOptions, 'spawn' | 'sharedMemory' | 'snapshotStore'>> {
  /** null disables the snapshot cache; default: a file under node_modules/.cache/verifier-lab/. */
  snapshotStore?: SnapshotStore | null;
  /** Show the host's and workers' own console output (Pyodide's fatal-error dumps, ...). */
  workerOutput?: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  message: ToHost & { id: number };
  signal?: AbortSignal;
  /** A score request as the caller gave it (with its expected outputs), to send again if the host lost them. */
  original?: ScoreRequest;
}

/** Expected-output keys the host holds (it keeps EXPECTED_KEPT; when it has dropped one it says so). */
const KNOWN_KEYS = 64;

export function createNodePool(options: NodePoolOptions = {}): EnginePool {
  const sources = nodeEngineSources();
  const store = options.snapshotStore === undefined ? nodeSnapshotStore() : options.snapshotStore;
  const size = options.size ?? defaultPoolSize(availableParallelism());
  const { snapshotStore: _store, workerOutput, onWorkerReady, ...rest } = options;
  const bundles = nodeEngineBundles();
  const pyodideDir = nodePyodideDir();
  const init: HostInit = {
    pool: { ...rest, size, snapshotKey: options.snapshotKey ?? snapshotKey(sources.preload, sources.harness) },
    snapshots: !!store,
    workerReady: !!onWorkerReady,
    workerScript: bundles.worker,
    indexURL: pyodideDir,
    sources: { harnessSources: sources.harness, preloadSource: sources.preload },
    workerOutput: !!workerOutput,
  };
  let stats: PoolStats = { size, workersStarted: 0, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: [] };
  const pending = new Map<number, Pending>();
  const known = new Set<string>();
  let ids = 0;
  let host: ChildProcess | null = null;
  let closed = false;

  function startHost(): ChildProcess {
    const child = fork(bundles.host, [], {
      execArgv: permissionFlags([pyodideDir, `${bundles.dir}/`]),
      env: {},
      serialization: 'advanced',
      stdio: workerOutput ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    child.on('message', (m: FromHost) => onMessage(child, m));
    child.on('exit', (code, signal) => {
      if (host !== child) return;
      host = null;
      known.clear();
      const error = new Error(`the engine host exited (${signal ?? `code ${code}`})`);
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(closed ? new EngineStartError('pool closed') : error);
      }
    });
    child.send({ type: 'init', init } satisfies ToHost);
    return child;
  }

  function onMessage(child: ChildProcess, m: FromHost): void {
    if (m.type === 'snapshot-get') {
      const reply = (bytes: Uint8Array | null) => child.connected && child.send({ type: 'snapshot', id: m.id, bytes } satisfies ToHost);
      (store ? store.get(m.key) : Promise.resolve(null)).then((b) => reply(b ?? null), () => reply(null));
      return;
    }
    if (m.type === 'snapshot-put') {
      void store?.put(m.key, m.bytes).catch(() => {});
      return;
    }
    stats = m.stats;
    if (m.type === 'worker-ready') return onWorkerReady?.({ ...stats, readyInfo: stats.readyInfo.slice() });
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'result') {
      pending.delete(m.id);
      return p.resolve(m.value);
    }
    if (m.missing && p.original) {
      // The host dropped these outputs: send the request again with them.
      known.delete(m.missing);
      pending.delete(m.id);
      p.message = { type: 'score', id: ++ids, request: p.original };
      pending.set(p.message.id, p);
      host?.send(p.message);
      return;
    }
    pending.delete(m.id);
    if (m.aborted && p.signal?.aborted) return p.reject(p.signal.reason);
    const error = m.name === 'EngineStartError' ? new EngineStartError(m.message) : new Error(m.message);
    p.reject(error);
  }

  function call<T>(message: ToHost & { id: number }, signal?: AbortSignal, original?: ScoreRequest): Promise<T> {
    if (closed) return Promise.reject(new EngineStartError('pool closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    host ??= startHost();
    const child = host;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { resolve: () => {}, reject, message, signal, original };
      const onAbort = () => child.connected && child.send({ type: 'abort', id: entry.message.id } satisfies ToHost);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      entry.resolve = (v) => (done(), resolve(v as T));
      entry.reject = (e) => (done(), reject(e));
      pending.set(message.id, entry);
      child.send(message);
    });
  }

  return {
    ready: () => call<ReadyInfo[]>({ type: 'ready', id: ++ids }),
    score: (request: ScoreRequest, opts?: CallOptions) => call<CandidateResult>({ type: 'score', id: ++ids, request: sentOnce(request, known, KNOWN_KEYS) }, opts?.signal, request),
    expect: (request: IoExpectRequest, opts?: CallOptions) => call<IoExpected>({ type: 'expect', id: ++ids, request }, opts?.signal),
    programKeys: (codes: readonly string[], opts?: CallOptions) => call<(string | null)[]>({ type: 'keys', id: ++ids, codes: codes.slice() }, opts?.signal),
    stats: () => ({ ...stats, readyInfo: stats.readyInfo.slice() }),
    async close() {
      if (closed) return;
      const child = host;
      if (child) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await call({ type: 'close', id: ++ids }).catch(() => {});
        closed = true;
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      closed = true;
    },
  };
}
