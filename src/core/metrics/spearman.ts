// Spearman's rho as the Pearson correlation of average ranks (scipy's spearmanr), null when undefined.
import { rankAverage } from './ranks';
import { sumCompensated } from './summation';

/**
 * Pearson correlation of two equal-length samples; null when it is undefined
 * (fewer than two points, or either sample constant).
 */
export function pearsonR(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`pearsonR: lengths differ (${xs.length} vs ${ys.length})`);
  const n = xs.length;
  if (n < 2) return null;
  const meanX = sumCompensated(xs) / n;
  const meanY = sumCompensated(ys) / n;
  const dx = xs.map((x) => x - meanX);
  const dy = ys.map((y) => y - meanY);
  const sxx = sumCompensated(dx.map((d) => d * d));
  const syy = sumCompensated(dy.map((d) => d * d));
  if (sxx === 0 || syy === 0) return null;
  const sxy = sumCompensated(dx.map((d, i) => d * dy[i]));
  // Clamp: rounding can push a perfect correlation a hair past +/-1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman's rho between two score lists, each ranked with average ranks for ties.
 * Both lists must use the same sense (e.g. both "lower is better" ranks). Null when undefined.
 */
export function spearmanRho(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`spearmanRho: lengths differ (${xs.length} vs ${ys.length})`);
  return pearsonR(rankAverage(xs), rankAverage(ys));
}
