// A clean interpreter for every candidate: whatever one candidate (or one generated test) changes in the
// interpreter — stdlib class attributes, C-level state, caches, import hooks with lying __eq__, files, the
// working directory, open files, memory — the next candidate on the same worker sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateResult, ScoreRequest } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { ADD, CASES } from './realm/isolation-cases';

let pool: EnginePool;

beforeAll(async () => {
  pool = createNodePool({ size: 1, snapshotStore: null });
  await pool.ready();
});

afterAll(async () => {
  await pool?.close();
});

function request(code: string, asserts: string[]): ScoreRequest {
  return { code, tests: { kind: 'assert', setup: '', asserts }, compare: 'paper', limitMs: 3000, budgetMs: 30_000 };
}

const statuses = (r: CandidateResult) => r.tests.map((t) => `${t.status}${t.message ? `: ${t.message}` : ''}`);

describe('the next candidate on the same worker sees nothing a candidate changed', () => {
  it('every check holds in a clean interpreter (so each can fail)', async () => {
    const r = await pool.score(request(ADD, CASES.map(([, , check]) => check)));
    expect(statuses(r)).toEqual(CASES.map(() => 'pass'));
  });

  for (const [what, change, check] of CASES) {
    it(`${what}: changed by a candidate`, async () => {
      const own = await pool.score(request(`${ADD}\n${change}\n`, ['assert add(1, 2) == 3']));
      expect(own.tests).toHaveLength(1); // whatever its own result, it is well formed
      const next = await pool.score(request(ADD, [check, 'assert add(1, 2) == 3']));
      expect(statuses(next)).toEqual(['pass', 'pass']);
    });

    it(`${what}: changed by a generated test`, async () => {
      await pool.score(request(ADD, [change, 'assert add(1, 2) == 3']));
      const next = await pool.score(request(ADD, [check]));
      expect(statuses(next)).toEqual(['pass']);
    });
  }

  it('work a candidate or a generated test schedules for after its call never runs (asyncio\'s loop hands it to a JS timer)', async () => {
    // An endless loop that swallows interrupts: were it to run between calls, the worker would still be busy
    // when the next candidate arrives, and that candidate would lose its whole budget.
    const schedule = 'import asyncio\ndef spin():\n    while True:\n        try:\n            while True: pass\n        except BaseException:\n            pass\ntry:\n    loop = asyncio.get_event_loop()\n    loop.call_soon(spin)\n    loop.call_later(0.05, spin)\nexcept Exception:\n    pass';
    const kills = pool.stats().watchdogKills;
    const settle = () => new Promise((r) => setTimeout(r, 300)); // room for anything scheduled to run
    await pool.score(request(`${ADD}\n${schedule}\n`, ['assert add(1, 2) == 3']));
    await settle();
    expect(statuses(await pool.score(request(ADD, ['assert add(1, 2) == 3'])))).toEqual(['pass']);
    await pool.score(request(ADD, [schedule, 'assert add(1, 2) == 3']));
    await settle();
    expect(statuses(await pool.score(request(ADD, ['assert add(1, 2) == 3'])))).toEqual(['pass']);
    expect(pool.stats().watchdogKills).toBe(kills);
  });

  it('the checks really detect each change within one candidate (the change is real)', async () => {
    const undetected: string[] = [];
    for (const [what, change, check] of CASES) {
      // The candidate's code runs before each of its tests, so its change is in place when the check runs.
      const r = await pool.score(request(`${ADD}\n${change}\n`, [check]));
      if (r.tests[0]!.status === 'pass') undetected.push(what);
    }
    // Freed memory cannot be observed from Python; that case shows the worker lives on after it.
    expect(undetected).toEqual(['a large allocation']);
  });

  it('scoring stays exact after all of them; a worker died only in a candidate that reached JS built-ins an earlier one kept', async () => {
    const r = await pool.score(request(ADD, ['assert add(2, 2) == 4', 'assert add(2, 2) == 5']));
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'fail']);
    // Pyodide's map from JS objects to references lives beside the image: proxies kept past a write-back leave
    // entries the restored memory does not hold, so the next code that touches the same built-ins kills its own
    // interpreter (the JS-built-ins case, checked within one candidate). Honest code and the harness touch no
    // JS object but the call's fresh progress view, so no other result depends on it.
    // At most once per call of that case (by a candidate, by a generated test, within one), never a kill.
    const stats = pool.stats();
    expect(stats.watchdogKills).toBe(0);
    expect(stats.crashes).toBeLessThanOrEqual(3);
    expect(stats.workersStarted).toBe(1 + stats.crashes);
  });
});
