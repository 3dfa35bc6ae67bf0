// One problem's output line: the canonical solution plus the pool's scored candidates, combined and filtered
// by the authors' rules (selectRankingSet), written in the official line schema.
import { selectRankingSet, type PoolCandidate, type RankingPick } from '../dataset/ranking-set';
import { formatRankedLine } from '../dataset/writer';
import type { BenchmarkProblem } from './types';

export interface RankedProblem {
  /** The official JSON line (no trailing newline). */
  line: string;
  /** Selected solutions, rank 1 first; poolIndex points into the pool given. */
  picks: RankingPick[];
}

/** The ranking set of one problem; `size` is 5 in the paper. */
export function rankedProblem(
  problem: BenchmarkProblem,
  canonicalTimeTaken: number,
  pool: readonly PoolCandidate[],
  size = 5,
): RankedProblem {
  const picks = selectRankingSet({ code: problem.canonical, timeTaken: canonicalTimeTaken }, pool, size);
  return { line: formatRankedLine(problem.record, picks), picks };
}
