// selectRankingSet on hand-made pools. Each expectation is worked out by hand in the comment above it,
// following filter_solutions.py: bottom = lowest score in (0, 0.1) else the lowest; targets
// 1 - t * (1 - bottom) for t = 1/4, 2/4, 3/4; nearest unused candidate, the higher one on exact ties.
import { describe, expect, it } from 'vitest';
import { RankingInputError, selectRankingSet, type PoolCandidate } from '../../../src/core/dataset/ranking-set';

const canonical = { code: 'def f(): return 1', timeTaken: 0.01 };
/** Pool from scores (and optional times); code names the pool index so picks are traceable. */
const pool = (scores: number[], times?: number[]): PoolCandidate[] =>
  scores.map((score, i) => ({ code: `c${i}`, score, timeTaken: times?.[i] ?? 1 }));
const summary = (picks: ReturnType<typeof selectRankingSet>) => picks.map((p) => [p.rank, p.score, p.code]);

describe('selectRankingSet', () => {
  it('spreads five over the range and prefers a low non-zero bottom to 0.0', () => {
    // bottom: 0.05 (lowest in (0, 0.1)); targets 1 - t*0.95 = 0.7625, 0.525, 0.2875
    // 0.7625 -> 0.8 (0.0375 vs 0.9's 0.1375); 0.525 -> 0.5 (0.025); 0.2875 -> 0.3 (0.0125). 0.0 is left out.
    const picks = selectRankingSet(canonical, pool([0.9, 0.8, 0.6, 0.5, 0.3, 0.2, 0.05, 0.0]));
    expect(summary(picks)).toEqual([
      [1, 1, 'def f(): return 1'],
      [2, 0.8, 'c1'],
      [3, 0.5, 'c3'],
      [4, 0.3, 'c4'],
      [5, 0.05, 'c6'],
    ]);
    expect(picks[0]).toEqual({ rank: 1, score: 1, timeTaken: 0.01, code: canonical.code });
    expect(picks.slice(1).map((p) => p.poolIndex)).toEqual([1, 3, 4, 6]);
  });

  it('rounds like Python, dedupes by rounded score keeping the fastest, and lets the canonical own 1.0', () => {
    // c0 (1.0) and c1 (0.996 -> 1.0) lose to the canonical. 0.5 group: c2 (3 s), c3 (1 s), c4 (0.504 -> 0.5, 2 s) -> c3.
    // 0.125 -> 0.12 (exact binary tie, to even; Math.round would say 0.13) joins c6's 0.12: c5 is faster.
    // 0.0 group: c8 is faster than c7. Three remain (<= 4), so all are kept.
    const picks = selectRankingSet(
      canonical,
      pool([1.0, 0.996, 0.5, 0.5, 0.504, 0.125, 0.12, 0.0, 0.0], [0.1, 0.1, 3, 1, 2, 0.2, 0.3, 1, 0.5]),
    );
    expect(summary(picks)).toEqual([
      [1, 1, 'def f(): return 1'],
      [2, 0.5, 'c3'],
      [3, 0.12, 'c5'],
      [4, 0, 'c8'],
    ]);
  });

  it('uses 0.0 as the bottom when nothing lies in (0, 0.1)', () => {
    // bottom 0.0; targets 0.75, 0.5, 0.25 -> 0.7 (0.05 vs 0.85's 0.1), 0.45 (0.05 vs 0.4's 0.1), 0.15 (0.1 vs 0.4's 0.15).
    expect(summary(selectRankingSet(canonical, pool([0.95, 0.85, 0.7, 0.45, 0.4, 0.15, 0.0]))).map((r) => r[1])).toEqual([1, 0.7, 0.45, 0.15, 0]);
  });

  it('breaks exact distance ties toward the higher score', () => {
    // bottom 0.0; target 0.75: |0.8-0.75| == |0.7-0.75| == 0.050000000000000044 in floats -> 0.8 (earlier);
    // target 0.5: 0.6 and 0.4 both at 0.09999999999999998 -> 0.6; target 0.25 -> 0.4. 0.7 is left out.
    expect(summary(selectRankingSet(canonical, pool([0.8, 0.7, 0.6, 0.4, 0.0]))).map((r) => r[1])).toEqual([1, 0.8, 0.6, 0.4, 0]);
  });

  it('measures distance in floating point, as the authors did', () => {
    // target 0.5: decimally 0.55 and 0.45 are equidistant, but |0.55-0.5| = 0.050000000000000044 and
    // |0.45-0.5| = 0.04999999999999999, so 0.45 wins. 0.75 -> 0.9; 0.25 -> 0.3.
    expect(summary(selectRankingSet(canonical, pool([0.9, 0.55, 0.45, 0.3, 0.0]))).map((r) => r[1])).toEqual([1, 0.9, 0.45, 0.3, 0]);
  });

  it('can pick a 0.0 for a middle target even when the bottom is a low non-zero score', () => {
    // bottom 0.08; targets 0.77, 0.54, 0.31 -> 0.85, 0.9 (0.36 vs 0.0's 0.54), 0.0 (0.31 vs 0.95's 0.64).
    // After re-ranking the 0.0 is last: the bottom-ranked solution is not the chosen "bottom".
    expect(summary(selectRankingSet(canonical, pool([0.95, 0.9, 0.85, 0.08, 0.0]))).map((r) => r[1])).toEqual([1, 0.9, 0.85, 0.08, 0]);
  });

  it('keeps everything when four or fewer distinct scores remain', () => {
    // 0.5 twice: the faster (c1) stays. Two left -> both kept, no spacing.
    expect(summary(selectRankingSet(canonical, pool([0.5, 0.5, 0.2], [2, 1, 1])))).toEqual([
      [1, 1, 'def f(): return 1'],
      [2, 0.5, 'c1'],
      [3, 0.2, 'c2'],
    ]);
    // Exactly four distinct: all kept, including both 0.05 and 0.0.
    expect(summary(selectRankingSet(canonical, pool([0.9, 0.1, 0.05, 0.0]))).map((r) => r[1])).toEqual([1, 0.9, 0.1, 0.05, 0]);
  });

  it('handles pools of only zeros, empty pools and all-errored candidates', () => {
    expect(summary(selectRankingSet(canonical, pool([0, 0, 0], [3, 1, 2])))).toEqual([[1, 1, 'def f(): return 1'], [2, 0, 'c1']]);
    expect(selectRankingSet(canonical, [])).toHaveLength(1);
    // c0 is faster but every test errored: dropped before dedup, so the slower c1 represents 0.0.
    const errored = [{ code: 'c0', score: 0, timeTaken: 0.1, allErrored: true }, { code: 'c1', score: 0, timeTaken: 5 }];
    expect(summary(selectRankingSet(canonical, errored))).toEqual([[1, 1, 'def f(): return 1'], [2, 0, 'c1']]);
    expect(selectRankingSet(canonical, [{ ...errored[0]! }])).toHaveLength(1);
  });

  it('breaks equal times by the higher unrounded score, then pool order', () => {
    // 0.501 and 0.504 both round to 0.5 with equal times: 0.504 ranks higher before rounding, so it stays.
    expect(summary(selectRankingSet(canonical, pool([0.501, 0.504])))[1]).toEqual([2, 0.5, 'c1']);
    expect(summary(selectRankingSet(canonical, pool([0.5, 0.5])))[1]).toEqual([2, 0.5, 'c0']);
  });

  it('takes other sizes: size 3 keeps the bottom and the candidate nearest the middle', () => {
    // k = 2: bottom 0.05, one target 1 - 0.5*0.95 = 0.525 -> 0.5.
    expect(summary(selectRankingSet(canonical, pool([0.9, 0.8, 0.6, 0.5, 0.3, 0.2, 0.05, 0.0]), 3)).map((r) => r[1])).toEqual([1, 0.5, 0.05]);
  });

  it('rejects unusable input', () => {
    expect(() => selectRankingSet(canonical, pool([1.5]))).toThrow(RankingInputError);
    expect(() => selectRankingSet(canonical, pool([NaN]))).toThrow(/pool\[0\]\.score/);
    expect(() => selectRankingSet(canonical, pool([0.5], [NaN]))).toThrow(/timeTaken/);
    expect(() => selectRankingSet(canonical, pool([0.5]), 1)).toThrow(/size/);
  });
});
