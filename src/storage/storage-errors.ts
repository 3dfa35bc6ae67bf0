// Named storage errors, and the mapping from the browser's DOMExceptions to them (quota first of all).

/** The browser refused a write for lack of space. Nothing of that write was stored. */
export class StorageQuotaError extends Error {
  override readonly name = 'StorageQuotaError';

  constructor(
    readonly what: string,
    override readonly cause?: unknown,
  ) {
    super(`Not enough browser storage to save ${what}; nothing of it was stored. Delete datasets or runs you no longer need, or ask for persistent storage, then try again.`);
  }
}

/** The same dataset text is already stored (datasets are keyed by their sha256). */
export class DatasetExistsError extends Error {
  override readonly name = 'DatasetExistsError';

  constructor(
    readonly sha256: string,
    readonly existingName: string,
  ) {
    super(`this dataset is already stored as "${existingName}" (same sha256 ${sha256.slice(0, 12)}…)`);
  }
}

/** No run with this id is stored (declared in core beside the RunStore interface). */
export { RunNotFoundError } from '../core/run/run-store';

/** An imported run's id is already taken. */
export class RunExistsError extends Error {
  override readonly name = 'RunExistsError';

  constructor(readonly runId: string) {
    super(`a run with id ${JSON.stringify(runId)} is already stored; import it as a new run instead`);
  }
}

/** True for the DOMExceptions browsers raise when a quota is hit (Firefox's legacy name included). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
