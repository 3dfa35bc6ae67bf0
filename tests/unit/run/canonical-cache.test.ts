// The canonical cache: what is kept (complete runs only), what is read back (checked, else a miss), and
// prepareTests reusing a kept run instead of running the canonical solution again, with the same limits.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canonicalCacheKey, canonicalRecordOf, usableCanonicalRecord, type CanonicalCache, type CanonicalRecord } from '../../../src/core/run/canonical-cache';
import { PAPER_TIME_LIMITS } from '../../../src/core/run/time-limits';
import type { CandidateResult, IoExpected, IoExpectRequest, ScoreRequest, TestPlan } from '../../../src/core/run/types';
import type { EnginePool } from '../../../src/engine/pool-types';
import { prepareTests } from '../../../src/engine/prepare-tests';
import { idbCanonicalCache } from '../../../src/storage/canonical-cache-store';

const pass = (ms: number) => ({ status: 'pass' as const, message: '', ms });

function memoryCache(): CanonicalCache & { map: Map<string, CanonicalRecord> } {
  const map = new Map<string, CanonicalRecord>();
  return { map, get: async (k) => map.get(k) ?? null, put: async (k, r) => void map.set(k, r) };
}

/** A pool whose canonical runs take the given times; counts its calls. */
function fakePool(ms: number[], outputs: (string | null)[] = ms.map((_, i) => `${i}\n`)) {
  const calls = { score: 0, expect: 0 };
  const pool: EnginePool = {
    ready: async () => [],
    stats: () => ({ size: 1, workersStarted: 1, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: [] }),
    close: async () => {},
    async score(request: ScoreRequest): Promise<CandidateResult> {
      calls.score++;
      const tests = ms.map(pass);
      return { tests, passed: tests.length, total: tests.length, score: 1, compare: request.compare, uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: 1 };
    },
    programKeys: async (codes: readonly string[]) => codes.map(() => null),
    async expect(request: IoExpectRequest): Promise<IoExpected> {
      calls.expect++;
      return { key: `k${calls.expect}`, compare: request.compare, outputs, errors: outputs.map((o) => (o === null ? 'timed out' : null)), ms };
    },
  };
  return { pool, calls };
}

const ASSERTS: TestPlan = { kind: 'assert', setup: '', asserts: ['assert f(1) == 1', 'assert f(2) == 2'] };
const IO: TestPlan = { kind: 'io', taskId: 'T/0', entryPoint: 'f', atol: 0, source: '{"base_input": [[1], [2]]}', sets: ['base'], baseCount: 2, plusCount: 0 };
const OPTIONS = { compare: 'paper' as const, timeout: { kind: 'scaled' as const, ...PAPER_TIME_LIMITS }, origin: 'ground-truth' as const, alwaysRunCanonical: true };

describe('canonical records', () => {
  it('keeps only complete runs', () => {
    expect(canonicalRecordOf({ kind: 'tests', tests: [pass(1), pass(2)] })).toEqual({ kind: 'tests', tests: [pass(1), pass(2)] });
    expect(canonicalRecordOf({ kind: 'tests', tests: [pass(1), { status: 'fail', message: 'x', ms: 1 }] })).toBeNull();
    expect(canonicalRecordOf({ kind: 'tests', tests: [] })).toBeNull();
    expect(canonicalRecordOf({ kind: 'io', outputs: ['1', null], errors: [null, 't'], ms: [1, 2] })).toBeNull();
    // The paper compares printed text even when the solution raised: such an input is complete.
    expect(canonicalRecordOf({ kind: 'io', outputs: ['1', ''], errors: [null, 'ValueError'], ms: [1, 2] })).toEqual({ kind: 'io', outputs: ['1', ''], errors: [null, 'ValueError'], ms: [1, 2] });
  });

  it('reads back only records of the right kind, count and shape', () => {
    const io = { kind: 'io', outputs: ['1', '2'], errors: [null, null], ms: [1, 2] };
    expect(usableCanonicalRecord(io, 'io', 2)).toEqual(io);
    expect(usableCanonicalRecord(io, 'io', 3)).toBeNull();
    expect(usableCanonicalRecord(io, 'tests', 2)).toBeNull();
    expect(usableCanonicalRecord({ ...io, ms: [1, -1] }, 'io', 2)).toBeNull();
    expect(usableCanonicalRecord({ ...io, outputs: ['1', null] }, 'io', 2)).toBeNull();
    expect(usableCanonicalRecord({ kind: 'tests', tests: [pass(1), { status: 'fail', message: '', ms: 1 }] }, 'tests', 2)).toBeNull();
    expect(usableCanonicalRecord('garbage', 'tests', 2)).toBeNull();
    expect(usableCanonicalRecord(null, 'tests', 2)).toBeNull();
  });

  it('keys on the engine, the tests, the program, the mode and the origin', () => {
    const base = canonicalCacheKey('e1', ASSERTS, 'def f(x): return x', 'paper', 'ground-truth');
    expect(canonicalCacheKey('e1', ASSERTS, 'def f(x): return x', 'paper', 'ground-truth')).toBe(base);
    for (const other of [
      canonicalCacheKey('e2', ASSERTS, 'def f(x): return x', 'paper', 'ground-truth'),
      canonicalCacheKey('e1', { ...ASSERTS, asserts: ['assert f(1) == 1'] }, 'def f(x): return x', 'paper', 'ground-truth'),
      canonicalCacheKey('e1', ASSERTS, 'def f(x): return +x', 'paper', 'ground-truth'),
      canonicalCacheKey('e1', ASSERTS, 'def f(x): return x', 'evalplus', 'ground-truth'),
      canonicalCacheKey('e1', ASSERTS, 'def f(x): return x', 'paper', 'generated'),
    ]) expect(other).not.toBe(base);
  });
});

