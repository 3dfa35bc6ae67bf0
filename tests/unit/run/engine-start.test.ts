// The engine's start as a running run reports it: workers counted as they start, then ready (or failed), from
// what the pool exposes; nothing after the run ends. A fake pool and fake timers: no Python, no waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnginePool, PoolStats } from '../../../src/engine/pool-types';
import type { ReadyInfo } from '../../../src/engine/runtime';
import { watchEngineStart, type EngineStart } from '../../../src/run/engine-start';
import { engineText } from '../../../src/ui/components/runs/run-format';

function fakePool(size: number) {
  const readyInfo: ReadyInfo[] = [];
  let settle: { resolve(info: ReadyInfo[]): void; reject(error: unknown): void } = { resolve: () => {}, reject: () => {} };
  const ready = new Promise<ReadyInfo[]>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {});
  const pool = {
    ready: () => ready,
    stats: (): PoolStats => ({ size, workersStarted: size, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: readyInfo.slice() }),
  } as unknown as EnginePool;
  const info: ReadyInfo = { pyodideVersion: 'x', snapshot: 'none', snapshotError: null, readyMs: 0, sandbox: null };
  return {
    pool,
    workerReady: () => readyInfo.push(info),
    allReady: () => settle.resolve(readyInfo),
    fail: (error: Error) => settle.reject(error),
  };
}

describe('watchEngineStart', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports starting, each worker as it starts, then ready; each state once', async () => {
    const fake = fakePool(2);
    const seen: EngineStart[] = [];
    watchEngineStart(fake.pool, (s) => seen.push(s), new AbortController().signal, 100);
    await vi.advanceTimersByTimeAsync(300);
    fake.workerReady();
    await vi.advanceTimersByTimeAsync(300);
    fake.workerReady();
    fake.allReady();
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.map((s) => `${s.phase} ${s.workersReady}/${s.workers}`)).toEqual(['starting 0/2', 'starting 1/2', 'ready 2/2']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a warm pool as ready at once', async () => {
    const fake = fakePool(1);
    fake.workerReady();
    fake.allReady();
    const seen: EngineStart[] = [];
    watchEngineStart(fake.pool, (s) => seen.push(s), new AbortController().signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)).toEqual({ phase: 'ready', workersReady: 1, workers: 1, error: null });
  });

  it('reports why the engine could not start', async () => {
    const fake = fakePool(1);
    const seen: EngineStart[] = [];
    watchEngineStart(fake.pool, (s) => seen.push(s), new AbortController().signal);
    fake.fail(new Error('no engine worker could start: boom'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.at(-1)).toEqual({ phase: 'failed', workersReady: 0, workers: 1, error: 'no engine worker could start: boom' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops reporting when the run ends', async () => {
    const fake = fakePool(1);
    const seen: EngineStart[] = [];
    const run = new AbortController();
    watchEngineStart(fake.pool, (s) => seen.push(s), run.signal, 100);
    run.abort();
    fake.workerReady();
    fake.allReady();
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.map((s) => s.phase)).toEqual(['starting']);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchEngineStart on a pool that tells of each start', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows the listener, sets no timer, and lets go of the listener when ready', async () => {
    const fake = fakePool(2);
    const listeners = new Set<() => void>();
    const pool = { ...fake.pool, ready: fake.pool.ready, stats: fake.pool.stats, watchReady: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)) } as EnginePool;
    const seen: EngineStart[] = [];
    watchEngineStart(pool, (s) => seen.push(s), new AbortController().signal, 100);
    expect(vi.getTimerCount()).toBe(0);
    expect(listeners.size).toBe(1);
    fake.workerReady();
    for (const l of listeners) l();
    fake.workerReady();
    fake.allReady();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.map((s) => `${s.phase} ${s.workersReady}/${s.workers}`)).toEqual(['starting 0/2', 'starting 1/2', 'ready 2/2']);
    expect(listeners.size).toBe(0);
  });
});

describe('engineText', () => {
  it('says what the engine is doing, apart from generation and execution', () => {
    expect(engineText(null)).toBe('Starts once the run is set up');
    expect(engineText({ phase: 'starting', workersReady: 0, workers: 1, error: null })).toBe('Starting Python…');
    expect(engineText({ phase: 'starting', workersReady: 1, workers: 3, error: null })).toBe('Starting Python… (1 of 3 workers ready)');
    expect(engineText({ phase: 'ready', workersReady: 1, workers: 1, error: null })).toBe('Python ready (1 worker)');
    expect(engineText({ phase: 'failed', workersReady: 0, workers: 2, error: 'boom' })).toBe('Python could not start: boom');
  });
});
