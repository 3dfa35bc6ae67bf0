// The shapes the harness returns (harness.py's score() and expect() dicts), checked rather than cast: the
// reply comes out of the interpreter the candidate ran in, so a candidate that rewrote the harness's encoder
// could return anything. A reply that does not fit is void, never half-read.
import type { TestStatus } from '../core/run/types';

export type PythonTest = [TestStatus, string, number];

export interface ScoreValue {
  total: number;
  tests: PythonTest[];
  uncompilable: number[];
  compileError: string | null;
  budgetExhausted: boolean;
}

export interface ExpectValue {
  outputs: (string | null)[];
  errors: (string | null)[];
  ms: number[];
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

/** The expect() value, or null when it is not one (every list as long as the others). */
export function expectValue(v: unknown): ExpectValue | null {
  if (!isRecord(v)) return null;
  const { outputs, errors, ms } = v;
  if (!Array.isArray(outputs) || !Array.isArray(errors) || !Array.isArray(ms)) return null;
  if (errors.length !== outputs.length || ms.length !== outputs.length) return null;
  if (!outputs.every(isTextOrNull) || !errors.every(isTextOrNull) || !ms.every(isMs)) return null;
  return v as unknown as ExpectValue;
}
