// The shapes of what the harness returns (harness.py's score(), expect(), prepare() and program_keys(),
// harness_judge.py's judge() and prepare_judge(), each a dict that finish() turns into JSON) and of the score
// value the runtime hands the pool, declared once: the types below are derived from the checks (shape.ts).
// The reply comes out of the interpreter the candidate ran in, so a candidate that rewrote the harness's
// encoder could return anything: a reply that does not fit is void, never half-read.
// tests/engine/harness-reply.test.ts holds the real harness's replies of every kind to these declarations.
import type { TestSpec, TestStatus } from '../core/run/types';
import { anyOf, count, duration, flag, list, nullable, oneOf, record, text, tuple, type Shape, type ShapeOf } from './shape';

const status = oneOf(['pass', 'fail', 'timeout', 'error', 'crash']) satisfies Shape<TestStatus>;
// Every status the run model knows is one the harness may report (the other direction is the `satisfies`).
const everyStatus: TestStatus extends ShapeOf<typeof status> ? true : never = true;
void everyStatus;

/** What the harness found changed in itself (harness_integrity.py), in every reply; null when nothing. */
const tampered = nullable(text);

/** A decided test: (status, message, ms). */
const decidedTest = tuple(status, text, duration);
/** What a candidate printed (paper) or returned, pickled (evalplus), for the judge to compare. */
const seen = anyOf(record({ text }, { failure: tuple(status, text) }), record({ overflow: count }), record({ value: text }));
/** A test as the candidate's interpreter reports it: decided, or to be judged (io tests only). */
const runTest = anyOf(decidedTest, tuple(oneOf(['judge']), seen, duration));

const scoreFields = { total: count, uncompilable: list(count), compileError: nullable(text), budgetExhausted: flag };
/** harness.py's score(): tests [start, next ?? total) of `total`. */
const runReply = record({ ...scoreFields, start: count, next: nullable(count), tests: list(runTest), tampered });
/** A candidate's scores as the runtime hands them to the pool: every test decided. */
const scoreShape = record({ ...scoreFields, tests: list(decidedTest) });
/** harness.py's expect(): per input, the canonical output (text or base64 pickle) or why there is none. */
const expectReply = record({ outputs: list(nullable(text)), errors: list(nullable(text)), ms: list(duration), budgetExhausted: flag, tampered });
/** harness_judge.py's judge(): a verdict per test handed over, in order. */
const verdictsReply = record({ verdicts: list(tuple(status, text)), tampered });
/** harness.py's program_keys(): per program, its syntax tree's digest, or null when it does not parse. */
const keysReply = record({ keys: list(nullable(text)), tampered });
/** harness.py's prepare() and harness_judge.py's prepare_judge(). */
const preparedReply = record({ tampered });

export type PythonTest = ShapeOf<typeof decidedTest>;
export type Seen = ShapeOf<typeof seen>;
export type RunTest = ShapeOf<typeof runTest>;
export type RunValue = ShapeOf<typeof runReply>;
export type ScoreValue = ShapeOf<typeof scoreShape>;
export type ExpectValue = ShapeOf<typeof expectReply>;
export type VerdictsValue = ShapeOf<typeof verdictsReply>;

/** Every reply kind's shape, by the harness function that returns it (for the tests that hold the real
 *  harness to them). */
export const HARNESS_REPLIES = { score: runReply, expect: expectReply, judge: verdictsReply, prepare: preparedReply, prepare_judge: preparedReply, program_keys: keysReply } as const;

/** How many tests a spec has (io: one per expected output). */
export function testCount(tests: TestSpec): number {
  if (tests.kind === 'assert') return tests.asserts.length;
  if (tests.kind === 'check') return 1;
  return tests.expected.outputs.length;
}

const indexesBelow = (list: number[], total: number) => list.every((i) => i < total);

/** The score value for `total` tests, or null when it is not that. */
export function scoreValue(v: unknown, total: number): ScoreValue | null {
  if (!scoreShape(v) || v.total !== total || v.tests.length !== total || !indexesBelow(v.uncompilable, total)) return null;
  return v;
}

/** One harness score() call's value for tests from `start` of `total`, or null when it is not that. */
export function runValue(v: unknown, total: number, start: number): RunValue | null {
  if (!runReply(v) || v.total !== total || v.start !== start || !indexesBelow(v.uncompilable, total)) return null;
  const end = v.next === null ? total : v.next;
  if (end > total || end < start || (end === start && end !== total) || v.tests.length !== end - start) return null;
  return v;
}

/** The judge's verdicts for `count` tests, or null. */
export function verdictsValue(v: unknown, count: number): VerdictsValue['verdicts'] | null {
  return verdictsReply(v) && v.verdicts.length === count ? v.verdicts : null;
}

/** The expect() value, or null when it is not one (every list as long as the others). */
export function expectValue(v: unknown): ExpectValue | null {
  if (!expectReply(v) || v.errors.length !== v.outputs.length || v.ms.length !== v.outputs.length) return null;
  return v;
}

/** The program_keys() keys of `count` programs (each a sha256 hex digest or null), or null. */
export function keysValue(v: unknown, count: number): (string | null)[] | null {
  if (!keysReply(v) || v.keys.length !== count) return null;
  return v.keys.every((k) => k === null || /^[0-9a-f]{64}$/.test(k)) ? v.keys : null;
}

/** A prepare() / prepare_judge() value, or null. */
export function preparedValue(v: unknown): ShapeOf<typeof preparedReply> | null {
  return preparedReply(v) ? v : null;
}
