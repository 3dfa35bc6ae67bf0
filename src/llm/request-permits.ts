// A generator owns its request limit: every request holds one permit of the generator's Semaphore.
import { Semaphore } from '../core/concurrency/semaphore';
import { LlmError } from './errors';

export { Semaphore };

/** Runs `task` holding a permit; a wait the caller cancels rejects as an LlmError of kind 'aborted', as the generator interface says. */
export async function withRequestPermit<T>(permits: Semaphore, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  try {
    await permits.acquire(signal);
  } catch (reason) {
    throw new LlmError('aborted', 'request cancelled before it started', { cause: reason });
  }
  try {
    return await task();
  } finally {
    permits.release();
  }
}
