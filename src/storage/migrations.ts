// Schema migration framework: numbered cumulative steps, each applied when the stored version is below it, in one versionchange transaction.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { errorMessage } from '../core/error-message';

/** What a step may touch: the database (create/delete stores) and the upgrade transaction (move data). */
export interface MigrationContext<S extends DBSchema> {
  db: IDBPDatabase<S>;
  tx: IDBPTransaction<S, StoreNames<S>[], 'versionchange'>;
}

/**
 * One schema version. `apply` runs when the stored version is below `version` (the house
 * `if (oldVersion < n)` rule). It may await IDB requests of `tx`, nothing else (the transaction would commit).
 */
export interface MigrationStep<S extends DBSchema> {
  version: number;
  describe: string;
  apply(context: MigrationContext<S>): void | Promise<void>;
}

/** A migration step failed; the upgrade was rolled back and the database keeps its old version and data. */
export class StorageMigrationError extends Error {
  override readonly name = 'StorageMigrationError';

  constructor(
    readonly fromVersion: number,
    readonly step: number,
    override readonly cause: unknown,
  ) {
    super(`upgrading the database from version ${fromVersion} failed at step ${step}: ${errorMessage(cause)}`);
  }
}

/** The version a list of steps leads to; throws unless the steps are numbered 1, 2, 3... in order. */
export function targetVersion<S extends DBSchema>(steps: readonly MigrationStep<S>[]): number {
  steps.forEach((step, i) => {
    if (step.version !== i + 1) throw new RangeError(`migration steps must be numbered 1..n in order; step ${i + 1} says ${step.version}`);
  });
  if (steps.length === 0) throw new RangeError('at least one migration step is needed');
  return steps.length;
}

/** Applies every step above `oldVersion` in order. Rejects with StorageMigrationError naming the failing step. */
export async function applyMigrations<S extends DBSchema>(
  steps: readonly MigrationStep<S>[],
  oldVersion: number,
  context: MigrationContext<S>,
): Promise<void> {
  for (const step of steps) {
    if (oldVersion >= step.version) continue;
    try {
      await step.apply(context);
    } catch (error) {
      throw new StorageMigrationError(oldVersion, step.version, error);
    }
  }
}
