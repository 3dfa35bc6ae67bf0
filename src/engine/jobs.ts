// What the pool does with one candidate (or one canonical-output computation): run it on a worker and, when
// the worker is lost mid-way, record the lost test as timeout/crash and run the rest again on a fresh worker
// with that test skipped. Results are data; only an abort (or a pool that cannot start) rejects.
import { CanonicalError } from '../core/run/canonical-error';
import type { CandidateResult, IoExpectRequest, IoExpected, ScoreRequest, TestResult } from '../core/run/types';
import { sentOnce } from './expected-outputs';
import { expectValue, keysValue, scoreValue, testCount } from './harness-reply';
import { createProgress, currentTest } from './progress';
import type { PoolOptions, WorkerCalls } from './pool-types';
import type { CallOutcome } from './worker-slot';
import type { WorkerReply } from './worker-api';

export type RunCall = (
  /** `known`: keys of expected outputs the chosen worker already holds (send those by key only). */
  invoke: (calls: WorkerCalls, known: Set<string>) => Promise<WorkerReply>,
  progress: Float64Array | null,
  budgetMs: number,
  signal?: AbortSignal,
) => Promise<Exclude<CallOutcome, { kind: 'unavailable' }>>;


function limitAt(limitMs: number | number[], i: number): number {
  return Array.isArray(limitMs) ? (limitMs[i] ?? 0) : limitMs;
}

function lostMessage(outcome: Extract<CallOutcome, { kind: 'lost' }>, limit: number): string {
  return outcome.status === 'timeout'
    ? `exceeded ${Math.round(limit)} ms; ${outcome.message}, so the worker was replaced`
    : `the worker crashed (${outcome.message.slice(0, 200)})`;
}

/** The message of a test another part of the candidate runs (see ScoreRequest.part). */
export const NOT_IN_PART = 'not in this part';

let expectedCounter = 0;

