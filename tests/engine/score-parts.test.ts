// A candidate scored in parts on a real pool gives the same results as one call: io tests (judged) and
// assertion tests, and a part that loses its worker (an endless loop past its limit) only costs that test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlan } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { prepareTests } from '../../src/engine/prepare-tests';
import { NOT_IN_PART } from '../../src/engine/jobs';
import { scoreInParts } from '../../src/engine/score-parts';
import { ioSource } from './helpers';

let pool: EnginePool;
beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  await pool.ready();
});
afterAll(() => pool?.close());

const N = 320;
const IO: TestPlan = { kind: 'io', taskId: 'T', entryPoint: 'f', atol: 0, source: ioSource(JSON.stringify(Array.from({ length: N }, (_, i) => [i]))), sets: ['base'], baseCount: N, plusCount: 0 };
const FIXED = { compare: 'paper' as const, timeout: { kind: 'fixed' as const, ms: 1000 }, origin: 'ground-truth' as const };

describe('scoreInParts on a real pool', () => {
  it('io tests: the same statuses in parts as in one call', async () => {
    const prepared = await prepareTests(pool, IO, 'def f(x):\n    return 2 * x\n', FIXED);
    const request = { code: 'def f(x):\n    if x == 7:\n        raise ValueError(x)\n    return 2 * x if x % 3 else x\n', tests: prepared.spec, compare: 'paper' as const, limitMs: prepared.limitsMs, budgetMs: prepared.budgetMs };
    const whole = await pool.score(request);
    const parts = await scoreInParts(pool, request, 2);
    expect(parts.tests.map((t) => t.status)).toEqual(whole.tests.map((t) => t.status));
    expect(parts.passed).toBe(whole.passed);
    // Multiples of 3 fail (107 of them) except 0 (2 * 0 == 0); 7 raises.
    expect(parts.passed).toBe(N - 107 + 1 - 1);
    expect(parts.tests[7]!.status).toBe('error');
  });

  it('assertion tests, with an endless loop in the second part: only that test is lost', async () => {
    const asserts = Array.from({ length: N }, (_, i) => `assert f(${i}) == ${i}`);
    const code = `def f(x):\n    if x == ${N - 5}:\n        while True:\n            pass\n    return x if x % 10 else -1\n`;
    const request = { code, tests: { kind: 'assert' as const, setup: '', asserts }, compare: 'paper' as const, limitMs: 300, budgetMs: 120_000 };
    const parts = await scoreInParts(pool, request, 2);
    const expected = asserts.map((_, i) => (i === N - 5 ? 'timeout' : i % 10 ? 'pass' : 'fail'));
    expect(parts.tests.map((t) => t.status)).toEqual(expected);
    expect(parts.total).toBe(N);
  });

  it('`only`: runs just the tests named (io, judged), the others come back as not in this part', async () => {
    const prepared = await prepareTests(pool, IO, 'def f(x):\n    return 2 * x\n', FIXED);
    const code = 'def f(x):\n    return 2 * x if x % 3 else x\n';
    const r = await pool.score({ code, tests: prepared.spec, compare: 'paper', limitMs: prepared.limitsMs, budgetMs: prepared.budgetMs, only: [0, 3, 4, 301] });
    expect(r.total).toBe(N);
    expect([0, 3, 4, 301].map((i) => r.tests[i]!.status)).toEqual(['pass', 'fail', 'pass', 'pass']);
    expect(r.tests.filter((t) => t.message === NOT_IN_PART)).toHaveLength(N - 4);
    expect(r.score).toBe(3 / 4);
  });
});
