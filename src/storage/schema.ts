// The database schema, current version. Old versions live only as steps in lab-migrations.ts.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { Run } from '../core/run/run-types';
import type { StoredEvaluation } from '../core/leaderboard/evaluation-record';
import type { DatasetBody, DatasetMeta } from '../core/dataset/dataset-records';

/** Default database name. */
export const LAB_DB_NAME = 'verifier-lab';

/** Key of a generation record: [runId, taskId, shownRank, sampleIndex]. */
export type GenerationKey = [string, string, number, number];
/** Key of a candidate result: [runId, taskId, rank]. */
export type ResultKey = [string, string, number];

/** Every store, its key and its indexes. */
export interface LabSchema extends DBSchema {
  /** Dataset listings, cheap to read all at once. */
  datasets: { key: string; value: DatasetMeta };
  /** Dataset texts, keyed like their meta. */
  datasetBodies: { key: string; value: DatasetBody };
  runs: { key: string; value: Run; indexes: { 'by-createdAt': number } };
  generations: { key: GenerationKey; value: GenerationRecord; indexes: { 'by-run': string } };
  results: { key: ResultKey; value: CandidateRecord; indexes: { 'by-run': string } };
  /** Evaluation files imported as leaderboard rows (version 2). */
  evaluations: { key: string; value: StoredEvaluation; indexes: { 'by-addedAt': number } };
}

/** An open Verifier Lab database. */
export type LabDb = IDBPDatabase<LabSchema>;

/** Every key of a run's records in a store whose keys start with the run id. */
export function runKeyRange(runId: string): IDBKeyRange {
  // Arrays sort after strings and numbers, so [runId, []] is above every [runId, taskId, ...].
  return IDBKeyRange.bound([runId], [runId, []]);
}

/** Every key of one problem's records within a run. */
export function problemKeyRange(runId: string, taskId: string): IDBKeyRange {
  return IDBKeyRange.bound([runId, taskId], [runId, taskId, []]);
}
