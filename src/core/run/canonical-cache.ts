// The canonical solution's run on a problem's tests, kept per engine and machine: its per-test times set the
// paper's limits and (io) its outputs are what candidates must print, so a job that finds it here skips that
// run. Only complete runs are kept (every test passed, every input gave an output): a partial one may say more
// about the machine's load at the time than about the solution. Pure: the stores live in engine/ and storage/.
import type { CompareMode, TestPlan, TestResult } from './types';
import type { TestOrigin } from './time-limits';

/** What is kept of one canonical run. */
export type CanonicalRecord =
  /** io: every input's output (the paper compares printed text even when the solution raised: `errors`). */
  | { kind: 'io'; outputs: string[]; errors: (string | null)[]; ms: number[] }
  /** Assertion / check tests: the canonical's own results (all passed). */
  | { kind: 'tests'; tests: TestResult[] };

/** A place to keep canonical runs; `key` is canonicalCacheKey's text (stores hash it as they like). */
export interface CanonicalCache {
  get(key: string): Promise<CanonicalRecord | null>;
  put(key: string, record: CanonicalRecord): Promise<void>;
}

/** Everything the canonical run depends on: the engine (its snapshot key), the program, the tests, the mode. */
export function canonicalCacheKey(engineKey: string, plan: TestPlan, canonicalCode: string, compare: CompareMode, origin: TestOrigin): string {
  return JSON.stringify({ v: 1, engineKey, plan, canonicalCode, compare, origin });
}

/** The record of a complete canonical run, or null when it is not complete (nothing is kept then). */
export function canonicalRecordOf(
  run: { kind: 'io'; outputs: readonly (string | null)[]; errors: readonly (string | null)[]; ms: readonly number[] } | { kind: 'tests'; tests: readonly TestResult[] },
): CanonicalRecord | null {
  if (run.kind === 'io') {
    if (run.outputs.some((o) => o === null)) return null;
    return { kind: 'io', outputs: run.outputs as string[], errors: [...run.errors], ms: [...run.ms] };
  }
  if (run.tests.length === 0 || run.tests.some((t) => t.status !== 'pass')) return null;
  return { kind: 'tests', tests: [...run.tests] };
}

/** A record read back, checked against the shape and the test count it must have (else a miss). */
export function usableCanonicalRecord(value: unknown, kind: 'io' | 'tests', count: number): CanonicalRecord | null {
  const r = value as Partial<Record<string, unknown>> | null;
  if (typeof r !== 'object' || r === null || r.kind !== kind) return null;
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (kind === 'io') {
    const { outputs, errors, ms } = r;
    if (![outputs, errors, ms].every((a) => Array.isArray(a) && a.length === count)) return null;
    const o = outputs as unknown[], e = errors as unknown[], m = ms as unknown[];
    if (!o.every((x) => typeof x === 'string') || !e.every((x) => x === null || typeof x === 'string') || !m.every(finite)) return null;
    return { kind: 'io', outputs: o as string[], errors: e as (string | null)[], ms: m as number[] };
  }
  const { tests } = r;
  if (!Array.isArray(tests) || tests.length !== count) return null;
  const ok = tests.every((t: Partial<TestResult> | null) => t && t.status === 'pass' && typeof t.message === 'string' && finite(t.ms));
  return ok ? { kind: 'tests', tests: tests as TestResult[] } : null;
}
