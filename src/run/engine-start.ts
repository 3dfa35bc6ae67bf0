// A pool's start as a run's view shows it: Python workers starting, then ready, or failed. ready() settles once
// every worker has started (at once for a warm pool); in between, each worker's start comes from the pool's
// watchReady listener, or, for a pool without one, from stats() read every `pollMs`.
import type { EnginePool } from '../engine/pool-types';
import { errorMessage } from '../core/error-message';

export interface EngineStart {
  phase: 'starting' | 'ready' | 'failed';
  /** Workers started so far (at most `workers`). */
  workersReady: number;
  workers: number;
  /** Why no worker could start (phase 'failed'), else null. */
  error: string | null;
}

/** Reports `pool`'s start whenever it changes, until every worker is ready, the pool fails, or `signal` aborts. */
export function watchEngineStart(pool: EnginePool, report: (start: EngineStart) => void, signal: AbortSignal, pollMs = 250): void {
  if (signal.aborted) return;
  let last = '';
  const send = (start: EngineStart) => {
    const key = JSON.stringify(start);
    if (key === last || signal.aborted) return;
    last = key;
    report(start);
  };
  const counted = (): EngineStart => {
    const { size, readyInfo } = pool.stats();
    return { phase: 'starting', workersReady: Math.min(readyInfo.length, size), workers: size, error: null };
  };
  const unwatch = pool.watchReady?.(() => send(counted()));
  const timer = unwatch ? null : setInterval(() => send(counted()), pollMs);
  const stop = () => {
    unwatch?.();
    if (timer !== null) clearInterval(timer);
  };
  signal.addEventListener('abort', stop, { once: true });
  send(counted());
  pool.ready().then(
    () => {
      stop();
      const { size } = pool.stats();
      send({ phase: 'ready', workersReady: size, workers: size, error: null });
    },
    (error: unknown) => {
      stop();
      send({ ...counted(), phase: 'failed', error: errorMessage(error) });
    },
  );
}
