// The Node pool on real Pyodide workers: interrupts, the watchdog, fatal crashes, aborts, concurrency and the
// memory snapshot. Hostile candidates sit between ordinary ones, which must still score exactly.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import { nodeSnapshotStore } from '../../src/engine/node-snapshot-store';
import type { EnginePool } from '../../src/engine/pool-types';

const ADD = 'def add(a, b):\n    return a + b\n';
const cacheDir = mkdtempSync(join(tmpdir(), 'vl-snapshot-'));
let pool: EnginePool;

/** readyInfo.length as each onWorkerReady call saw it (relayed from the engine host). */
const workerReady: number[] = [];
beforeAll(async () => {
  pool = createNodePool({ size: 2, snapshotStore: nodeSnapshotStore(cacheDir), graceMs: 500, onWorkerReady: (s) => workerReady.push(s.readyInfo.length) });
  await pool.ready();
});

it('tells onWorkerReady of each worker as it starts, before ready() settles', () => {
  expect(workerReady.slice(0, 2)).toEqual([1, 2]);
});
afterAll(async () => {
  await pool?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** The hostile test sits between two ordinary ones. Limits follow load: a second lets trivial neighbours
 *  finish on a busy 2-core machine, and work that must reach its end (a fatal error) gets ten. */
const sandwich = (hostile: string, limitMs = 1000): ScoreRequest => ({
  code: ADD,
  tests: { kind: 'assert', setup: '', asserts: ['assert add(1, 2) == 3', hostile, 'assert add(2, 2) == 5', 'assert add(2, 2) == 4'] },
  compare: 'paper',
  limitMs,
  budgetMs: 30_000,
});

async function statusOf(hostile: string, limitMs?: number) {
  const r = await pool.score(sandwich(hostile, limitMs));
  expect([r.tests[0].status, r.tests[2].status, r.tests[3].status]).toEqual(['pass', 'fail', 'pass']);
  return r.tests[1];
}

describe('runaway candidates', () => {
  it('stops an infinite loop with the interrupt, without replacing the worker', async () => {
    // A grace of a minute: the interrupt lands within milliseconds and no load delays it that long, so a kill
    // here means the interrupt does not work (as under V8's --disallow-code-generation-from-strings, once).
    const patient = createNodePool({ size: 1, snapshotStore: nodeSnapshotStore(cacheDir), graceMs: 60_000 });
    try {
      const r = await patient.score(sandwich('while True: pass'));
      expect(r.tests.map((t) => t.status)).toEqual(['pass', 'timeout', 'fail', 'pass']);
      expect(patient.stats().watchdogKills).toBe(0);
      expect(patient.stats().workersStarted).toBe(1);
    } finally {
      await patient.close();
    }
  });

  it('stops a time.sleep loop and an output flood the same way', async () => {
    expect((await statusOf('import time\nwhile True: time.sleep(0.01)')).status).toBe('timeout');
    expect((await statusOf("while True: print('x' * 1000)")).status).toBe('timeout');
  });

  it('kills and replaces the worker when a loop swallows the interrupt (BaseException, SIG_IGN)', async () => {
    const kills = pool.stats().watchdogKills;
    const swallow = 'while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass';
    expect((await statusOf(swallow)).status).toBe('timeout');
    const ignore = 'import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True: pass';
    expect((await statusOf(ignore)).status).toBe('timeout');
    expect(pool.stats().watchdogKills).toBe(kills + 2);
  });

  it('takes no result from a killed call: what the candidate wrote in the progress buffer passes nothing', async () => {
    // Walks to the harness's buffer, writes "pass" where results used to be kept and points the pool at the
    // first test, then swallows the interrupt until the watchdog kills the worker.
    const forge =
      "import sys\nf = sys._getframe()\nwhile 'prog' not in f.f_locals or f.f_locals['prog'] is None:\n    f = f.f_back\n" +
      "p = f.f_locals['prog']\nfor i in range(4, 12):\n    try:\n        p[i] = 1\n    except Exception:\n        pass\np[1] = 1\n" +
      'while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass';
    const r = await pool.score(sandwich(forge));
    expect(r.passed).toBe(0); // the blame lands on its own tests, twice, and ends the candidate
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect((await pool.score(sandwich('assert True'))).passed).toBe(3);
  });

  it('records deep recursion under a raised limit as timeout or crash (measured: a fatal stack overflow)', async () => {
    const t = await statusOf('import sys\nsys.setrecursionlimit(10**6)\ndef f(n): return f(n + 1)\nf(0)');
    expect(['timeout', 'crash']).toContain(t.status);
  });

  it('records a fatal Pyodide error (json.dumps of deep nesting) as crash and goes on', async () => {
    const crashes = pool.stats().crashes;
    const t = await statusOf('import json\nx = []\nfor _ in range(10**5): x = [x]\njson.dumps(x)', 10_000);
    expect(t.status).toBe('crash');
    expect(t.message).toMatch(/fatal/i);
    expect(pool.stats().crashes).toBe(crashes + 1);
  });

  it('reports memory bombs as errors in a live interpreter', async () => {
    expect((await statusOf('x = [0] * 10**9')).status).toBe('error');
    expect((await statusOf("x = 'a' * 10**10")).status).toBe('error');
  });
});

describe('pool behaviour', () => {
  it('scores concurrent candidates correctly while hostile ones run next to them', async () => {
    const wrong = 'def add(a, b):\n    return a - b\n';
    const jobs = [
      pool.score(sandwich('assert add(0, 0) == 0')),
      pool.score(sandwich('while True:\n    try:\n        pass\n    except BaseException:\n        pass')),
      pool.score({ ...sandwich('assert add(3, 3) == 0'), code: wrong }),
      pool.score(sandwich('import json\nx = []\nfor _ in range(10**5): x = [x]\njson.dumps(x)', 10_000)),
      pool.score(sandwich('assert add(5, 5) == 10')),
    ];
    const results = await Promise.all(jobs);
    expect(results[0].tests.map((t) => t.status)).toEqual(['pass', 'pass', 'fail', 'pass']);
    expect(results[1].tests[1].status).toBe('timeout');
    expect(results[2].tests.map((t) => t.status)).toEqual(['fail', 'pass', 'fail', 'fail']);
    expect(results[3].tests[1].status).toBe('crash');
    expect(results[4].score).toBe(0.75);
  });

  it('an AbortSignal cancels a running candidate and the pool keeps working', async () => {
    const controller = new AbortController();
    const running = pool.score(sandwich('while True:\n    try:\n        pass\n    except BaseException:\n        pass', 60_000), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 300);
    await expect(running).rejects.toThrow('cancelled by the user');
    expect((await pool.score(sandwich('assert True'))).score).toBe(0.75);
  });

  it('computes canonical outputs past an input that kills its worker, which then has no ground truth', async () => {
    const canonical = 'import time\ndef f(x):\n    if x == 2:\n        time.sleep(30)\n    return x * 10\n';
    const inputs = { key: 'kill-once', source: '{"base_input": [[1], [2], [3]], "plus_input": []}', sets: ['base' as const] };
    const common = { taskId: 'HumanEval/900', entryPoint: 'f', inputs, compare: 'paper' as const };
    const expected = await pool.expect({ ...common, canonical, limitMs: 300, budgetMs: 30_000 });
    expect(expected.outputs).toEqual(['10\n', null, '30\n']);
    expect(expected.errors[1]).toMatch(/lost its worker/);
    const r = await pool.score({ code: 'def f(x):\n    return x * 10\n', tests: { kind: 'io', ...common, atol: 0, expected }, compare: 'paper', limitMs: 300, budgetMs: 30_000 });
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'error', 'pass']);
    expect(r.tests[1].message).toMatch(/no expected output/);
  });

  it('made a memory snapshot once and started replacement workers from it', () => {
    const uses = pool.stats().readyInfo.map((i) => i.snapshot);
    expect(uses).toContain('made');
    expect(uses).toContain('loaded');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.snapshot'))).toHaveLength(1);
  });

  it('workers started from the snapshot leave no harness helpers where candidates can see them', async () => {
    const probe = 'import __main__, builtins\nassert not {"HARNESS_CODE", "precompile_harness"} & (set(vars(__main__)) | set(vars(builtins)) | set(globals()))';
    for (let i = 0; i < 4; i++) expect(await statusOf(probe)).toMatchObject({ status: 'pass' });
    expect(pool.stats().readyInfo.at(-1)?.snapshot).toBe('loaded');
  });
});
