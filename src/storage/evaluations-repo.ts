// Evaluation files imported as leaderboard rows: read and checked whole before anything is written, stored in one
// transaction (never partly), listed oldest first, deleted by id.
import { readEvaluation, type EvaluationImport } from '../core/leaderboard/evaluation-import';
import type { StoredEvaluation } from '../core/leaderboard/evaluation-record';
import type { LabDb } from './schema';
import { queued, writeTransaction } from './write-transaction';

/** Parses, checks and stores an evaluation file; rejects with EvaluationImportError (nothing stored) on bad input. */
export async function importEvaluation(db: LabDb, input: EvaluationImport, options: { id?: string; now?: number } = {}): Promise<StoredEvaluation> {
  const evaluation = readEvaluation(input, options.id ?? crypto.randomUUID(), options.now ?? Date.now());
  await writeTransaction(db, ['evaluations'], `the evaluation "${evaluation.name}"`, (tx) => queued(tx.objectStore('evaluations').add(evaluation)));
  return evaluation;
}

/** Every stored evaluation, oldest first. */
export function listEvaluations(db: LabDb): Promise<StoredEvaluation[]> {
  return db.getAllFromIndex('evaluations', 'by-addedAt');
}

/** Deletes one stored evaluation (nothing happens when it is gone already). */
export async function deleteEvaluation(db: LabDb, id: string): Promise<void> {
  await writeTransaction(db, ['evaluations'], 'the deletion', (tx) => queued(tx.objectStore('evaluations').delete(id)));
}
