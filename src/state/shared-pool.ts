// The engine pool a tab's runs share: opened on first use, reopened when the worker count changes while no
// other run uses it, and closed after a quiet spell, since every worker holds a Python heap of 100 MB or more.
import type { EnginePool } from '../engine/pool-types';

/** How long a pool with no runs stays open: long enough for the next run of a session to find it warm. */
export const POOL_IDLE_MS = 60_000;

export class SharedPool {
  readonly #create: (size: number) => Promise<EnginePool>;
  readonly #busy: () => number;
  readonly #idleMs: number;
  #open: { size: number; pool: Promise<EnginePool> } | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** `busy` counts the runs executing now (the caller of get() included). */
  constructor(create: (size: number) => Promise<EnginePool>, busy: () => number, idleMs = POOL_IDLE_MS) {
    this.#create = create;
    this.#busy = busy;
    this.#idleMs = idleMs;
  }

  get isOpen(): boolean {
    return this.#open !== null;
  }

  /** The open pool, or a new one of `size` workers. */
  get(size: number): Promise<EnginePool> {
    this.#cancelIdle();
    if (this.#open && this.#open.size !== size && this.#busy() <= 1) this.#close();
    this.#open ??= { size, pool: this.#create(size) };
    return this.#open.pool;
  }

  /** A run ended: close the pool once nothing has used it for the idle time. */
  idle(): void {
    this.#cancelIdle();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#busy() === 0) this.#close();
    }, this.#idleMs);
  }

  #cancelIdle(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #close(): void {
    const old = this.#open?.pool;
    this.#open = null;
    void old?.then((p) => p.close()).catch(() => {});
  }
}
