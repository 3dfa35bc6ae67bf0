// The canonical cache in IndexedDB (core/run/canonical-cache.ts): its own small database, like the snapshot
// cache, since it is rebuildable and not user data (no lab migrations, dropped whole by "re-measure").
// Records are keyed by the SHA-256 of the cache key's text. Failures never reach a job: a failed get is a
// miss, a failed put is dropped (the canonical runs again next time).
import type { DBSchema, IDBPDatabase } from 'idb';
import type { CanonicalCache, CanonicalRecord } from '../core/run/canonical-cache';
import type { MigrationStep } from './migrations';
import { openWithMigrations } from './open-db';
import { sha256OfText } from './sha256';

/** Name of the canonical cache database. */
export const CANONICAL_DB_NAME = 'verifier-lab-canonical';

interface CanonicalSchema extends DBSchema {
  runs: { key: string; value: CanonicalRecord };
}

const STEPS: readonly MigrationStep<CanonicalSchema>[] = [
  { version: 1, describe: 'canonical runs keyed by the SHA-256 of their cache key', apply: ({ db }) => void db.createObjectStore('runs') },
];

export interface IdbCanonicalCache extends CanonicalCache {
  /** Forget every kept run: the next jobs time their canonical solutions again. */
  clear(): Promise<void>;
  /** Kept runs. */
  count(): Promise<number>;
}

export function idbCanonicalCache(options: { factory?: IDBFactory; name?: string } = {}): IdbCanonicalCache {
  const name = options.name ?? CANONICAL_DB_NAME;
  async function withDb<T>(use: (db: IDBPDatabase<CanonicalSchema>) => Promise<T>): Promise<T> {
    const db = await openWithMigrations(name, STEPS, { factory: options.factory });
    try {
      return await use(db);
    } finally {
      db.close();
    }
  }
  const id = async (key: string) => (await sha256OfText(key)).sha256;
  return {
    async get(key) {
      try {
        return (await withDb(async (db) => db.get('runs', await id(key)))) ?? null;
      } catch {
        return null;
      }
    },
    async put(key, record) {
      try {
        const k = await id(key);
        await withDb((db) => db.put('runs', record, k));
      } catch {
        // dropped: the canonical solution runs again next time
      }
    },
    clear: () => withDb((db) => db.clear('runs')),
    count: () => withDb((db) => db.count('runs')),
  };
}
