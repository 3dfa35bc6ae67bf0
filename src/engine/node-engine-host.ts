// The engine host: a child process that runs a Node pool's worker threads under Node's permission model
// (node-permission.ts), so that code which ever escaped Python and the worker realm would still find no
// host files to write, no processes to start and no code to load. It talks to its caller over IPC
// (node-host-protocol.ts); the memory snapshot is kept by the caller, since this process cannot write files.
import { pathToFileURL } from 'node:url';
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import { HeldOutputs } from './expected-outputs';
import type { FromHost, HostInit, ToHost } from './node-host-protocol';
import { spawnNodeThread } from './node-threads';
import { createPool } from './pool-core';
import type { EnginePool } from './pool-types';
import type { SnapshotStore } from './snapshot';

/** Expected outputs kept here by key, so the caller sends each (up to hundreds of MB) once. */
const EXPECTED_KEPT = 16;

const send = (message: FromHost) => process.send!(message);
let pool: EnginePool | null = null;
const calls = new Map<number, AbortController>();
const snapshotWaits = new Map<number, (bytes: Uint8Array | null) => void>();
const expected = new HeldOutputs(EXPECTED_KEPT);
let snapshotIds = 0;

function snapshotStore(): SnapshotStore {
  return {
    get: (key) =>
      new Promise((resolve) => {
        const id = ++snapshotIds;
        snapshotWaits.set(id, resolve);
        send({ type: 'snapshot-get', id, key });
      }),
    put: async (key, bytes) => void send({ type: 'snapshot-put', key, bytes }),
  };
}

function start(init: HostInit): EnginePool {
  return createPool({
    ...init.pool,
    spawn: spawnNodeThread(pathToFileURL(init.workerScript), init.indexURL, init.sources, init.workerOutput),
    sharedMemory: true,
    snapshotStore: init.snapshots ? snapshotStore() : null,
    onWorkerReady: init.workerReady ? (stats) => send({ type: 'worker-ready', stats }) : undefined,
  });
}

async function answer(id: number, work: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
  const controller = new AbortController();
  calls.set(id, controller);
  try {
    const value = await work(controller.signal);
    send({ type: 'result', id, value, stats: pool!.stats() });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const missing = (e as { missing?: string }).missing;
    send({ type: 'error', id, name: error.name, message: error.message, aborted: controller.signal.aborted, missing, stats: pool!.stats() });
  } finally {
    calls.delete(id);
  }
}

process.on('message', (message: ToHost) => {
  switch (message.type) {
    case 'init':
      pool = start(message.init);
      return;
    case 'ready':
      return void answer(message.id, () => pool!.ready());
    case 'score':
      return void answer(message.id, (signal) => {
        const request = expected.filled(message.request);
        if (!request) return Promise.reject(Object.assign(new Error('expected outputs not held'), { missing: (message.request.tests as { expected: { key: string } }).expected.key }));
        return pool!.score(request, { signal });
      });
    case 'expect':
      return void answer(message.id, (signal) => pool!.expect(message.request as IoExpectRequest, { signal }));
    case 'keys':
      return void answer(message.id, (signal) => pool!.programKeys(message.codes, { signal }));
    case 'abort':
      return calls.get(message.id)?.abort(new Error('aborted'));
    case 'snapshot': {
      const resolve = snapshotWaits.get(message.id);
      snapshotWaits.delete(message.id);
      return resolve?.(message.bytes);
    }
    case 'close':
      return void answer(message.id, async () => {
        await pool?.close();
        setImmediate(() => process.exit(0));
      });
  }
});
// The caller went away: nothing is left to answer to.
process.on('disconnect', () => process.exit(0));
