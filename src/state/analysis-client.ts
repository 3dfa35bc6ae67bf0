// The main thread's handle on the analysis worker: started on first use, one call at a time in the worker's queue.
// Aborting a call, or the worker dying, terminates it and settles every pending call (comlink alone would leave
// them hanging); the next call starts a fresh worker.
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { AnalysisApi, Outcome } from '../core/compare/analysis-api';

export type AnalysisRemote = Remote<AnalysisApi>;

export class AnalysisClient {
  readonly #create: () => Worker;
  #worker: { worker: Worker; api: AnalysisRemote } | null = null;
  readonly #pending = new Set<(reason: unknown) => void>();

  constructor(create: () => Worker = () => new Worker(new URL('../analysis/analysis.worker.ts', import.meta.url), { type: 'module', name: 'verifier-lab-analysis' })) {
    this.#create = create;
  }

  /** Runs `work` in the worker; rejects with the signal's reason on abort, or with the outcome's error. */
  async call<T>(work: (api: AnalysisRemote) => Promise<Outcome<T>>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const { api } = this.#open();
    let fail = (_: unknown) => {};
    const stopped = new Promise<never>((_, reject) => (fail = reject));
    const onAbort = () => this.#restart(signal!.reason);
    this.#pending.add(fail);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const outcome = await Promise.race([work(api), stopped]);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.value;
    } finally {
      this.#pending.delete(fail);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Stops the worker; pending calls reject. */
  close(): void {
    this.#restart(new Error('the analysis worker was closed'));
  }

  #open(): { worker: Worker; api: AnalysisRemote } {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    worker.addEventListener('error', (event) => this.#restart(new Error(`the analysis worker stopped: ${event.message || 'it failed to start'}`)));
    this.#worker = { worker, api: wrap<AnalysisApi>(worker) };
    return this.#worker;
  }

  #restart(reason: unknown): void {
    const old = this.#worker;
    this.#worker = null;
    if (old) {
      old.api[releaseProxy]();
      old.worker.terminate();
    }
    for (const fail of [...this.#pending]) fail(reason);
    this.#pending.clear();
  }
}
