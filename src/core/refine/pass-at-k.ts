// The unbiased pass@k estimator of Chen et al. (2021): 1 - C(n-c, k) / C(n, k), as a running product so that
// no binomial coefficient is ever formed (they overflow doubles long before n reaches a few hundred).
import { RefineInputError } from './refine-errors';

/**
 * The chance that at least one of k refinements drawn without replacement from n made (c of them passing)
 * passes. Throws RefineInputError unless 0 <= c <= n and 1 <= k <= n are whole numbers.
 */
export function passAtK(n: number, c: number, k: number): number {
  for (const [name, value] of [['n', n], ['c', c], ['k', k]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RefineInputError(`pass@k: ${name} must be a whole number >= 0 (got ${value})`);
  }
  if (c > n) throw new RefineInputError(`pass@k: ${c} passing of ${n} made is impossible`);
  if (k < 1 || k > n) throw new RefineInputError(`pass@k: k must be in 1..${n} (got ${k})`);
  if (n - c < k) return 1;
  // C(n-c, k) / C(n, k) = prod over i in (n-c, n] of (1 - k / i).
  let fail = 1;
  for (let i = n - c + 1; i <= n; i++) fail *= 1 - k / i;
  return 1 - fail;
}
