// Node snapshot cache: one file per key under node_modules/.cache/verifier-lab/ (or the OS temp dir when
// node_modules is not writable), the snapshot followed by its sha256. A missing, unreadable or altered file is
// a cache miss (an altered one is removed), never an error. The engine host cannot write here at all.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { SnapshotStore } from './snapshot';
import { nodePyodideDir } from './node-sources';

/** node_modules/.cache/verifier-lab/, else the OS temp dir's verifier-lab/: where the engine's caches live. */
export function engineCacheDir(): string {
  const nodeModules = join(nodePyodideDir(), '..');
  for (const dir of [join(nodeModules, '.cache', 'verifier-lab'), join(tmpdir(), 'verifier-lab')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // try the next location
    }
  }
  return tmpdir();
}

const HASH_BYTES = 32;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

export function nodeSnapshotStore(dir: string = engineCacheDir()): SnapshotStore & { dir: string } {
  const file = (key: string) => join(dir, `${key.replace(/[^\w.-]/g, '_')}.snapshot`);
  return {
    dir,
    async get(key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file(key));
      } catch {
        return null;
      }
      const body = bytes.subarray(0, Math.max(0, bytes.length - HASH_BYTES));
      if (bytes.length < HASH_BYTES || !sha256(body).equals(bytes.subarray(body.length))) {
        rmSync(file(key), { force: true });
        return null;
      }
      return new Uint8Array(body);
    },
    async put(key, bytes) {
      try {
        // Write then rename, so a concurrent reader never sees half a snapshot.
        const tmp = `${file(key)}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, Buffer.concat([bytes, sha256(bytes)]));
        renameSync(tmp, file(key));
        // Snapshots of other Pyodide builds or sources are 31 MB each and never read again (running pools
        // keep theirs in memory).
        for (const name of readdirSync(dir)) {
          if (name.startsWith('pyodide-') && name.endsWith('.snapshot') && join(dir, name) !== file(key)) rmSync(join(dir, name), { force: true });
        }
      } catch {
        // A cache that cannot be written only costs start-up time.
      }
    },
  };
}
