// Where a run and its records live, as the run loop sees it: IndexedDB in the app (storage/idb-run-store.ts), a
// JSON Lines run file in the CLI (cli/jsonl-run-store.ts), memory in tests. One loop drives them all.
import type { MetricsBySplit } from '../metrics/types';
import type { CandidateRecord, GenerationRecord } from './run-records';
import type { Run, RunProgress, RunStatus } from './run-types';

export interface RunStore {
  getRun(runId: string): Promise<Run | undefined>;
  /** Every generation record of the run (failed requests included; they are redone on resume). */
  loadGenerations(runId: string): Promise<GenerationRecord[]>;
  loadResults(runId: string): Promise<CandidateRecord[]>;
  /** Stores (or replaces) one record; RunNotFoundError when the run is gone. */
  putGeneration(record: GenerationRecord): Promise<void>;
  putResult(record: CandidateRecord): Promise<void>;
  /** Moves the run to `status` if its lifecycle allows (RunStatusError otherwise); `error` is kept only for 'failed'. */
  updateRunStatus(runId: string, status: RunStatus, options?: { error?: string; now?: number }): Promise<Run>;
  updateRunProgress(runId: string, progress: RunProgress, now?: number): Promise<Run>;
  setRunMetrics(runId: string, metrics: MetricsBySplit | null, now?: number): Promise<Run>;
}

/** No run with this id is stored (it may have been deleted meanwhile). */
export class RunNotFoundError extends Error {
  override readonly name = 'RunNotFoundError';

  constructor(readonly runId: string) {
    super(`no stored run with id ${JSON.stringify(runId)} (deleted?)`);
  }
}
