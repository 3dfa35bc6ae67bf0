// Generation records, written one by one as requests finish, and the "already done" query a resumed run starts from.
import { readGeneration } from '../core/run/record-read';
import type { GenerationRecord } from '../core/run/run-records';
import { problemKeyRange, type LabDb } from './schema';
import { requireRuns } from './runs-repo';
import { queued, writeTransaction } from './write-transaction';

/**
 * Stores (or replaces: a retried request) generation records of one run, validated and copied field by field.
 * Rejects with RunNotFoundError if the run was deleted meanwhile, so a late write leaves no orphans.
 */
export async function putGenerations(db: LabDb, records: readonly GenerationRecord[]): Promise<void> {
  const clean = records.map((r) => readGeneration(r));
  const runIds = new Set(clean.map((r) => r.runId));
  await writeTransaction(db, ['runs', 'generations'], `${clean.length} generated test sets`, async (tx) => {
    await requireRuns(tx, runIds);
    const store = tx.objectStore('generations');
    for (const r of clean) queued(store.put(r));
  });
}

/** Stores one generation record (see putGenerations). */
export function putGeneration(db: LabDb, record: GenerationRecord): Promise<void> {
  return putGenerations(db, [record]);
}

/** Every generation record of a run, in key order (taskId, shownRank, sampleIndex). */
export function loadGenerations(db: LabDb, runId: string): Promise<GenerationRecord[]> {
  return db.getAllFromIndex('generations', 'by-run', runId);
}

/** One problem's generation records, in key order. */
export function loadProblemGenerations(db: LabDb, runId: string, taskId: string): Promise<GenerationRecord[]> {
  return db.getAll('generations', problemKeyRange(runId, taskId));
}
