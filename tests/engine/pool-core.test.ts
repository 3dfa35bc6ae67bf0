// The pool core against a scripted fake transport: interrupts, watchdog kills, dying workers, fatal replies,
// aborts and resumption, deterministic and without Pyodide.
import { describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../src/core/run/types';
import { createPool } from '../../src/engine/pool-core';
import { HEADER, P_CURRENT, P_DEADLINE } from '../../src/engine/progress';
import type { PoolStats, SpawnOptions, WorkerCalls, WorkerHandle } from '../../src/engine/pool-types';
import type { ReadyInfo } from '../../src/engine/runtime';
import type { WorkerReply } from '../../src/engine/worker-api';

const READY: ReadyInfo = { pyodideVersion: 'fake', snapshot: 'none', snapshotError: null, readyMs: 1, sandbox: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Each assertion is a script: 'pass' | 'fail' | 'loop' (stops on interrupt) | 'stuck' (ignores it) |
 * 'die' (the worker exits) | 'fatal' (Pyodide fatal error) | 'blame-first' (points the progress buffer at test 0
 * and hangs).
 */
function fakeSpawn(log: string[]) {
  return (options: SpawnOptions): WorkerHandle => {
    let dieNow: (reason: string) => void = () => {};
    const died = new Promise<string>((r) => (dieNow = r));
    let alive = true;
    const calls: WorkerCalls = {
      start: async () => {},
      ready: async () => (await sleep(5), READY),
      takeSnapshot: async () => null,
      expect: async () => ({ ok: false, fatal: false, message: 'not faked', heapBytes: 0 }),
      // Keys scripted by the first program: 'die', 'fatal', 'bad' (a reply that is not keys), else a digest each.
      async programKeys(codes: string[]): Promise<WorkerReply> {
        if (codes[0] === 'die') {
          setTimeout(() => dieNow('exited with code 1'), 5);
          return new Promise(() => {});
        }
        if (codes[0] === 'fatal') return { ok: false, fatal: true, message: 'RangeError: Maximum call stack', heapBytes: 0 };
        const keys = codes[0] === 'bad' ? ['x'] : codes.map((c) => c.slice(0, 1).repeat(64));
        return { ok: true, value: { keys, tampered: null }, heapBytes: 0 };
      },
      async score(request: ScoreRequest, progress: Float64Array | null, skip: number[]): Promise<WorkerReply> {
        const tests = (request.tests as { asserts: string[] }).asserts;
        const out: [string, string, number][] = [];
        progress ??= new Float64Array(HEADER); // the pool sends none without shared memory
        for (let i = 0; i < tests.length; i++) {
          if (skip.includes(i)) {
            out.push(['crash', 'skipped', 0]);
            continue;
          }
          const limit = request.limitMs as number;
          progress![P_CURRENT] = i + 1;
          progress![P_DEADLINE] = Date.now() + limit;
          const script = tests[i];
          log.push(`${i}:${script}`);
          let status = script === 'fail' ? 'fail' : 'pass';
          if (script === 'loop' || script === 'stuck') {
            for (;;) {
              await sleep(2);
              if (!alive) return new Promise(() => {}); // terminated: comlink never settles
              if (script === 'loop' && Atomics.exchange(options.interrupt!, 0, 0) === 2) break;
            }
            status = 'timeout';
          }
          if (script === 'die') {
            setTimeout(() => dieNow('exited with code 1'), 5);
            return new Promise(() => {});
          }
          if (script === 'fatal') return { ok: false, fatal: true, message: 'RangeError: Maximum call stack', heapBytes: 0 };
          if (script === 'blame-first') {
            // A candidate that reaches the buffer: it points the pool at another test, then hangs.
            progress![P_CURRENT] = 1;
            return new Promise(() => {});
          }
          out.push([status, '', 1]);
        }
        const value = { total: tests.length, tests: out, uncompilable: [], compileError: null, budgetExhausted: false };
        return { ok: true, value, heapBytes: tests.includes('grow') ? 2 ** 31 : 0 };
      },
    };
    return { calls, died, terminate: () => void (alive = false) };
  };
}

function pool(log: string[], extra = {}) {
  return createPool({ spawn: fakeSpawn(log), size: 1, sharedMemory: true, graceMs: 50, tickMs: 5, ...extra });
}

const request = (asserts: string[], limitMs = 40): ScoreRequest => ({
  code: '',
  tests: { kind: 'assert', setup: '', asserts },
  compare: 'paper',
  limitMs,
  budgetMs: 60_000,
});

describe('pool core', () => {
  it('interrupts an overdue test without replacing the worker', async () => {
    const p = pool([]);
    const r = await p.score(request(['pass', 'loop', 'pass']));
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'timeout', 'pass']);
    expect(p.stats().watchdogKills).toBe(0);
    await p.close();
  });

  it('kills a worker the interrupt cannot stop, records timeout and runs the other tests again without it', async () => {
    const log: string[] = [];
    const p = pool(log);
    const r = await p.score(request(['pass', 'fail', 'stuck', 'pass']));
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'timeout', 'pass']);
    expect(r.restarts).toBe(1);
    expect(p.stats().watchdogKills).toBe(1);
    // Nothing of the killed call counts: the tests before the lost one ran again; the lost one did not.
    expect(log.filter((l) => l.startsWith('0:'))).toHaveLength(2);
    expect(log.filter((l) => l.startsWith('2:'))).toHaveLength(1);
    expect((await p.score(request(['pass']))).tests[0].status).toBe('pass');
    await p.close();
  });

  it('a candidate that writes the progress buffer only moves the blame among its own tests', async () => {
    const p = pool([]);
    const r = await p.score(request(['fail', 'blame-first', 'pass']));
    // Test 0 takes the first loss; the next call hangs the same way, points at 0 again and ends the candidate.
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(r.passed).toBe(0);
    await p.close();
  });

  it('settles the call when the worker dies, records crash and continues', async () => {
    const p = pool([]);
    const r = await p.score(request(['pass', 'die', 'pass']));
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'crash', 'pass']);
    expect(p.stats().crashes).toBe(1);
    await p.close();
  });

  it('tells onWorkerReady of every worker that starts, replacements included, without polling', async () => {
    const seen: number[] = [];
    const p = pool([], { size: 2, onWorkerReady: (stats: PoolStats) => seen.push(stats.readyInfo.length) });
    await p.ready();
    expect(seen).toEqual([1, 2]);
    await p.score(request(['pass', 'die', 'pass']));
    await sleep(50);
    expect(seen.length).toBeGreaterThanOrEqual(3); // the replacement of the worker that died
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    await p.close();
  });

  it('tells every watchReady listener of each start until it lets go', async () => {
    const p = pool([], { size: 2 });
    const a: number[] = [];
    const b: number[] = [];
    p.watchReady!((stats) => a.push(stats.readyInfo.length));
    const stopB = p.watchReady!((stats) => b.push(stats.readyInfo.length));
    await p.ready();
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2]);
    stopB();
    await p.score(request(['pass', 'die', 'pass']));
    await sleep(50);
    expect(a.length).toBeGreaterThanOrEqual(3); // the replacement
    expect(b).toEqual([1, 2]);
    await p.close();
  });

  it('replaces the worker after a fatal reply', async () => {
    const p = pool([]);
    const r = await p.score(request(['fatal', 'pass']));
    expect(r.tests.map((t) => t.status)).toEqual(['crash', 'pass']);
    expect(r.tests[0].message).toMatch(/RangeError/);
    expect(p.stats().workersStarted).toBe(2);
    await p.close();
  });

  it('gives up a candidate that keeps losing workers', async () => {
    const p = pool([], { maxRestartsPerCandidate: 2 });
    const r = await p.score(request(['stuck', 'stuck', 'stuck', 'stuck', 'pass']));
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
    expect(r.tests[4].message).toMatch(/not run/);
    await p.close();
  });

  it('an abort rejects the call, frees its worker and queued calls still run', async () => {
    const p = pool([]);
    const controller = new AbortController();
    const stuck = p.score(request(['stuck'], 60_000), { signal: controller.signal });
    const queued = p.score(request(['pass']));
    setTimeout(() => controller.abort(new Error('stop')), 30);
    await expect(stuck).rejects.toThrow('stop');
    expect((await queued).tests[0].status).toBe('pass');
    await p.close();
  });

  it('hands each free worker to exactly one waiting call (many calls, two workers, some killed)', async () => {
    const p = pool([], { size: 2 });
    await p.ready(); // idle workers: every call below is dispatched in the same tick
    const scripts = [['pass'], ['stuck', 'pass'], ['fail'], ['die', 'pass'], ['pass', 'pass'], ['loop'], ['fatal'], ['pass']];
    const results = await Promise.all(scripts.map((s) => p.score(request(s))));
    expect(results.map((r) => r.tests.map((t) => t.status))).toEqual([
      ['pass'], ['timeout', 'pass'], ['fail'], ['crash', 'pass'], ['pass', 'pass'], ['timeout'], ['crash'], ['pass'],
    ]);
    await p.close();
  });

  it('replaces a worker whose heap grew past the limit after its reply', async () => {
    const p = pool([], { maxHeapBytes: 2 ** 30 });
    const r = await p.score(request(['pass', 'grow']));
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    expect(r.restarts).toBe(0);
    expect((await p.score(request(['pass']))).score).toBe(1);
    expect(p.stats().recycled).toBe(1);
    expect(p.stats().workersStarted).toBe(2);
    await p.close();
  });

  it('a hard deadline bounds a call whose tests never report progress', async () => {
    const p = createPool({ spawn: fakeSpawn([]), size: 1, sharedMemory: false, graceMs: 50, tickMs: 5, callSlackMs: 50 });
    const r = await p.score({ ...request(['stuck', 'pass']), budgetMs: 100 });
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'timeout']); // without shared memory the lost test is unknown
    await p.close();
  });
});

describe('program keys', () => {
  it('are the harness digests, or null for every program when the call fails in any way', async () => {
    const log: string[] = [];
    const p = pool(log);
    await p.ready();
    expect(await p.programKeys(['aa', 'bb', 'ac'])).toEqual(['a'.repeat(64), 'b'.repeat(64), 'a'.repeat(64)]);
    for (const first of ['bad', 'fatal', 'die']) expect(await p.programKeys([first, 'aa'])).toEqual([null, null]);
    // The pool still works after a lost worker.
    expect((await p.score(request(['pass']))).tests[0]!.status).toBe('pass');
    await p.close();
  });
});

