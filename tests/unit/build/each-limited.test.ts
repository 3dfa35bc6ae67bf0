// The bounded-concurrency loop behind builds and re-verification: limit, order of starts, failure and abort.
import { describe, expect, it } from 'vitest';
import { eachLimited } from '../../../src/build/each-limited';

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
