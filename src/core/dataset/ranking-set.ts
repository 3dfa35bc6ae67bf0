// The authors' ranking-set construction (combine_solutions.py + filter_solutions.py): drop all-error
// candidates, round scores (Python round), dedupe by score keeping the fastest, keep up to 5 spread over
// the score range, re-rank by descending score. Tie-breaking follows their code exactly (see comments).
import { pyRound } from './py-round';
import type { Candidate } from './types';

/** A scored candidate from a pool, before selection. */
export interface PoolCandidate {
  code: string;
  /** Unrounded fraction of ground-truth tests passed. */
  score: number;
  timeTaken: number;
  /** Every test raised something other than a failed assertion: dropped, as the authors did. */
  allErrored?: boolean;
}

/** A selected candidate; poolIndex is absent for the canonical solution. */
export interface RankingPick extends Candidate {
  poolIndex?: number;
}

/** Inputs the selection cannot use (scores outside [0, 1], NaN times, a size below 2). */
export class RankingInputError extends RangeError {
  override readonly name = 'RankingInputError';
}

interface Scored {
  index: number;
  score: number;
  timeTaken: number;
}

/**
 * The ranking set of one problem: the canonical solution (rank 1, score 1.0) plus up to size - 1 pool
 * candidates, ranks 1..n by descending rounded score. `size` is 5 in the paper.
 */
export function selectRankingSet(
  canonical: { code: string; timeTaken: number },
  pool: readonly PoolCandidate[],
  size = 5,
): RankingPick[] {
  if (!Number.isInteger(size) || size < 2) throw new RankingInputError(`size must be an integer >= 2, got ${size}`);
  pool.forEach((c, i) => {
    if (!(c.score >= 0 && c.score <= 1)) throw new RankingInputError(`pool[${i}].score must be in [0, 1], got ${c.score}`);
    if (Number.isNaN(c.timeTaken)) throw new RankingInputError(`pool[${i}].timeTaken is NaN`);
  });

  // combine: ranks follow the unrounded score (stable), which decides time ties in the dedup below.
  const ordered = pool
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.allErrored !== true)
    .sort((a, b) => b.c.score - a.c.score);

  // filter step 1: one candidate per rounded score. The canonical holds 1.0, so pool candidates
  // that round to 1.0 are dropped; elsewhere the fastest wins and the first (higher-ranked) wins time ties.
  const best = new Map<number, Scored>();
  for (const { c, index } of ordered) {
    const score = pyRound(c.score, 2);
    if (score === 1) continue;
    const held = best.get(score);
    if (held === undefined || c.timeTaken < held.timeTaken) best.set(score, { index, score, timeTaken: c.timeTaken });
  }
  const rest = [...best.values()].sort((a, b) => b.score - a.score);
  const picks = spacedPicks(rest, Math.min(size - 1, rest.length));

  const chosen: RankingPick[] = [
    { rank: 1, score: 1, timeTaken: canonical.timeTaken, code: canonical.code },
    ...picks.map((s) => ({ rank: 0, score: s.score, timeTaken: s.timeTaken, code: pool[s.index]!.code, poolIndex: s.index })),
  ];
  return chosen.map((c, i) => ({ ...c, rank: i + 1 }));
}

/**
 * pick_spaced_solutions: from `sorted` (descending, unique scores) keep k spanning 1.0 down to the bottom.
 * The bottom is the lowest score in (0, 0.1) if any, else the last; then for t = i/k (i = 1..k-1) the
 * unused candidate nearest 1.0 - t * (1.0 - bottom), measured in floating point, the earlier (higher)
 * one winning exact ties. The top of the range is 1.0 (the canonical), not the best pool score.
 */
function spacedPicks(sorted: readonly Scored[], k: number): Scored[] {
  const n = sorted.length;
  if (k >= n) return [...sorted];
  let bottom = n - 1;
  for (let i = n - 1; i >= 0; i--) {
    const s = sorted[i]!.score;
    if (s > 0 && s < 0.1) {
      bottom = i;
      break;
    }
  }
  const low = sorted[bottom]!.score;
  const used = new Set([bottom]);
  for (let i = 1; i < k; i++) {
    const target = 1.0 - (i / k) * (1.0 - low);
    let bestIndex = -1;
    let bestDiff = Infinity;
    sorted.forEach((s, j) => {
      const diff = Math.abs(s.score - target);
      if (!used.has(j) && diff < bestDiff) {
        bestDiff = diff;
        bestIndex = j;
      }
    });
    if (bestIndex !== -1) used.add(bestIndex);
  }
  return [...used].sort((a, b) => a - b).map((j) => sorted[j]!);
}
