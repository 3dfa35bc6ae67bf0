// Where Build and Verify get Python workers: a browser pool per job, closed when the job ends, so no workers
// stay alive between jobs. Injectable, so state can be driven with a fake pool.
import type { EnginePool } from '../engine/pool-types';
import { enginePoolOptions } from './engine-pool-options';

/** Opens a pool of `workers` Python workers. */
export type PoolFactory = (workers: number) => Promise<EnginePool>;

/** The browser pool, loaded on first use (it pulls in comlink and the worker entry). */
export const browserPoolFactory: PoolFactory = async (workers) => {
  const { createBrowserPool } = await import('../engine/browser-pool');
  return createBrowserPool({ size: workers, ...enginePoolOptions() });
};
