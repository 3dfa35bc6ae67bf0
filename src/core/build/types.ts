// Shapes of ranking-set building: benchmarks with ground truth, candidate pools, and the tests a problem runs.
import type { SplitName } from '../dataset/types';

/**
 * Which public format a benchmark file uses. `humaneval`: openai/human-eval (check program);
 * `humaneval-plus`: EvalPlus HumanEval+ (base/plus inputs); `mbpp`: google-research MBPP (test_list);
 * `mbpp-plus`: EvalPlus MBPP+ (base/plus inputs, HumanEval-style keys).
 */
export type BenchmarkKind = 'humaneval' | 'humaneval-plus' | 'mbpp' | 'mbpp-plus';

/** Which ground truth a build scores on: the base tests only, or base + plus inputs (the "+" sets). */
export type BuildSplit = 'base' | 'plus';

/** One benchmark problem with its ground truth, before any candidate is added. */
export interface BenchmarkProblem {
  taskId: string;
  /** HumanEval/EvalPlus `prompt` or MBPP `text`: what pool lines without a task id are joined on. */
  prompt: string;
  entryPoint?: string;
  /** The reference program, complete (prompt + body for HumanEval-style records); it becomes rank 1. */
  canonical: string;
  /** JSON text of the benchmark record (without all_solutions, inputs at the top level), the template of output lines. */
  record: string;
  /** EvalPlus input counts, when the record has them. */
  inputs: { base: number; plus: number } | null;
  atol: number;
  /** HumanEval `test` program (check(candidate)), when present. */
  checkProgram?: string;
  /** MBPP asserts, when present. */
  asserts?: { setup: string; list: string[]; challenge: string[] };
  /** 1-based line in the benchmark file. */
  line: number;
}

/** A parsed benchmark file. */
export interface Benchmark {
  name: string;
  kind: BenchmarkKind;
  /** Set when the file was itself a ranking set (our own format): its problems and canonical solutions are reused. */
  rankedSplit?: SplitName;
  problems: BenchmarkProblem[];
}

/** One candidate as a pool line gives it: a complete program, or a body that continues a prompt. */
export type PoolItem = { kind: 'program'; code: string } | { kind: 'body'; body: string };

/** One line of a candidate pool file. */
export interface PoolLine {
  file: string;
  line: number;
  /** From `task_id` (string or integer) or MultiPL-E's `name`. */
  taskId?: string;
  /** The prompt the model continued; bodies are appended to it. */
  prompt?: string;
  items: PoolItem[];
}

/** A distinct candidate program of one problem, with where it first came from. */
export interface PoolProgram {
  code: string;
  file: string;
  line: number;
  /** Index within a `samples` list (0 otherwise). */
  sample: number;
}
