// Stored runs: create, list (headline metrics included), get, status/progress/metrics updates, cascading delete.
import type { StoreNames } from 'idb';
import type { MetricsBySplit } from '../core/metrics/types';
import { readRun } from '../core/run/run-read';
import { withStatus } from '../core/run/run-status';
import { draftRun, type NewRunInput, type Run, type RunProgress, type RunStatus } from '../core/run/run-types';
import { runKeyRange, type LabDb, type LabSchema } from './schema';
import { RunNotFoundError } from './storage-errors';
import { queued, writeTransaction, type WriteTx } from './write-transaction';

/** Id and clock overrides (tests, imports); defaults are a random UUID and Date.now(). */
export interface StampOptions {
  id?: string;
  now?: number;
}

/**
 * Stores a new 'draft' run. The record is copied field by field first, so nothing outside the run
 * model (an `apiKey` riding along on the verifier config, say) reaches IndexedDB.
 */
export async function createRun(db: LabDb, input: NewRunInput, options: StampOptions = {}): Promise<Run> {
  const run = readRun(draftRun(input, options.id ?? crypto.randomUUID(), options.now ?? Date.now()));
  await writeTransaction(db, ['runs'], `the run "${run.name}"`, (tx) => queued(tx.objectStore('runs').add(run)));
  return run;
}

/** Every run, newest first. Runs are small (records live in their own stores), so this stays cheap. */
export async function listRuns(db: LabDb): Promise<Run[]> {
  return (await db.getAllFromIndex('runs', 'by-createdAt')).reverse();
}

/** One run. */
export function getRun(db: LabDb, id: string): Promise<Run | undefined> {
  return db.get('runs', id);
}

/** Moves a run to `status` if the lifecycle allows it (RunStatusError otherwise). `error` is kept only for 'failed'. */
export function updateRunStatus(db: LabDb, id: string, status: RunStatus, options: { error?: string; now?: number } = {}): Promise<Run> {
  return modifyRun(db, id, options.now, (run) => withStatus(run, status, options.error));
}

/** Replaces a run's counters. */
export function updateRunProgress(db: LabDb, id: string, progress: RunProgress, now?: number): Promise<Run> {
  return modifyRun(db, id, now, (run) => ({ ...run, progress }));
}

/** Stores (or clears, with null) a run's headline metrics. */
export function setRunMetrics(db: LabDb, id: string, metrics: MetricsBySplit | null, now?: number): Promise<Run> {
  return modifyRun(db, id, now, (run) => ({ ...run, metrics }));
}

/** Deletes a run with all its generations and results, in one transaction. */
export async function deleteRun(db: LabDb, id: string): Promise<void> {
  await writeTransaction(db, ['runs', 'generations', 'results'], 'the deletion', (tx) => {
    queued(tx.objectStore('runs').delete(id));
    queued(tx.objectStore('generations').delete(runKeyRange(id)));
    queued(tx.objectStore('results').delete(runKeyRange(id)));
  });
}

/** Read, change and write back one run in a single transaction; the change is validated like a new run. */
async function modifyRun(db: LabDb, id: string, now: number | undefined, change: (run: Run) => Run): Promise<Run> {
  return writeTransaction(db, ['runs'], 'the run update', async (tx) => {
    const run = await tx.objectStore('runs').get(id);
    if (!run) throw new RunNotFoundError(id);
    const next = readRun({ ...change(run), updatedAt: now ?? Date.now() });
    queued(tx.objectStore('runs').put(next));
    return next;
  });
}

/** Throws RunNotFoundError unless every run is stored; called inside the transaction that writes its records. */
export async function requireRuns(tx: WriteTx<['runs', ...StoreNames<LabSchema>[]]>, runIds: Iterable<string>): Promise<void> {
  for (const id of runIds) {
    if ((await tx.objectStore('runs').getKey(id)) === undefined) throw new RunNotFoundError(id);
  }
}
