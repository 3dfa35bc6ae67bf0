// Bootstrap draws of problems: which problems each resample picks, drawn once so paired runs share them.
import { MetricInputError } from './metric-errors';
import { prngIndex, prngMulberry32 } from './prng';

/** `count` resamples of `n` problem indices each, drawn with replacement; resample r is indices[r*n .. r*n+n). */
export interface ResampleDraws {
  n: number;
  count: number;
  indices: Uint32Array;
}

/** Draws `resamples` x `n` uniform indices in [0, n) from mulberry32(seed), resample by resample. */
export function drawResampleIndices(n: number, resamples: number, seed: number): ResampleDraws {
  if (!Number.isInteger(n) || n < 1) throw new MetricInputError(`a resample needs at least one problem (got ${n})`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new MetricInputError(`resamples must be a positive integer (got ${resamples})`);
  const random = prngMulberry32(seed);
  const indices = new Uint32Array(n * resamples);
  for (let i = 0; i < indices.length; i += 1) indices[i] = prngIndex(random, n);
  return { n, count: resamples, indices };
}

/** Draws given as a list of index lists (a fixed list in tests, or draws made elsewhere). */
export function resampleDrawsOf(lists: ReadonlyArray<readonly number[]>, n: number): ResampleDraws {
  if (lists.length === 0) throw new MetricInputError('no resamples given');
  const indices = new Uint32Array(lists.length * n);
  lists.forEach((list, r) => {
    if (list.length !== n) throw new MetricInputError(`resample ${r} has ${list.length} indices, expected ${n}`);
    list.forEach((index, i) => {
      if (!Number.isInteger(index) || index < 0 || index >= n) throw new MetricInputError(`resample ${r}: index ${index} is outside 0..${n - 1}`);
      indices[r * n + i] = index;
    });
  });
  return { n, count: lists.length, indices };
}
