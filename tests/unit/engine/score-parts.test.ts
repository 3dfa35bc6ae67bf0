// Splitting a candidate's tests into parts: the ranges, how many parts, and putting the parts' results back.
import { describe, expect, it } from 'vitest';
import type { CandidateResult, ScoreRequest } from '../../../src/core/run/types';
import type { EnginePool } from '../../../src/engine/pool-types';
import { mergeParts, PART_LIMIT_SUM_MS, partRanges, partsFor, scoreInParts } from '../../../src/engine/score-parts';

describe('partRanges', () => {
  it('covers every test once, in order, in near-equal pieces', () => {
    expect(partRanges(10, 3)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 6 }, { start: 6, end: 10 }]);
    expect(partRanges(5, 1)).toEqual([{ start: 0, end: 5 }]);
    expect(partRanges(2, 4)).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }]);
  });
});

describe('partsFor', () => {
  const limits = (n: number, ms: number) => new Array<number>(n).fill(ms);
  it('splits only long worst cases, never into more parts than workers or tests', () => {
    expect(PART_LIMIT_SUM_MS).toBe(10_000);
    expect(partsFor(limits(10, 100), 8)).toBe(1); // an MBPP candidate: 1 s at worst
    expect(partsFor(limits(199, 100), 8)).toBe(1);
    expect(partsFor(limits(200, 100), 8)).toBe(2);
    expect(partsFor(limits(760, 100), 2)).toBe(2); // a HE-R+ candidate at the 0.1 s floor
    expect(partsFor(limits(760, 100), 1)).toBe(1);
    expect(partsFor(limits(137, 400), 8)).toBe(5); // few tests, slow canonical
    expect(partsFor(limits(3, 60_000), 8)).toBe(3);
  });
});

const ASSERTS = Array.from({ length: 6 }, (_, i) => `assert f(${i}) == ${i}`);

/** A pool that passes even-numbered tests of the part it is given (fails the odd ones). */
function fakePool() {
  const requests: ScoreRequest[] = [];
  const pool = {
    stats: () => ({ size: 2 }),
    async score(request: ScoreRequest): Promise<CandidateResult> {
      requests.push(request);
      const { start, end } = request.part ?? { start: 0, end: ASSERTS.length };
      const tests = ASSERTS.map((_, i) =>
        i < start || i >= end ? { status: 'crash' as const, message: 'not in this part', ms: 0 } : { status: i % 2 === 0 ? ('pass' as const) : ('fail' as const), message: '', ms: i + 1 },
      );
      const passed = tests.filter((t) => t.status === 'pass').length;
      return { tests, passed, total: tests.length, score: passed / (end - start), compare: 'paper', uncompilable: [5], compileError: null, budgetExhausted: start > 0, restarts: 1, ms: 10 * (start + 1) };
    },
  } as unknown as EnginePool;
  return { pool, requests };
}

describe('scoreInParts', () => {
  const request: ScoreRequest = { code: 'def f(x): return x', tests: { kind: 'assert', setup: '', asserts: ASSERTS }, compare: 'paper', limitMs: [100, 100, 100, 100, 100, 5000], budgetMs: 1_000_000 };

  it('makes one call when one part is asked for', async () => {
    const { pool, requests } = fakePool();
    await scoreInParts(pool, request, 1);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.part).toBeUndefined();
  });

  it('runs each part with its own budget and puts the results back in order', async () => {
    const { pool, requests } = fakePool();
    const r = await scoreInParts(pool, request, 2);
    expect(requests.map((q) => q.part)).toEqual([{ start: 0, end: 3 }, { start: 3, end: 6 }]);
    // 2 x the part's limits + 60 s, never above the whole candidate's budget.
    expect(requests.map((q) => q.budgetMs)).toEqual([2 * 300 + 60_000, 2 * 5200 + 60_000]);
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'pass', 'fail', 'pass', 'fail']);
    expect(r.tests.map((t) => t.ms)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r).toMatchObject({ passed: 3, total: 6, score: 0.5, budgetExhausted: true, restarts: 2, ms: 40, uncompilable: [5] });
  });

  it('keeps a part budget within the whole candidate budget', async () => {
    const { pool, requests } = fakePool();
    await scoreInParts(pool, { ...request, budgetMs: 1000 }, 2);
    expect(requests.map((q) => q.budgetMs)).toEqual([1000, 1000]);
  });
});

describe('mergeParts', () => {
  it('takes the first compile error any part reports', () => {
    const base = { passed: 0, total: 2, score: 0, compare: 'paper' as const, uncompilable: [], budgetExhausted: false, restarts: 0, ms: 1 };
    const a: CandidateResult = { ...base, tests: [{ status: 'error', message: 'x', ms: 0 }, { status: 'crash', message: 'not in this part', ms: 0 }], compileError: null };
    const b: CandidateResult = { ...base, tests: [{ status: 'crash', message: 'not in this part', ms: 0 }, { status: 'error', message: 'y', ms: 0 }], compileError: 'SyntaxError' };
    expect(mergeParts([a, b], [{ start: 0, end: 1 }, { start: 1, end: 2 }])).toMatchObject({ compileError: 'SyntaxError', tests: [{ message: 'x' }, { message: 'y' }] });
  });
});
