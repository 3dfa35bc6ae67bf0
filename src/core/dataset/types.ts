// The dataset model shared by every layer: problems, their ranked candidates and ground-truth tests.

/** Split names used by the authors' evaluation files, plus DEMO for the bundled dataset. */
export type SplitName = 'HE_base' | 'HE_plus' | 'MBPP_base' | 'MBPP_plus' | 'DEMO';

/**
 * Which benchmark family a line's keys come from: 'humaneval' = HumanEval/EvalPlus keys (prompt,
 * entry_point, canonical_solution; EvalPlus MBPP+ uses these too), 'mbpp' = MBPP keys (text, code, test_list).
 */
export type SchemaFamily = 'humaneval' | 'mbpp';

/** Ground-truth tests of one problem, as the paper's harness runs them. */
export type GroundTruth =
  /**
   * MBPP test_list, run after test_setup_code. `challenge` holds challenge_test_list: the authors'
   * MBPP-R scores counted test_list + challenge_test_list (non-empty for 11 of 974 MBPP problems).
   */
  | { kind: 'assert'; setup: string; asserts: string[]; challenge?: string[] }
  /** HumanEval `check(candidate)` program. */
  | { kind: 'check'; test: string }
  /**
   * EvalPlus input lists. Counts only: the values themselves are parsed by Python from
   * `Problem.source`, because JSON.parse loses integers beyond 2^53. Base splits (HE_base) score on
   * base inputs only, so their plusCount is 0 even when the line carries plus_input.
   */
  | { kind: 'io'; baseCount: number; plusCount: number; atol: number };

/** One ranked candidate solution. Rank 1 is the canonical solution. */
export interface Candidate {
  rank: number;
  /** Fraction of ground-truth tests passed (rounded to 2 decimals in official data). */
  score: number;
  /** Seconds, as measured by whoever built the dataset. */
  timeTaken: number;
  /** The complete program (function definition included). */
  code: string;
}

/** One problem with its candidates sorted by ascending rank. */
export interface Problem {
  taskId: string;
  /** HumanEval `prompt` or MBPP `text`. */
  prompt: string;
  /** Function under test, when the schema names one. */
  entryPoint?: string;
  /** The reference program. */
  canonicalSolution: string;
  tests: GroundTruth;
  candidates: Candidate[];
  /** 1-based line number in the source file. */
  line: number;
  /** The exact JSON text of the line, for lossless re-parsing (big ints in EvalPlus inputs). */
  source: string;
}

/** A parsed dataset file. */
export interface Dataset {
  /** Display name, e.g. "HE-R+" or "Demo". */
  name: string;
  split: SplitName;
  family: SchemaFamily;
  problems: Problem[];
}
