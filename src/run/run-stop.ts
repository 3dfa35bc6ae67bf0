// Why a run's signal aborted: the user paused or cancelled it. Any other abort (a closing tab, a killed process)
// detaches the run and leaves it 'running' in storage, as a crash would; the next start picks it up.

export type StopKind = 'pause' | 'cancel';

/** The abort reason that pauses or cancels a run. */
export class RunStop extends Error {
  override readonly name = 'RunStop';

  constructor(readonly kind: StopKind) {
    super(kind === 'pause' ? 'the run was paused' : 'the run was cancelled');
  }
}

/** The stop kind of an aborted signal, or null for a detach (or no abort). */
export function stopKindOf(signal: AbortSignal | undefined): StopKind | null {
  return signal?.aborted && signal.reason instanceof RunStop ? signal.reason.kind : null;
}

/** A generation request failed after the generator's own retries; the run stops as 'failed' and can be resumed. */
export class GenerationFailedError extends Error {
  override readonly name = 'GenerationFailedError';
}

/** The run's start was put off before any work (its API key was not given): the stored run is left as it was. */
export class RunDeferredError extends Error {
  override readonly name = 'RunDeferredError';
}

/** The run cannot start as given (no generator for pending generations, a dataset that does not match). */
export class RunSetupError extends Error {
  override readonly name = 'RunSetupError';
}
