// Opens a database through an injectable IDBFactory (the browser's, or fake-indexeddb's in tests) and runs pending migrations.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { LAB_MIGRATIONS } from './lab-migrations';
import { applyMigrations, targetVersion, type MigrationStep } from './migrations';
import { LAB_DB_NAME, type LabDb, type LabSchema } from './schema';

/** Where and how to open. */
export interface OpenOptions {
  /** Defaults to the global `indexedDB` (tests pass a fresh fake-indexeddb factory). */
  factory?: IDBFactory;
  /** Called when another tab holds an older version open and must close it first. */
  onBlocked?: () => void;
}

/** Opens the Verifier Lab database at the current schema version, migrating older data. */
export function openLabDb(options: OpenOptions & { name?: string } = {}): Promise<LabDb> {
  return openWithMigrations<LabSchema>(options.name ?? LAB_DB_NAME, LAB_MIGRATIONS, options);
}

/**
 * Opens `name` at the version `steps` lead to, with idb's openDB: its upgrade callback applies the steps above the
 * stored version. A failing step aborts the upgrade (old version and data stay) and rejects with
 * StorageMigrationError. The connection closes itself when a newer tab wants to upgrade (`blocking`).
 */
export async function openWithMigrations<S extends DBSchema>(
  name: string,
  steps: readonly MigrationStep<S>[],
  options: OpenOptions = {},
): Promise<IDBPDatabase<S>> {
  const version = targetVersion(steps);
  const { onBlocked } = options;
  let failure: unknown;
  let db: IDBPDatabase<S> | undefined;
  const open = () =>
    openDB<S>(name, version, {
      upgrade(upgrading, oldVersion, _newVersion, tx) {
        tx.done.catch(() => {}); // the open request reports an aborted upgrade
        applyMigrations(steps, oldVersion, { db: upgrading, tx }).catch((error: unknown) => {
          failure = error;
          try {
            tx.abort();
          } catch {
            // already finished
          }
        });
      },
      ...(onBlocked ? { blocked: () => onBlocked() } : {}),
      blocking: () => db?.close(),
    });
  try {
    db = await onFactory(options.factory, open);
  } catch (error) {
    throw failure ?? error;
  }
  return db;
}

/**
 * Runs `open` with `factory` as the global indexedDB. idb's openDB has no factory parameter; it calls
 * `indexedDB.open` synchronously on entry, so a factory given here (tests: a fresh fake-indexeddb one) is the global
 * only for that synchronous call and the global is put back before anything else runs.
 */
function onFactory<T>(factory: IDBFactory | undefined, open: () => T): T {
  if (factory === undefined || factory === globalThis.indexedDB) return open();
  const global = globalThis as { indexedDB?: IDBFactory };
  const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
  Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true, writable: true });
  try {
    return open();
  } finally {
    if (own) Object.defineProperty(globalThis, 'indexedDB', own);
    else delete global.indexedDB;
  }
}
