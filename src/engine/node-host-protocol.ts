// Messages between a Node pool (node-pool.ts, in the caller's process) and its engine host (node-engine-host.ts,
// a child process under the permission model), over the IPC channel with structured-clone serialization.
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import type { PoolOptions, PoolStats } from './pool-types';
import type { WorkerSources } from './worker-api';

/** What the host needs to build its pool; everything else stays with the caller. */
export interface HostInit {
  pool: Omit<PoolOptions, 'spawn' | 'sharedMemory' | 'snapshotStore' | 'onWorkerReady'>;
  /** Whether the caller keeps a snapshot store (reached through snapshot-get / snapshot-put). */
  snapshots: boolean;
  /** Whether the caller wants a 'worker-ready' message per started worker. */
  workerReady: boolean;
  workerScript: string;
  indexURL: string;
  sources: WorkerSources;
  workerOutput: boolean;
}

export type ToHost =
  | { type: 'init'; init: HostInit }
  | { type: 'ready'; id: number }
  | { type: 'score'; id: number; request: ScoreRequest }
  | { type: 'expect'; id: number; request: IoExpectRequest }
  | { type: 'keys'; id: number; codes: string[] }
  | { type: 'abort'; id: number }
  | { type: 'close'; id: number }
  | { type: 'snapshot'; id: number; bytes: Uint8Array | null };

export type FromHost =
  | { type: 'result'; id: number; value: unknown; stats: PoolStats }
  /** `missing`: the host no longer holds these expected outputs; send the request again with them. */
  | { type: 'error'; id: number; name: string; message: string; aborted?: boolean; missing?: string; stats: PoolStats }
  /** A worker of the host's pool has started (sent only when the caller asked for onWorkerReady). */
  | { type: 'worker-ready'; stats: PoolStats }
  | { type: 'snapshot-get'; id: number; key: string }
  | { type: 'snapshot-put'; key: string; bytes: Uint8Array };
