// Candidate results, written as each candidate finishes executing, and the set of executed candidates for resume.
import { readCandidateRecord } from '../core/run/record-read';
import type { CandidateRecord } from '../core/run/run-records';
import type { LabDb } from './schema';
import { requireRuns } from './runs-repo';
import { queued, writeTransaction } from './write-transaction';

/** Stores (or replaces) candidate results, validated; RunNotFoundError if a run was deleted meanwhile. */
export async function putResults(db: LabDb, results: readonly CandidateRecord[]): Promise<void> {
  const clean = results.map((r) => readCandidateRecord(r));
  const runIds = new Set(clean.map((r) => r.runId));
  await writeTransaction(db, ['runs', 'results'], `${clean.length} candidate results`, async (tx) => {
    await requireRuns(tx, runIds);
    const store = tx.objectStore('results');
    for (const r of clean) queued(store.put(r));
  });
}

/** Stores one candidate result (see putResults). */
export function putResult(db: LabDb, result: CandidateRecord): Promise<void> {
  return putResults(db, [result]);
}

/** Every result of a run, in key order (taskId, rank). */
export function loadResults(db: LabDb, runId: string): Promise<CandidateRecord[]> {
  return db.getAllFromIndex('results', 'by-run', runId);
}
