// A generator's request limit: a request the caller cancels while it waits for a permit is an 'aborted' LlmError.
import { describe, expect, it } from 'vitest';
import { Semaphore, withRequestPermit } from '../../../src/llm/request-permits';

describe('withRequestPermit', () => {
  it('runs the request holding a permit and rejects a cancelled wait as aborted, without running it', async () => {
    const permits = new Semaphore(1);
    let release!: () => void;
    const first = withRequestPermit(permits, undefined, () => new Promise<string>((r) => (release = () => r('first'))));
    const controller = new AbortController();
    let ran = false;
    const queued = withRequestPermit(permits, controller.signal, async () => void (ran = true));
    controller.abort(new Error('user'));
    await expect(queued).rejects.toMatchObject({ name: 'LlmError', kind: 'aborted' });
    release();
    expect(await first).toBe('first');
    expect(await withRequestPermit(permits, undefined, async () => 2)).toBe(2);
    expect(ran).toBe(false);
  });
});
