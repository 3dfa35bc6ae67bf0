// A FIFO counting semaphore whose waits can be cancelled: bounds requests in flight and problems in the pipeline.

/** Rejects a wait when the signal aborts; the permit is never taken then. */
export class Semaphore {
  #free: number;
  readonly #waiters: Array<{ grant: () => void }> = [];

  constructor(permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new RangeError(`a semaphore needs at least one permit (got ${permits})`);
    this.#free = permits;
  }

  /** Waits for a permit (FIFO). Rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const at = this.#waiters.indexOf(waiter);
        if (at !== -1) this.#waiters.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  /** Returns a permit, handing it straight to the longest waiter if there is one. */
  release(): void {
    const next = this.#waiters.shift();
    if (next) next.grant();
    else this.#free++;
  }

  /** Runs `task` holding a permit. */
  async use<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }
}
