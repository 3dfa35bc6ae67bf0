// Scaling curves with a band: the mean of each metric over the draws at each k (the same numbers scalingCurve
// gives), plus the 2.5th and 97.5th percentiles of that metric over the draws, i.e. how far one random choice of
// k tests per problem can land from the mean.
import { percentileInterval } from '../metrics/bootstrap';
import { METRIC_NAMES } from '../metrics/split-table';
import type { SplitName } from '../dataset/types';
import type { MatrixProblem } from './execution-matrix';
import { scalingDraws, type ScalingOptions, type ScalingPoint } from './scaling';

/** The central share of draws the band covers. */
export const SCALING_BAND_CONFIDENCE = 0.95;

export interface ScalingBandPoint {
  k: number;
  /** Mean over the draws (equal to scalingCurve's). */
  metrics: ScalingPoint;
  /** 2.5th percentile over the draws (numpy's linear interpolation). */
  low: ScalingPoint;
  /** 97.5th percentile over the draws. */
  high: ScalingPoint;
}

/** scalingCurve with a 95% band over the draws, one point per k in the order given. */
export function scalingBands(split: SplitName, problems: readonly MatrixProblem[], ks: readonly number[], options: ScalingOptions = {}): ScalingBandPoint[] {
  const points: ScalingBandPoint[] = [];
  let values: Float64Array[] = [];
  let sums = new Float64Array(METRIC_NAMES.length);
  scalingDraws(split, problems, ks, options, (k, d, metrics, draws) => {
    if (d === 0) {
      values = METRIC_NAMES.map(() => new Float64Array(draws));
      sums = new Float64Array(METRIC_NAMES.length);
    }
    for (let m = 0; m < METRIC_NAMES.length; m += 1) {
      values[m][d] = metrics[m];
      sums[m] += metrics[m];
    }
    if (d < draws - 1) return;
    const intervals = values.map((column) => percentileInterval(column, SCALING_BAND_CONFIDENCE));
    const record = (f: (m: number) => number) => Object.fromEntries(METRIC_NAMES.map((name, m) => [name, f(m)])) as ScalingPoint;
    points.push({ k, metrics: record((m) => sums[m] / draws), low: record((m) => intervals[m][0]), high: record((m) => intervals[m][1]) });
  });
  return points;
}