/** A key no other computed expectation has (workers cache decoded outputs by it). */
export function freshExpectedKey(): string {
  return `expected-${++expectedCounter}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Score one candidate. When a call loses its worker (watchdog kill, death, fatal error), the test it was on
 * gets the loss as its result and every other test runs again on a fresh worker with that one skipped: a
 * result counts only when a call that finished reported it, never from a call that was killed, since the
 * candidate could have written anything the pool reads while it ran.
 */
export async function scoreJob(
  run: RunCall,
  request: ScoreRequest,
  shared: boolean,
  options: PoolOptions,
  signal?: AbortSignal,
): Promise<CandidateResult> {
  const began = Date.now();
  const n = testCount(request.tests);
  let results: (TestResult | null)[] = new Array(n).fill(null);
  /** Tests that lost a worker, with the result they get: skipped by later attempts. */
  const lostAt = new Map<number, TestResult>();
  const maxRestarts = options.maxRestartsPerCandidate ?? 4;
  let restarts = 0;
  let spent = 0;
  let uncompilable: number[] = [];
  let compileError: string | null = null;
  let budgetExhausted = false;
  // Tests of the other parts (or not among `only`): skipped by the harness (they return at once) and marked here.
  const outside = new Set<number>();
  if (request.part) for (let i = 0; i < n; i++) if (i < request.part.start || i >= request.part.end) outside.add(i);
  if (request.only) {
    const kept = new Set(request.only);
    for (let i = 0; i < n; i++) if (!kept.has(i)) outside.add(i);
  }
  for (const i of outside) lostAt.set(i, { status: 'crash', message: NOT_IN_PART, ms: 0 });
  const fillAll = (status: TestResult['status'], message: string) => {
    results = results.map((r, i) => lostAt.get(i) ?? r ?? { status, message, ms: 0 });
  };

  for (;;) {
    const budget = request.budgetMs - spent;
    if (budget <= 0) {
      budgetExhausted = true;
      fillAll('timeout', 'candidate time budget exhausted');
      break;
    }
    // Without shared memory nobody could read the buffer live, so none is sent.
    const progress = shared ? createProgress(true) : null;
    const callStart = Date.now();
    const skip = [...lostAt.keys()];
    const invoke = async (c: WorkerCalls, known: Set<string>) => {
      const reply = await c.score(sentOnce({ ...request, budgetMs: budget }, known), progress, skip);
      if (!reply.ok && reply.missing && request.tests.kind === 'io') known.delete(request.tests.expected.key);
      return reply;
    };
    const outcome = await run(invoke, progress, budget, signal);
    spent += Date.now() - callStart;
    if (outcome.kind === 'aborted') throw outcome.reason;
    if (outcome.kind === 'reply' && !outcome.reply.ok && outcome.reply.missing) continue; // resent in full next time
    if (outcome.kind === 'reply' && outcome.reply.ok) {
      const value = scoreValue(outcome.reply.value, n);
      if (!value) {
        // The candidate rewrote what the harness reports with: nothing it reported can be trusted.
        results = results.map(() => ({ status: 'crash', message: 'the harness reply was malformed (the candidate changed the harness)', ms: 0 }));
        break;
      }
      results = value.tests.map(([status, message, ms], i) => lostAt.get(i) ?? { status, message, ms });
      uncompilable = value.uncompilable;
      compileError = value.compileError;
      budgetExhausted ||= value.budgetExhausted;
      break;
    }
    if (outcome.kind === 'reply' && !outcome.reply.ok && outcome.reply.tampered) {
      // Nothing this candidate reported can be trusted.
      const message = outcome.reply.message;
      results = results.map(() => ({ status: 'crash', message, ms: 0 }));
      break;
    }
    if (outcome.kind === 'reply' && !outcome.reply.ok && !outcome.reply.fatal) {
      fillAll('crash', `harness error: ${outcome.reply.message.slice(-300)}`);
      break;
    }
    const lost: Extract<CallOutcome, { kind: 'lost' }> =
      outcome.kind === 'lost' ? outcome : { kind: 'lost', status: 'crash', message: outcome.kind === 'reply' && !outcome.reply.ok ? outcome.reply.message : '' };
    restarts++;
    // The candidate can write this index too: it only chooses which of its own tests takes the loss.
    const current = progress ? currentTest(progress) : -1;
    if (!(current >= 0 && current < n && Number.isInteger(current)) || lostAt.has(current)) {
      const why = shared ? 'before its tests started' : 'and without shared memory the lost test is unknown';
      fillAll(lost.status, `${lostMessage(lost, limitAt(request.limitMs, 0))} ${why}`);
      break;
    }
    const limit = limitAt(request.limitMs, current);
    lostAt.set(current, { status: lost.status, message: lostMessage(lost, limit), ms: lost.status === 'timeout' ? limit : 0 });
    if (restarts > maxRestarts && lostAt.size < n) {
      fillAll(lost.status, `not run: the worker was lost ${restarts} times on this candidate`);
      break;
    }
  }

  const tests = results.map((r, i) => lostAt.get(i) ?? r ?? { status: 'crash' as const, message: 'not run', ms: 0 });
  const inPart = n - outside.size;
  const passed = tests.filter((t) => t.status === 'pass').length;
  return {
    tests,
    passed,
    total: n,
    score: inPart ? passed / inPart : 0,
    compare: request.compare,
    uncompilable,
    compileError,
    budgetExhausted,
    restarts,
    ms: Date.now() - began,
  };
}

/**
 * Canonical outputs of an io problem. An input whose run loses the worker (C-level work past the limit, a
 * fatal error) is skipped on the retry and has no output; each input is retried at most once, so this ends.
 */
export async function expectJob(run: RunCall, request: IoExpectRequest, shared: boolean, signal?: AbortSignal): Promise<IoExpected> {
  const key = freshExpectedKey();
  const skip: number[] = [];
  for (;;) {
    const progress = shared ? createProgress(true) : null;
    const outcome = await run((c) => c.expect({ ...request, skip: skip.slice() }, progress), progress, request.budgetMs, signal);
    if (outcome.kind === 'aborted') throw outcome.reason;
    const value = outcome.kind === 'reply' && outcome.reply.ok ? expectValue(outcome.reply.value) : null;
    if (value) {
      return { key, compare: request.compare, outputs: value.outputs, errors: value.errors, ms: value.ms };
    }
    const message = outcome.kind === 'lost' ? outcome.message : outcome.reply.ok ? 'the harness reply was malformed' : outcome.reply.message;
    const harnessError = outcome.kind === 'reply' && (outcome.reply.ok || !outcome.reply.fatal || !!outcome.reply.tampered);
    const current = progress ? currentTest(progress) : -1;
    if (harnessError || current < 0 || skip.includes(current)) {
      throw new CanonicalError(`the canonical solution of ${request.taskId} could not be run: ${message.slice(0, 300)}`);
    }
    skip.push(current);
  }
}

/** Time a program_keys() call may take before its worker is replaced (parsing only; generous for slow machines). */
export const KEYS_BUDGET_MS = 30_000;

/**
 * Each program's syntax-tree key. Keys only let programs share a run, so any failure (a reply that is not
 * keys, a lost worker on a pathological program) gives every program a null key: each then runs on its own.
 */
export async function keysJob(run: RunCall, codes: readonly string[], signal?: AbortSignal): Promise<(string | null)[]> {
  if (codes.length === 0) return [];
  const outcome = await run((c) => c.programKeys(codes.slice()), null, KEYS_BUDGET_MS, signal);
  if (outcome.kind === 'aborted') throw outcome.reason;
  const keys = outcome.kind === 'reply' && outcome.reply.ok ? keysValue(outcome.reply.value, codes.length) : null;
  return keys ?? codes.map(() => null);
}
