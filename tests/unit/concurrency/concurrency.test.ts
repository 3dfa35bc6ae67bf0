// The one concurrency primitive (Semaphore) and the bounded loop on it: limit, FIFO order, failure and abort.
import { describe, expect, it } from 'vitest';
import { eachLimited, Semaphore } from '../../../src/core/concurrency/semaphore';

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

describe('eachLimited', () => {
  it('never runs more than the limit at once and visits every item once', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      active++;
      peak = Math.max(peak, active);
      await tick();
      seen.push(item);
      active--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops starting items after a failure and rethrows it once the started ones settle', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = eachLimited([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await tick();
      settled++;
      if (item === 1) throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(6);
    expect(settled).toBe(started.length);
  });

  it('rejects with the abort reason and starts nothing new', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = eachLimited(
      [0, 1, 2, 3],
      1,
      async (item) => {
        started.push(item);
        if (item === 1) controller.abort(new Error('stop'));
        await tick();
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow('stop');
    expect(started).toEqual([0, 1]);
  });

  it('does nothing for no items', async () => {
    await expect(eachLimited([], 4, async () => {})).resolves.toBeUndefined();
  });
});

describe('Semaphore', () => {
  it('grants permits in order and cancels a waiting acquire', async () => {
    const s = new Semaphore(1);
    const order: string[] = [];
    await s.acquire();
    const a = s.acquire().then(() => order.push('a'));
    const stop = new AbortController();
    const b = s.acquire(stop.signal).then(() => order.push('b'), () => order.push('b cancelled'));
    const c = s.acquire().then(() => order.push('c'));
    stop.abort(new Error('stop'));
    await b;
    s.release();
    await a;
    s.release();
    await c;
    expect(order).toEqual(['b cancelled', 'a', 'c']);
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });

  it('runs at most its permits at once, in FIFO order', async () => {
    const permits = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return i;
    };
    expect(await Promise.all([0, 1, 2, 3, 4].map((i) => permits.use(task(i))))).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a wait whose signal aborts (rejecting with its reason), and frees the permit after a failure', async () => {
    const permits = new Semaphore(1);
    let release!: () => void;
    const first = permits.use(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    let ran = false;
    const queued = permits.use(async () => void (ran = true), controller.signal);
    expect(permits.pending).toBe(1);
    controller.abort(new Error('stop'));
    await expect(queued).rejects.toThrow('stop');
    expect(permits.pending).toBe(0);
    release();
    await first;
    await expect(permits.use(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await permits.use(async () => 7)).toBe(7);
    expect(ran).toBe(false);
    await expect(permits.acquire(controller.signal)).rejects.toThrow('stop');
  });

  it('rejects a bad size', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
