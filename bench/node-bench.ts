// The Node side of the benchmark: worker_threads pools (the CLI's engine), started cold (no snapshot) or warm
// (from a memory snapshot in a file store, as the CLI's cache under node_modules/.cache keeps it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePool } from '../src/engine/node-pool';
import { nodeEngineSources } from '../src/engine/node-sources';
import { nodeSnapshotStore } from '../src/engine/node-snapshot-store';
import type { EnginePool } from '../src/engine/pool-types';
import { snapshotKey } from '../src/engine/snapshot';
import type { ReadyTime } from './browser-bench';

/** A snapshot store of the bench's own (the CLI's cache is left alone), holding one fresh snapshot. */
export async function primedNodeStore(): Promise<ReturnType<typeof nodeSnapshotStore>> {
  const store = nodeSnapshotStore(mkdtempSync(join(tmpdir(), 'verifier-lab-bench-snapshot-')));
  const key = snapshotKey(nodeEngineSources().preload, nodeEngineSources().harness);
  const pool = createNodePool({ size: 1, snapshotStore: store });
  await pool.ready();
  for (let i = 0; i < 600 && !(await store.get(key)); i++) await new Promise((r) => setTimeout(r, 100));
  await pool.close();
  if (!(await store.get(key))) throw new Error('no Node snapshot was stored');
  return store;
}

/** Start a pool, time it until every worker is ready, close it. */
export async function nodeReady(size: number, store: ReturnType<typeof nodeSnapshotStore> | null): Promise<ReadyTime> {
  const t = performance.now();
  const pool = createNodePool({ size, snapshotStore: store });
  const info = await pool.ready();
  const wallMs = performance.now() - t;
  await pool.close();
  return { wallMs, info };
}

/** The throughput pool, warm. */
export async function openNodePool(size: number, store: ReturnType<typeof nodeSnapshotStore>): Promise<{ pool: EnginePool; ready: ReadyTime }> {
  const t = performance.now();
  const pool = createNodePool({ size, snapshotStore: store });
  const info = await pool.ready();
  return { pool, ready: { wallMs: performance.now() - t, info } };
}
