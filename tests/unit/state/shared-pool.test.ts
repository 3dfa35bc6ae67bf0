// The tab's shared engine pool: reused while runs come and go, closed after the idle time with no run, reopened
// on demand, and rebuilt for a new worker count only when no other run is using it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnginePool } from '../../../src/engine/pool-types';
import { SharedPool } from '../../../src/state/shared-pool';

function fakePools() {
  const made: { size: number; closed: boolean }[] = [];
  const create = async (size: number) => {
    const entry = { size, closed: false };
    made.push(entry);
    return { close: async () => void (entry.closed = true) } as unknown as EnginePool;
  };
  return { made, create };
}

describe('SharedPool', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes the pool after the idle time with no run, and opens a new one when asked again', async () => {
    const { made, create } = fakePools();
    let busy = 1;
    const shared = new SharedPool(create, () => busy, 60_000);
    const first = await shared.get(2);
    expect(await shared.get(2)).toBe(first);
    busy = 0;
    shared.idle();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(made[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(made[0]!.closed).toBe(true);
    expect(shared.isOpen).toBe(false);
    await shared.get(2);
    expect(made).toHaveLength(2);
  });

  it('a run starting within the idle time keeps the pool warm', async () => {
    const { made, create } = fakePools();
    let busy = 0;
    const shared = new SharedPool(create, () => busy, 60_000);
    await shared.get(1);
    shared.idle();
    await vi.advanceTimersByTimeAsync(30_000);
    busy = 1;
    await shared.get(1); // cancels the pending close
    await vi.advanceTimersByTimeAsync(120_000);
    expect(made).toEqual([{ size: 1, closed: false }]);
  });

  it('does not close while a run is still executing when the timer fires', async () => {
    const { made, create } = fakePools();
    let busy = 2;
    const shared = new SharedPool(create, () => busy, 1_000);
    await shared.get(1);
    busy = 1; // one of two runs ended
    shared.idle();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(made[0]!.closed).toBe(false);
  });

  it('rebuilds for a new worker count only when no other run uses the pool', async () => {
    const { made, create } = fakePools();
    let busy = 2;
    const shared = new SharedPool(create, () => busy);
    await shared.get(1);
    await shared.get(3); // another run is using the 1-worker pool: keep it
    expect(made).toEqual([{ size: 1, closed: false }]);
    busy = 1;
    await shared.get(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(made).toEqual([{ size: 1, closed: true }, { size: 3, closed: false }]);
  });
});
