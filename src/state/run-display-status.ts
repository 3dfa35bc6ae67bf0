// What a run's status label says in this tab. The stored status lags behind the tab that works on a run (it
// becomes 'running' only once the run's setup is done), so while this tab executes a run its live phase decides.
import type { RunStatus } from '../core/run/run-types';

/** What this tab is doing with a run it executes: setting up, waiting for its API key, running, stopping. */
export type LivePhase = 'starting' | 'needs-key' | 'running' | 'stopping';

/** A stored status, or a phase only this tab knows. */
export type DisplayStatus = RunStatus | Exclude<LivePhase, 'running'>;

/**
 * The label's status: the live phase of a run this tab executes; else the stored one, except that a run left
 * 'running' (by a reload) whose start this tab put off at the key prompt needs its key rather than runs.
 */
export function displayStatus(stored: RunStatus, phase: LivePhase | undefined, keyPutOff = false): DisplayStatus {
  if (phase !== undefined) return phase;
  return keyPutOff && stored === 'running' ? 'needs-key' : stored;
}
