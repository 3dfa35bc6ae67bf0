// A tiny FIFO concurrency limiter: at most `max` tasks run at once; a queued task whose signal aborts leaves the queue.

import { LlmError } from './errors';

/** Runs async tasks with bounded concurrency. */
export interface Limiter {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
}

interface Waiter {
  start: () => void;
}

/** A limiter allowing `max` (>= 1) concurrent tasks. */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
  let active = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    active--;
    const next = queue.shift();
    if (next) next.start();
  };

  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (active < max) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          active++;
          resolve();
        },
      };
      const onAbort = (): void => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(abortedError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  };

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
  };
}

function abortedError(signal: AbortSignal): LlmError {
  return new LlmError('aborted', 'request cancelled before it started', { cause: signal.reason });
}
