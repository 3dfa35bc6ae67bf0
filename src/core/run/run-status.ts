// The run lifecycle: which status changes are legal. A run left 'running' by a closed tab is paused on the next start.
import type { Run, RunStatus } from './run-types';

/** Allowed next statuses. 'done' and 'cancelled' are final; a failed run may be resumed. */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  draft: ['running', 'cancelled'],
  running: ['paused', 'done', 'failed', 'cancelled'],
  paused: ['running', 'cancelled'],
  failed: ['running', 'cancelled'],
  done: [],
  cancelled: [],
};

/** An illegal status change, e.g. resuming a cancelled run. */
export class RunStatusError extends Error {
  override readonly name = 'RunStatusError';

  constructor(
    readonly from: RunStatus,
    readonly to: RunStatus,
  ) {
    super(`a ${from} run cannot become ${to} (allowed: ${RUN_TRANSITIONS[from].join(', ') || 'none, it is final'})`);
  }
}

/** True when a run in status `from` may move to `to`. */
export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

/** True for statuses no work follows. */
export function isFinalStatus(status: RunStatus): boolean {
  return RUN_TRANSITIONS[status].length === 0;
}

/** The run moved to `status` (RunStatusError if its lifecycle forbids it); `error` is kept only for 'failed'. */
export function withStatus(run: Run, status: RunStatus, error?: string): Run {
  if (!canTransition(run.status, status)) throw new RunStatusError(run.status, status);
  return { ...run, status, error: status === 'failed' ? (error ?? 'unknown error') : null };
}
