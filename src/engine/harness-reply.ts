// The shapes the harness returns (harness.py's score() and expect() dicts), checked rather than cast: the
// reply comes out of the interpreter the candidate ran in, so a candidate that rewrote the harness's encoder
// could return anything. A reply that does not fit is void, never half-read.
import type { TestSpec, TestStatus } from '../core/run/types';

export type PythonTest = [TestStatus, string, number];

export interface ScoreValue {
  total: number;
  tests: PythonTest[];
  uncompilable: number[];
  compileError: string | null;
  budgetExhausted: boolean;
}

/** What a candidate printed (paper) or returned, pickled (evalplus), for the judge to compare. */
export type Seen = { text: string; failure?: [TestStatus, string] } | { overflow: number } | { value: string };

/** A test as the candidate's interpreter reports it: decided, or to be judged. */
export type RunTest = PythonTest | ['judge', Seen, number];

/** One score() call of the harness: tests [start, next ?? total), io tests possibly still to judge. */
export interface RunValue extends Omit<ScoreValue, 'tests'> {
  start: number;
  next: number | null;
  tests: RunTest[];
}

export interface ExpectValue {
  outputs: (string | null)[];
  errors: (string | null)[];
  ms: number[];
}

/** How many tests a spec has (io: one per expected output). */
export function testCount(tests: TestSpec): number {
  if (tests.kind === 'assert') return tests.asserts.length;
  if (tests.kind === 'check') return 1;
  return tests.expected.outputs.length;
}

const STATUSES: ReadonlySet<unknown> = new Set<TestStatus>(['pass', 'fail', 'timeout', 'error', 'crash']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';

function isTest(v: unknown): v is PythonTest {
  return Array.isArray(v) && v.length === 3 && STATUSES.has(v[0]) && typeof v[1] === 'string' && isMs(v[2]);
}

/** The score() value for a call over `total` tests, or null when it is not that. */
export function scoreValue(v: unknown, total: number): ScoreValue | null {
  if (!isRecord(v) || v.total !== total) return null;
  const { tests, uncompilable } = v;
  if (!Array.isArray(tests) || tests.length !== total || !tests.every(isTest)) return null;
  if (!Array.isArray(uncompilable) || !uncompilable.every((i) => isCount(i) && i < total)) return null;
  if (!isTextOrNull(v.compileError) || typeof v.budgetExhausted !== 'boolean') return null;
  return v as unknown as ScoreValue;
}

function isSeen(v: unknown): v is Seen {
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 1 && isCount(v.overflow)) return true;
  if (keys.length === 1 && typeof v.value === 'string') return true;
  if (typeof v.text !== 'string') return false;
  if (keys.length === 1) return true;
  const f = v.failure;
  return keys.length === 2 && Array.isArray(f) && f.length === 2 && STATUSES.has(f[0]) && typeof f[1] === 'string';
}

function isRunTest(v: unknown): v is RunTest {
  return isTest(v) || (Array.isArray(v) && v.length === 3 && v[0] === 'judge' && isSeen(v[1]) && isMs(v[2]));
}

/** One harness score() call's value for tests from `start` of `total`, or null when it is not that. */
export function runValue(v: unknown, total: number, start: number): RunValue | null {
  if (!isRecord(v) || v.total !== total || v.start !== start) return null;
  const { tests, uncompilable, next } = v;
  const end = next === null ? total : next;
  if (!isCount(end) || end > total || end < start || (end === start && end !== total)) return null;
  if (!Array.isArray(tests) || tests.length !== end - start || !tests.every(isRunTest)) return null;
  if (!Array.isArray(uncompilable) || !uncompilable.every((i) => isCount(i) && i < total)) return null;
  if (!isTextOrNull(v.compileError) || typeof v.budgetExhausted !== 'boolean') return null;
  return v as unknown as RunValue;
}

/** The judge's verdicts for `count` tests, or null. */
export function verdictsValue(v: unknown, count: number): [TestStatus, string][] | null {
  if (!isRecord(v) || !Array.isArray(v.verdicts) || v.verdicts.length !== count) return null;
  const ok = v.verdicts.every((x) => Array.isArray(x) && x.length === 2 && STATUSES.has(x[0]) && typeof x[1] === 'string');
  return ok ? (v.verdicts as [TestStatus, string][]) : null;
}

/** The expect() value, or null when it is not one (every list as long as the others). */
export function expectValue(v: unknown): ExpectValue | null {
  if (!isRecord(v)) return null;
  const { outputs, errors, ms } = v;
  if (!Array.isArray(outputs) || !Array.isArray(errors) || !Array.isArray(ms)) return null;
  if (errors.length !== outputs.length || ms.length !== outputs.length) return null;
  if (!outputs.every(isTextOrNull) || !errors.every(isTextOrNull) || !ms.every(isMs)) return null;
  return v as unknown as ExpectValue;
}
