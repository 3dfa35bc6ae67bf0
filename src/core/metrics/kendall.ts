// Kendall's tau-b from exact integer pair counts (scipy's kendalltau, variant 'b'), null when undefined.

/** Pair counts behind tau-b; all are integers. */
export interface KendallCounts {
  /** n(n-1)/2 */
  pairs: number;
  /** Pairs tied in x (ties in both included). */
  tiesX: number;
  /** Pairs tied in y (ties in both included). */
  tiesY: number;
  concordant: number;
  discordant: number;
}

/** Counts concordant, discordant and tied pairs in O(n^2); problems hold a handful of solutions. */
export function kendallCounts(xs: readonly number[], ys: readonly number[]): KendallCounts {
  if (xs.length !== ys.length) throw new RangeError(`kendallCounts: lengths differ (${xs.length} vs ${ys.length})`);
  const n = xs.length;
  const counts: KendallCounts = { pairs: (n * (n - 1)) / 2, tiesX: 0, tiesY: 0, concordant: 0, discordant: 0 };
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const sx = compareNumbers(xs[i], xs[j]);
      const sy = compareNumbers(ys[i], ys[j]);
      if (sx === 0) counts.tiesX += 1;
      if (sy === 0) counts.tiesY += 1;
      if (sx !== 0 && sy !== 0) {
        if (sx === sy) counts.concordant += 1;
        else counts.discordant += 1;
      }
    }
  }
  return counts;
}

/**
 * Kendall's tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)). Null when undefined:
 * fewer than two points, or either sample entirely tied.
 */
export function kendallTauB(xs: readonly number[], ys: readonly number[]): number | null {
  const { pairs, tiesX, tiesY, concordant, discordant } = kendallCounts(xs, ys);
  const untiedX = pairs - tiesX;
  const untiedY = pairs - tiesY;
  if (untiedX === 0 || untiedY === 0) return null;
  const product = untiedX * untiedY;
  // One rounding (the sqrt) while the integer product is exact; two beyond 2^53.
  const denominator = Number.isSafeInteger(product) ? Math.sqrt(product) : Math.sqrt(untiedX) * Math.sqrt(untiedY);
  return Math.max(-1, Math.min(1, (concordant - discordant) / denominator));
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
