// Shapes of execution requests and results shared by the engine, the CLI and the UI (plain data only).

/** Outcome of one test: `fail` = AssertionError or wrong output, `error` = any other exception,
 *  `timeout` = over its limit, `crash` = the worker died while running it. */
export type TestStatus = 'pass' | 'fail' | 'timeout' | 'error' | 'crash';

/**
 * How input/output tests compare a candidate with the canonical solution.
 * `paper`: printed text of `print(entry_point(*input))`, parsed as int/float/text, atol on floats (the authors' harness).
 * `evalplus`: returned values, exact except floats within atol (EvalPlus `check_output`).
 */
export type CompareMode = 'paper' | 'evalplus';

/** One executed test. `message` is truncated; `ms` is wall time inside the worker. */
export interface TestResult {
  status: TestStatus;
  message: string;
  ms: number;
}

/** Where EvalPlus inputs come from: a JSON line parsed by Python (big ints stay exact). */
export interface IoInputs {
  /** Unique per distinct `source` text; lets a worker reuse parsed inputs across candidates. */
  key: string;
  /** JSON text holding `base_input` / `plus_input` at the top level or in `all_solutions[0].solution`. */
  source: string;
  /** Which input lists to run, in order. */
  sets: ('base' | 'plus')[];
}

/** Canonical outputs of an io problem, computed by the engine (see `IoExpectRequest`). */
export interface IoExpected {
  /** Unique per computed expectation; lets a worker cache decoded outputs. */
  key: string;
  compare: CompareMode;
  /** Per input: printed text (paper) or a base64 pickle of the value (evalplus); null when unavailable. */
  outputs: (string | null)[];
  /** Why an output is null (canonical raised in evalplus mode, unpicklable value, ...), else null. */
  errors: (string | null)[];
  /** Canonical time per input (ms), the basis of the paper's time limits. */
  ms: number[];
}

/** Assertion statements (generated tests, MBPP test_list), each run after `setup`. */
export interface AssertTests {
  kind: 'assert';
  setup: string;
  asserts: string[];
}

/** HumanEval `check(candidate)` program: one test. */
export interface CheckTests {
  kind: 'check';
  test: string;
  entryPoint: string;
}

/** EvalPlus inputs of one problem, before the canonical solution has given their expected outputs. */
export interface IoTestPlan {
  kind: 'io';
  taskId: string;
  entryPoint: string;
  atol: number;
  /** JSON text with base_input / plus_input at the top level (only those: it crosses into every worker call). */
  source: string;
  sets: ('base' | 'plus')[];
  baseCount: number;
  /** 0 unless `sets` includes 'plus'. */
  plusCount: number;
}

/** The tests of one problem as planned from a dataset, a benchmark or a generator (see core/build/test-plan.ts). */
export type TestPlan = AssertTests | CheckTests | IoTestPlan;

/** EvalPlus inputs compared against the canonical solution's outputs, as the engine runs them. */
export type IoTests = Pick<IoTestPlan, 'kind' | 'taskId' | 'entryPoint' | 'atol'> & { inputs: IoInputs; expected: IoExpected };

/** The tests a candidate runs against: a plan once prepared (io plans carry their expected outputs). */
export type TestSpec = AssertTests | CheckTests | IoTests;

/** Score one candidate program against a batch of tests. */
export interface ScoreRequest {
  code: string;
  tests: TestSpec;
  compare: CompareMode;
  /** Per-test limit in ms (one number for all, or one per test). */
  limitMs: number | number[];
  /** Wall-time budget for the whole candidate; tests after it runs out are `timeout`. */
  budgetMs: number;
  /** Run only tests start..end-1 (one part of a candidate split across workers); the others come back as
   *  'crash' "not in this part" for the caller to fill in from the other parts. */
  part?: { start: number; end: number };
  /** Run only these tests (e.g. a second run of the tests that timed out); the others come back as 'crash'
   *  "not in this part", like `part`'s. */
  only?: number[];
}

/** Compute canonical outputs (and canonical times) for an io problem. */
export interface IoExpectRequest {
  canonical: string;
  taskId: string;
  entryPoint: string;
  inputs: IoInputs;
  compare: CompareMode;
  /** Per-input limit for the canonical solution (ms). */
  limitMs: number;
  budgetMs: number;
}

/** Result of scoring one candidate. */
export interface CandidateResult {
  tests: TestResult[];
  passed: number;
  total: number;
  /** passed / total (0 when there are no tests); not rounded. */
  score: number;
  compare: CompareMode;
  /** Indices of assertion tests that do not compile; they fail for every candidate. */
  uncompilable: number[];
  /** Set when the candidate program itself does not compile. */
  compileError: string | null;
  /** Tests skipped because the candidate budget ran out. */
  budgetExhausted: boolean;
  /** Workers replaced while scoring this candidate (watchdog kills, fatal errors). */
  restarts: number;
  /** Wall time from dispatch to result (ms), queueing excluded. */
  ms: number;
}
