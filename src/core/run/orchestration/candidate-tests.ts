// Which generated tests a candidate runs, and the stored record of its execution.
import type { CandidateResult } from '../types';
import type { CandidateRecord, GenerationRecord } from '../run-records';

/**
 * Score given to every candidate of a problem whose generations yielded no test at all. The engine's own pass
 * fraction is 0 for an empty batch, and 0 keeps the meaning "no evidence of correctness": all candidates tie, so
 * Top-1/Bottom-1 credit 1/|group|, Spearman and Kendall are undefined (counted 0), and MAE/R^2 see a 0 prediction.
 */
export const ZERO_TESTS_SCORE = 0;

/**
 * The tests of test set `shownRank`: every finished generation's tests, by ascending sampleIndex, in the order the
 * model wrote them. Duplicates are kept, as the paper counts every generated assertion.
 */
export function testsOfSet(generations: readonly GenerationRecord[], shownRank: number): string[] {
  return generations
    .filter((g) => g.shownRank === shownRank && g.error === null)
    .sort((a, b) => a.sampleIndex - b.sampleIndex)
    .flatMap((g) => g.tests);
}

/**
 * Where each finished generation's tests start in its set's test list (the order testsOfSet gives, which is the order
 * of a candidate's results), by sample index; failed generations contribute no tests and have no entry.
 */
export function testSetOffsets(generations: readonly GenerationRecord[], shownRank: number): Map<number, number> {
  const offsets = new Map<number, number>();
  let at = 0;
  for (const g of generations.filter((g) => g.shownRank === shownRank && g.error === null).sort((a, b) => a.sampleIndex - b.sampleIndex)) {
    offsets.set(g.sampleIndex, at);
    at += g.tests.length;
  }
  return offsets;
}

/** The record stored for one executed candidate; its predicted score is the fraction of tests passed. */
export function candidateRecord(runId: string, taskId: string, rank: number, result: CandidateResult, reusedFrom?: number): CandidateRecord {
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  return {
    runId,
    taskId,
    rank,
    tests: result.tests,
    passed,
    total: result.tests.length,
    predicted: result.tests.length === 0 ? ZERO_TESTS_SCORE : passed / result.tests.length,
    uncompilable: result.uncompilable,
    compileError: result.compileError,
    ms: result.ms,
    ...(reusedFrom === undefined ? {} : { reusedFrom }),
  };
}
