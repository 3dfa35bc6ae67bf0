// The key prompts of the runs this tab starts. A run whose generator sends an API key this tab does not know
// (after a reload: keys live in memory) waits here, before any request, for the user's answer: the key (or none,
// for a server that takes none), then it goes on; or "not now", and its start ends with the run as it was.
import type { Run } from '../core/run/run-types';
import { KeyRequests, keyEndpoint } from './key-requests';
import { keyId, type ApiKeys } from './runs-api-keys.svelte';

export class RunKeyPrompts {
  readonly #keys: ApiKeys;
  readonly #requests = new KeyRequests();
  /** Runs whose start the user put off here (until they start again). */
  #putOff = $state.raw<Record<string, true>>({});

  constructor(keys: ApiKeys) {
    this.#keys = keys;
  }

  /** Resolves at once when the run sends no key or this tab knows it; else calls `asking` and waits for the answer. */
  async before(run: Run, signal: AbortSignal, asking: () => void): Promise<void> {
    const { [run.id]: _, ...rest } = this.#putOff;
    this.#putOff = rest;
    const endpoint = keyEndpoint(run.verifier);
    if (endpoint === null || this.#keys.known(endpoint)) return;
    asking();
    await this.#requests.wait(run.id, keyId(endpoint), signal);
  }

  /** The answer: a key, or an empty field for a server that takes none. Every run waiting for that endpoint goes on. */
  give(run: Run, typed: string, remember: boolean): void {
    const endpoint = keyEndpoint(run.verifier);
    if (endpoint === null) return;
    this.#keys.use(endpoint, typed, remember);
    this.#requests.given(keyId(endpoint));
  }

  /** "Not now": the run's start ends (RunDeferredError) before any request. */
  putOff(runId: string): void {
    if (!this.#requests.has(runId)) return;
    this.#putOff = { ...this.#putOff, [runId]: true };
    this.#requests.putOff(runId);
  }

  /** True when the user put off the run's last start here. */
  isPutOff(runId: string): boolean {
    return this.#putOff[runId] === true;
  }
}
