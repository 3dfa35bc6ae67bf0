// Node snapshot cache: one file per key under node_modules/.cache/verifier-lab/ (or the OS temp dir when
// node_modules is not writable). A missing or unreadable file is a cache miss, never an error.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotStore } from './snapshot';
import { nodePyodideDir } from './node-sources';

function defaultDir(): string {
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

export function nodeSnapshotStore(dir: string = defaultDir()): SnapshotStore & { dir: string } {
  const file = (key: string) => join(dir, `${key.replace(/[^\w.-]/g, '_')}.snapshot`);
  return {
    dir,
    async get(key) {
      try {
        return new Uint8Array(readFileSync(file(key)));
      } catch {
        return null;
      }
    },
    async put(key, bytes) {
      try {
        // Write then rename, so a concurrent reader never sees half a snapshot.
        const tmp = `${file(key)}.${process.pid}.${Date.now()}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, file(key));
      } catch {
        // A cache that cannot be written only costs start-up time.
      }
    },
  };
}
