// Engine results -> the authors' pool score, time and all-errored flag.
import { describe, expect, it } from 'vitest';
import { candidateScore, canonicalSeconds, ResultShapeError, testErrored } from '../../../src/core/build/candidate-score';
import type { TestPlan } from '../../../src/core/run/types';
import type { TestResult, TestStatus } from '../../../src/core/run/types';

const t = (status: TestStatus, message = '', ms = 1): TestResult => ({ status, message, ms });
const asserts = (n: number): TestPlan => ({ kind: 'assert', setup: '', asserts: Array.from({ length: n }, () => 'assert True') });
const io = (base: number, plus: number, sets: ('base' | 'plus')[] = ['base', 'plus']): TestPlan => ({
  kind: 'io',
  taskId: 'T',
  entryPoint: 'f',
  atol: 0,
  source: '{}',
  sets,
  baseCount: base,
  plusCount: plus,
});

describe('testErrored (the authors\' stderr rule)', () => {
  it('counts exceptions, timeouts, crashes, stderr writes and messaged assertions as errors', () => {
    expect(testErrored(t('pass'))).toBe(false);
    expect(testErrored(t('fail', 'AssertionError'))).toBe(false);
    expect(testErrored(t('fail', 'printed 3, expected 4'))).toBe(false);
    expect(testErrored(t('fail', 'returned 3, expected 4'))).toBe(false);
    expect(testErrored(t('fail', 'AssertionError: invalid inputs'))).toBe(true);
    expect(testErrored(t('fail', 'wrote to stderr: oops'))).toBe(true);
    for (const s of ['error', 'timeout', 'crash'] as const) expect(testErrored(t(s))).toBe(true);
  });
});

describe('candidateScore', () => {
  it('scores a base split as passed / total with the mean time in seconds', () => {
    const s = candidateScore([t('pass', '', 2), t('fail', 'AssertionError', 4), t('pass', '', 6)], asserts(3));
    expect(s).toEqual({ score: 2 / 3, timeTaken: 0.004, allErrored: false, passed: 2, total: 3 });
  });

  it('combines base and plus in the authors\' float order, timing the plus inputs only', () => {
    // base 0/1 + plus 25/39: (25/39*39 + 0)/40 = 0.6250000000000001, which Python rounds to 0.63.
    const tests = [t('fail', 'printed 1, expected 2', 100), ...Array.from({ length: 39 }, (_, i) => t(i < 25 ? 'pass' : 'fail', '', 2))];
    const s = candidateScore(tests, io(1, 39));
    expect(s.score).toBe(0.6250000000000001);
    expect(s.timeTaken).toBeCloseTo(0.002, 12);
    expect(s.passed).toBe(25);
  });

  it('uses only the base inputs for a base io plan', () => {
    expect(candidateScore([t('pass'), t('fail')], io(2, 0, ['base'])).score).toBe(0.5);
  });

  it('flags a candidate whose every test errored, but not one with a single bare failure', () => {
    expect(candidateScore([t('error', 'ValueError'), t('timeout')], asserts(2)).allErrored).toBe(true);
    expect(candidateScore([t('error', 'ValueError'), t('fail', 'AssertionError')], asserts(2)).allErrored).toBe(false);
  });

  it('rejects results that do not line up with the plan', () => {
    expect(() => candidateScore([t('pass')], asserts(2))).toThrow(ResultShapeError);
  });

  it('times the canonical solution by the same rule', () => {
    expect(canonicalSeconds([10, 2, 4], io(1, 2))).toBeCloseTo(0.003, 12);
    expect(canonicalSeconds([10, 2, 4], asserts(3))).toBeCloseTo(0.016 / 3, 12);
    expect(canonicalSeconds([], asserts(0))).toBe(0);
  });
});
