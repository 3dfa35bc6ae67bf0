// The tests a problem runs: its ground truth for a split, for building (benchmark problems) and for
// re-verification (parsed dataset problems), or generated assertions for runs; and the split of a build's output.
import { splitUsesPlusInputs } from '../dataset/split-name';
import type { Problem, SplitName } from '../dataset/types';
import { BuildRequestError } from './build-errors';
import { ioInputsSource } from './raw-inputs';
import type { TestPlan } from '../run/types';
import type { Benchmark, BenchmarkProblem, BuildSplit } from './types';

/** The evaluation split of a build's output, or BuildRequestError when the benchmark cannot give that split. */
export function outputSplit(benchmark: Pick<Benchmark, 'kind' | 'rankedSplit'>, split: BuildSplit): SplitName {
  switch (benchmark.kind) {
    case 'humaneval-plus':
      return split === 'base' ? 'HE_base' : 'HE_plus';
    case 'humaneval':
      if (split === 'base') return 'HE_base';
      throw new BuildRequestError('HumanEval has no plus inputs: build a "+" set from HumanEval+ (EvalPlus) instead');
    case 'mbpp':
      if (split === 'base') return benchmark.rankedSplit === 'DEMO' ? 'DEMO' : 'MBPP_base';
      throw new BuildRequestError('MBPP has no plus inputs: build a "+" set from MBPP+ (EvalPlus) instead');
    case 'mbpp-plus':
      if (split === 'plus') return 'MBPP_plus';
      // The official schema has no MBPP base split with EvalPlus keys; MBPP-R comes from MBPP's own asserts.
      throw new BuildRequestError('MBPP+ ranking sets score base + plus inputs (MBPP-R+); build MBPP-R (base) from the original MBPP file');
  }
}

/** The tests a benchmark problem runs for a build split. */
export function benchmarkTestPlan(problem: BenchmarkProblem, split: BuildSplit): TestPlan {
  if (problem.asserts !== undefined) {
    // The authors' MBPP-R scores counted test_list + challenge_test_list.
    return { kind: 'assert', setup: problem.asserts.setup, asserts: [...problem.asserts.list, ...problem.asserts.challenge] };
  }
  if (problem.inputs !== null) {
    return ioPlan(problem.taskId, problem.entryPoint, problem.atol, problem.record, problem.inputs.base, split === 'plus' ? problem.inputs.plus : null);
  }
  if (split === 'base' && problem.checkProgram !== undefined && problem.entryPoint !== undefined) {
    return { kind: 'check', test: problem.checkProgram, entryPoint: problem.entryPoint };
  }
  throw new BuildRequestError(`${problem.taskId} (line ${problem.line}) has no ground-truth tests for the ${split} split`);
}

/** The tests a parsed dataset problem runs when its stored scores are re-verified. */
export function datasetTestPlan(problem: Problem, split: SplitName): TestPlan {
  const truth = problem.tests;
  switch (truth.kind) {
    case 'assert':
      return { kind: 'assert', setup: truth.setup, asserts: [...truth.asserts, ...(truth.challenge ?? [])] };
    case 'check':
      if (problem.entryPoint === undefined) throw new BuildRequestError(`${problem.taskId} (line ${problem.line}) has a check program but no entry_point`);
      return { kind: 'check', test: truth.test, entryPoint: problem.entryPoint };
    case 'io': {
      const plus = splitUsesPlusInputs(split) ? truth.plusCount : null;
      return ioPlan(problem.taskId, problem.entryPoint, truth.atol, problem.source, truth.baseCount, plus);
    }
  }
}

/** Number of tests a plan runs. */
export function planTestCount(plan: TestPlan): number {
  if (plan.kind === 'assert') return plan.asserts.length;
  if (plan.kind === 'check') return 1;
  return plan.baseCount + plan.plusCount;
}

function ioPlan(taskId: string, entryPoint: string | undefined, atol: number, record: string, base: number, plus: number | null): TestPlan {
  if (entryPoint === undefined) throw new BuildRequestError(`${taskId} has EvalPlus inputs but no entry_point to call`);
  return {
    kind: 'io',
    taskId,
    entryPoint,
    atol,
    source: ioInputsSource(record, taskId),
    sets: plus === null ? ['base'] : ['base', 'plus'],
    baseCount: base,
    plusCount: plus ?? 0,
  };
}

/** Generated assertions (a test-generation verifier's output) as a plan; MBPP problems keep their test_setup_code. */
export function generatedTestPlan(problem: Problem, asserts: readonly string[]): TestPlan {
  return { kind: 'assert', setup: problem.tests.kind === 'assert' ? problem.tests.setup : '', asserts: [...asserts] };
}
