// The one test preparation of every path (build, verify, score, runs): the canonical solution runs the planned
// tests first (its outputs for io tests, its per-test times for the paper's limits), then the limits and the
// candidate budget follow from core's time-limit policy. A canonical solution that cannot be run is a CanonicalError.
import { canonicalCacheKey, canonicalRecordOf, usableCanonicalRecord, type CanonicalCache } from '../core/run/canonical-cache';
import { CanonicalError } from '../core/run/canonical-error';
import type { TimeoutPolicy } from '../core/run/run-config';
import {
  CANONICAL_LIMITS,
  canonicalLimitMs,
  canonicalTimesOf,
  candidateBudgetMs,
  needsCanonicalTimes,
  testLimitsMs,
  type CanonicalTime,
  type TestOrigin,
} from '../core/run/time-limits';
import type { CandidateResult, CompareMode, TestPlan, TestSpec } from '../core/run/types';
import { errorMessage } from '../core/error-message';
import { planTestCount } from '../core/build/test-plan';
import { freshExpectedKey } from './jobs';
import type { EnginePool } from './pool-types';

export interface PrepareOptions {
  compare: CompareMode;
  /** The paper's scaled rule, or one fixed limit per test. */
  timeout: TimeoutPolicy;
  /** Ground truth (a trusted canonical) or generated tests (model output): sets the canonical's own limit. */
  origin: TestOrigin;
  /** Upper bound of each candidate's budget (a run's setting); none by default. */
  budgetCapMs?: number;
  /** Run the canonical solution even when the policy needs no times (to learn which tests it fails). Default false. */
  alwaysRunCanonical?: boolean;
  /** The canonical solution's results on these tests from earlier (a resumed run): it is not run again. */
  canonicalKnown?: CandidateResult['tests'];
  /** Where complete canonical runs are kept per engine and machine, so they run once (see core/run/canonical-cache). */
  canonicalCache?: EngineCanonicalCache | null;
  signal?: AbortSignal;
}

/** A canonical cache and the key of the engine it was measured on. */
export interface EngineCanonicalCache {
  cache: CanonicalCache;
  engineKey: string;
}

/** What candidates of a problem are scored with. */
export interface PreparedTests {
  spec: TestSpec;
  /** Per-test limits (ms) for candidates. */
  limitsMs: number[];
  /** Wall-time budget of one candidate. */
  budgetMs: number;
  /** The canonical solution's run on assert/check tests (its validity reading), null for io or when not run. */
  canonical: CandidateResult | null;
  /** The canonical solution's per-test times (ms); empty when it was not run. */
  canonicalMs: number[];
  /** Tests the canonical solution itself did not pass (or, for io, inputs it raised on), with why. */
  canonicalProblems: string[];
  /** The canonical run came from the canonical cache. */
  canonicalCached: boolean;
}

let preparations = 0;

/** Runs the canonical solution on a plan (when needed) and returns the spec, limits and budget of its candidates. */
export async function prepareTests(pool: EnginePool, plan: TestPlan, canonicalCode: string, options: PrepareOptions): Promise<PreparedTests> {
  const { compare, signal } = options;
  const limitMs = canonicalLimitMs(options.origin);
  let cached = false;
  const finish = (spec: TestSpec, times: CanonicalTime[] | null, canonical: CandidateResult | null, problems: string[]): PreparedTests => {
    const limitsMs = testLimitsMs(options.timeout, times?.length ?? countOf(spec), times);
    return { spec, limitsMs, budgetMs: candidateBudgetMs(limitsMs, options.budgetCapMs), canonical, canonicalMs: times?.map((t) => t.ms) ?? [], canonicalProblems: problems, canonicalCached: cached };
  };
  const store = options.canonicalCache ?? null;
  const cacheKey = store ? canonicalCacheKey(store.engineKey, plan, canonicalCode, compare, options.origin) : '';
  const fromCache = async (kind: 'io' | 'tests', count: number) => {
    if (!store) return null;
    const record = usableCanonicalRecord(await store.cache.get(cacheKey).catch(() => null), kind, count);
    cached = record !== null;
    return record;
  };
  const keep = (record: ReturnType<typeof canonicalRecordOf>) => {
    if (store && record) void store.cache.put(cacheKey, record).catch(() => {}); // a cache that cannot be written only costs time
  };
  if (plan.kind === 'io') {
    // A fresh key per preparation: workers cache parsed inputs by key.
    const inputs = { key: `prep-${++preparations}-${plan.taskId}`, source: plan.source, sets: plan.sets };
    const common = { taskId: plan.taskId, entryPoint: plan.entryPoint, inputs, compare };
    let expected;
    const known = await fromCache('io', planTestCount(plan));
    if (known?.kind === 'io') {
      expected = { key: freshExpectedKey(), compare, outputs: known.outputs, errors: known.errors, ms: known.ms };
    } else {
      try {
        expected = await pool.expect({ ...common, canonical: canonicalCode, limitMs, budgetMs: CANONICAL_LIMITS.budgetMs }, { signal });
      } catch (error) {
        if (signal?.aborted || error instanceof CanonicalError) throw error;
        throw new CanonicalError(errorMessage(error));
      }
      keep(canonicalRecordOf({ kind: 'io', ...expected }));
    }
    const problems = expected.errors.flatMap((e, i) => (e === null ? [] : [`input #${i}: ${e}`]));
    // An input without an output fails every candidate whatever its limit; only finished runs scale the limit.
    const times = expected.ms.map((ms, i) => ({ ms, finished: expected.outputs[i] !== null }));
    return finish({ kind: 'io', taskId: plan.taskId, entryPoint: plan.entryPoint, atol: plan.atol, inputs, expected }, times, null, problems);
  }
  const spec: TestSpec = plan;
  if (options.canonicalKnown) return finish(spec, canonicalTimesOf(options.canonicalKnown), null, problemsOf(options.canonicalKnown));
  if (!needsCanonicalTimes(options.timeout) && !options.alwaysRunCanonical) return finish(spec, null, null, []);
  const known = await fromCache('tests', countOf(spec));
  if (known?.kind === 'tests') return finish(spec, canonicalTimesOf(known.tests), canonicalResultOf(known.tests, compare), []);
  const canonical = await pool.score({ code: canonicalCode, tests: spec, compare, limitMs, budgetMs: CANONICAL_LIMITS.budgetMs }, { signal });
  keep(canonicalRecordOf({ kind: 'tests', tests: canonical.tests }));
  return finish(spec, canonicalTimesOf(canonical.tests), canonical, problemsOf(canonical.tests));
}

/** A cached all-passed canonical run as the result the canonical's own run would have given. */
function canonicalResultOf(tests: CandidateResult['tests'], compare: CompareMode): CandidateResult {
  const ms = tests.reduce((n, t) => n + t.ms, 0);
  return { tests, passed: tests.length, total: tests.length, score: 1, compare, uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms };
}

function problemsOf(tests: CandidateResult['tests']): string[] {
  return tests.flatMap((t, i) => (t.status === 'pass' ? [] : [`test #${i} ${t.status}: ${t.message}`]));
}

function countOf(spec: TestSpec): number {
  if (spec.kind === 'assert') return spec.asserts.length;
  if (spec.kind === 'check') return 1;
  return spec.expected.outputs.length;
}
