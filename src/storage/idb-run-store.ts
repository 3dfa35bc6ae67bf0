// The run loop's store in the app: the IndexedDB repositories behind the RunStore interface.
import type { RunStore } from '../core/run/run-store';
import { loadGenerations, putGeneration } from './generations-repo';
import { loadResults, putResult } from './results-repo';
import { getRun, setRunMetrics, updateRunProgress, updateRunStatus } from './runs-repo';
import type { LabDb } from './schema';

/** Runs and their records in the lab database. */
export function idbRunStore(db: LabDb): RunStore {
  return {
    getRun: (runId) => getRun(db, runId),
    loadGenerations: (runId) => loadGenerations(db, runId),
    loadResults: (runId) => loadResults(db, runId),
    putGeneration: (record) => putGeneration(db, record),
    putResult: (record) => putResult(db, record),
    updateRunStatus: (runId, status, options) => updateRunStatus(db, runId, status, options),
    updateRunProgress: (runId, progress, now) => updateRunProgress(db, runId, progress, now),
    setRunMetrics: (runId, metrics, now) => setRunMetrics(db, runId, metrics, now),
  };
}
