// The one concurrency primitive: a FIFO counting semaphore whose waits can be cancelled. The generator owns the
// request limit, the engine pool owns its workers; pipelines (problems in flight, candidates per problem) use this.

/** The part of an AbortSignal a wait needs (core has no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A wait rejects with the signal's reason when it aborts; the permit is never taken then. */
export class Semaphore {
  #free: number;
  readonly #waiters: Array<{ grant: () => void }> = [];

  constructor(permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new RangeError(`a semaphore needs at least one permit (got ${permits})`);
    this.#free = permits;
  }

  /** Waits for a permit (FIFO). Rejects with the signal's reason if it aborts first. */
  acquire(signal?: CancelSignal): Promise<void> {
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
  async use<T>(task: () => Promise<T>, signal?: CancelSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Waits in the queue now. */
  get pending(): number {
    return this.#waiters.length;
  }
}

/**
 * Calls fn(item, index) for every item, `limit` at a time. Stops starting new ones on abort or at the first
 * failure, waits for the started ones to settle, then rethrows (the abort reason first).
 */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>, signal?: CancelSignal): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && !signal?.aborted && next < items.length) {
      const index = next++;
      try {
        await fn(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (signal?.aborted) throw signal.reason;
  if (failure !== undefined) throw failure.error;
}
