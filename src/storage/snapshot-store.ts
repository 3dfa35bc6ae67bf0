// The engine's Pyodide memory-snapshot cache in IndexedDB. It lives in its own small database, not in the lab
// schema: a snapshot is a rebuildable cache (about 31 MB), not user data, so it needs no migrations, never
// blocks or is blocked by a lab schema upgrade, and can be dropped whole. Only the newest key is kept (keys name
// the Pyodide version), and failures never reach the pool: a failed get is a miss, a failed put is logged.
import type { DBSchema, IDBPDatabase } from 'idb';
import { openWithMigrations } from './open-db';
import type { MigrationStep } from './migrations';

/** Name of the snapshot cache database. */
export const SNAPSHOT_DB_NAME = 'verifier-lab-snapshots';

interface SnapshotSchema extends DBSchema {
  /** Snapshot bytes keyed by the engine's snapshot key (Pyodide version, preload and harness hashes). */
  snapshots: { key: string; value: Uint8Array };
}

const STEPS: readonly MigrationStep<SnapshotSchema>[] = [
  { version: 1, describe: 'snapshots keyed by snapshot key', apply: ({ db }) => void db.createObjectStore('snapshots') },
];

export interface IdbSnapshotStoreOptions {
  /** Defaults to the global `indexedDB`. */
  factory?: IDBFactory;
  name?: string;
  /** Where put failures are reported (default console.warn). */
  warn?: (message: string, error: unknown) => void;
}

/** The engine's SnapshotStore shape, restated so storage does not import the engine (siblings, house rule 1). */
export interface SnapshotCache {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** A snapshot cache in IndexedDB that keeps only the last snapshot put and never rejects. */
export function idbSnapshotStore(options: IdbSnapshotStoreOptions = {}): SnapshotCache {
  const name = options.name ?? SNAPSHOT_DB_NAME;
  const warn = options.warn ?? ((message, error) => console.warn(message, error));

  // A connection per call: calls are rare (one get per pool, one put per new key) and none stays open.
  async function withDb<T>(use: (db: IDBPDatabase<SnapshotSchema>) => Promise<T>): Promise<T> {
    const db = await openWithMigrations(name, STEPS, { factory: options.factory });
    try {
      return await use(db);
    } finally {
      db.close();
    }
  }

  return {
    async get(key) {
      try {
        return (await withDb((db) => db.get('snapshots', key))) ?? null;
      } catch {
        return null; // the workers start cold and make a new one
      }
    },
    async put(key, bytes) {
      try {
        await withDb(async (db) => {
          // Stale snapshots go first, in their own transaction, so their space is free before the big write.
          const stale = (await db.getAllKeys('snapshots')).filter((k) => k !== key);
          if (stale.length) {
            const tx = db.transaction('snapshots', 'readwrite');
            await Promise.all([...stale.map((k) => tx.store.delete(k)), tx.done]);
          }
          // Awaiting the transaction, not the request, reports a quota abort as QuotaExceededError.
          const tx = db.transaction('snapshots', 'readwrite');
          tx.store.put(bytes, key).catch(() => {});
          await tx.done;
        });
      } catch (error) {
        warn(`Pyodide snapshot not cached (${bytes.byteLength} bytes); workers will keep starting cold`, error);
      }
    },
  };
}