describe('prepareTests with a canonical cache', () => {
  it('runs an assertion canonical once and gives the same limits from the kept run', async () => {
    const store = { cache: memoryCache(), engineKey: 'e' };
    const { pool, calls } = fakePool([10, 50]);
    const first = await prepareTests(pool, ASSERTS, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    const second = await prepareTests(pool, ASSERTS, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    expect(calls.score).toBe(1);
    expect(first.canonicalCached).toBe(false);
    expect(second.canonicalCached).toBe(true);
    expect(second.limitsMs).toEqual(first.limitsMs);
    expect(second.limitsMs).toEqual([100, 200]);
    expect(second.budgetMs).toBe(first.budgetMs);
    expect(second.canonical?.tests).toEqual(first.canonical?.tests);
  });

  it('reuses io outputs and times under a fresh expectation key', async () => {
    const store = { cache: memoryCache(), engineKey: 'e' };
    const { pool, calls } = fakePool([30, 40]);
    const first = await prepareTests(pool, IO, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    const second = await prepareTests(pool, IO, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    expect(calls.expect).toBe(1);
    expect(second.canonicalCached).toBe(true);
    expect(second.limitsMs).toEqual([120, 160]);
    const exp = (p: typeof first) => (p.spec.kind === 'io' ? p.spec.expected : null);
    expect(exp(second)?.outputs).toEqual(['0\n', '1\n']);
    expect(exp(second)?.key).not.toBe(exp(first)?.key);
  });

  it('keeps nothing of an incomplete run and runs it again', async () => {
    const store = { cache: memoryCache(), engineKey: 'e' };
    const { pool, calls } = fakePool([30, 40], ['0\n', null]);
    await prepareTests(pool, IO, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    await prepareTests(pool, IO, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    expect(store.cache.map.size).toBe(0);
    expect(calls.expect).toBe(2);
  });

  it('treats a damaged record or a failing cache as a miss', async () => {
    const cache = memoryCache();
    const store = { cache, engineKey: 'e' };
    const { pool, calls } = fakePool([10, 50]);
    await prepareTests(pool, ASSERTS, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    const [key] = [...cache.map.keys()];
    cache.map.set(key!, { kind: 'tests', tests: [pass(1)] }); // one test short
    const again = await prepareTests(pool, ASSERTS, 'def f(x): return x', { ...OPTIONS, canonicalCache: store });
    expect(again.canonicalCached).toBe(false);
    const broken = { cache: { get: () => Promise.reject(new Error('boom')), put: () => Promise.reject(new Error('boom')) }, engineKey: 'e' };
    const third = await prepareTests(pool, ASSERTS, 'def f(x): return x', { ...OPTIONS, canonicalCache: broken });
    expect(third.canonicalCached).toBe(false);
    expect(calls.score).toBe(3);
  });
});

describe('idbCanonicalCache', () => {
  it('round-trips records by key, counts and clears them', async () => {
    const cache = idbCanonicalCache({ factory: new IDBFactory() });
    const record: CanonicalRecord = { kind: 'io', outputs: ['1\n'], errors: [null], ms: [3] };
    expect(await cache.get('a')).toBeNull();
    await cache.put('a', record);
    expect(await cache.get('a')).toEqual(record);
    expect(await cache.get('b')).toBeNull();
    expect(await cache.count()).toBe(1);
    await cache.clear();
    expect(await cache.get('a')).toBeNull();
  });
});
