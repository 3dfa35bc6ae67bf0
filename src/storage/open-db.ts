// Opens a database through an injectable IDBFactory (the browser's, or fake-indexeddb's in tests) and runs pending migrations.
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { LAB_MIGRATIONS } from './lab-migrations';
import { applyMigrations, targetVersion, type MigrationStep } from './migrations';
import { LAB_DB_NAME, type LabDb, type LabSchema } from './schema';

/** Where and how to open. */
export interface OpenOptions {
  /** Defaults to the global `indexedDB`. */
  factory?: IDBFactory;
  /** Called when another tab holds an older version open and must close it first. */
  onBlocked?: () => void;
}

/** Opens the Verifier Lab database at the current schema version, migrating older data. */
export function openLabDb(options: OpenOptions & { name?: string } = {}): Promise<LabDb> {
  return openWithMigrations<LabSchema>(options.name ?? LAB_DB_NAME, LAB_MIGRATIONS, options);
}

/**
 * Opens `name` at the version `steps` lead to. A failing step aborts the upgrade (old version and data stay) and
 * rejects with StorageMigrationError. The connection closes itself when a newer tab wants to upgrade.
 */
export async function openWithMigrations<S extends DBSchema>(
  name: string,
  steps: readonly MigrationStep<S>[],
  options: OpenOptions = {},
): Promise<IDBPDatabase<S>> {
  const factory = options.factory ?? indexedDB;
  const request = factory.open(name, targetVersion(steps));
  let failure: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as IDBPDatabase<S>;
    const tx = wrap(request.transaction!) as unknown as IDBPTransaction<S, StoreNames<S>[], 'versionchange'>;
    tx.done.catch(() => {}); // the open request reports an aborted upgrade
    applyMigrations(steps, event.oldVersion, { db, tx }).catch((error: unknown) => {
      failure = error;
      try {
        tx.abort();
      } catch {
        // already finished
      }
    });
  });
  if (options.onBlocked) request.addEventListener('blocked', options.onBlocked);
  let db: IDBPDatabase<S>;
  try {
    db = (await wrap(request)) as unknown as IDBPDatabase<S>;
  } catch (error) {
    throw failure ?? error;
  }
  db.addEventListener('versionchange', () => db.close());
  return db;
}
