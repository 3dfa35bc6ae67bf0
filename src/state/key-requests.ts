// Runs whose start waits for the API key of their endpoint. Keys live in this tab's memory (in localStorage only
// when the user asks), so after a reload a run that talks to an API would resume without its key and fail with
// 401. Its start waits here instead, before any request, until the key is given (or the user says the endpoint
// takes none), or the user puts the start off. Endpoints are compared as given: callers pass keyId(baseUrl).
import type { VerifierConfig } from '../core/run/run-config';
import { RunDeferredError } from '../run/run-stop';

/** The base URL whose key a run's generator sends, or null when it sends none (WebLLM, tests from a file). */
export function keyEndpoint(verifier: VerifierConfig): string | null {
  return verifier.backend === 'openai' && verifier.baseUrl ? verifier.baseUrl : null;
}

interface Waiter {
  endpoint: string;
  go(): void;
  stop(reason: unknown): void;
}

export class KeyRequests {
  readonly #waiting = new Map<string, Waiter>();

  /** True while `runId` waits for its key. */
  has(runId: string): boolean {
    return this.#waiting.has(runId);
  }

  /**
   * Resolves once given(endpoint) is called; rejects with RunDeferredError on putOff(runId), or with the
   * signal's reason when it aborts. A run waits at most once at a time: a second wait replaces the first.
   */
  wait(runId: string, endpoint: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.#waiting.get(runId)?.stop(new RunDeferredError('a newer start of this run waits for the key'));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => waiter.stop(signal!.reason);
      const end = () => {
        if (this.#waiting.get(runId) === waiter) this.#waiting.delete(runId);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        endpoint,
        go: () => (end(), resolve()),
        stop: (reason) => (end(), reject(reason)),
      };
      this.#waiting.set(runId, waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The key of `endpoint` is known now: every run waiting for it goes on. */
  given(endpoint: string): void {
    for (const waiter of [...this.#waiting.values()]) if (waiter.endpoint === endpoint) waiter.go();
  }

  /** The user put off `runId`'s start: it ends with RunDeferredError, the run untouched. */
  putOff(runId: string): void {
    this.#waiting.get(runId)?.stop(new RunDeferredError('the start was put off: no API key was given'));
  }
}
