// Node's canonical cache: one JSON file per key (its sha256) in canonical/ beside the snapshot cache. A missing,
// unreadable or malformed file is a miss, never an error; writes go through a temp file and a rename, so two
// processes never read half a file. `remeasure` reads nothing and writes every run again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CanonicalCache } from '../core/run/canonical-cache';
import { nodeEngineSources } from './node-sources';
import { engineCacheDir } from './node-snapshot-store';
import type { EngineCanonicalCache } from './prepare-tests';
import { snapshotKey } from './snapshot';

export function nodeCanonicalCache(options: { dir?: string; remeasure?: boolean } = {}): EngineCanonicalCache & { dir: string } {
  const dir = options.dir ?? join(engineCacheDir(), 'canonical');
  const file = (key: string) => join(dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  const cache: CanonicalCache = {
    async get(key) {
      if (options.remeasure) return null;
      try {
        return JSON.parse(readFileSync(file(key), 'utf8'));
      } catch {
        return null;
      }
    },
    async put(key, record) {
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${file(key)}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, JSON.stringify(record));
        renameSync(tmp, file(key));
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
  const sources = nodeEngineSources();
  return { cache, engineKey: snapshotKey(sources.preload, sources.harness), dir };
}
