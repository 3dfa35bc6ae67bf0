// Pooled score-accuracy metrics: mean absolute error and the coefficient of determination R^2.
import { sumCompensated } from './summation';

/** Mean absolute error between truth and prediction; NaN for empty input. */
export function metricMae(truth: readonly number[], predicted: readonly number[]): number {
  checkPaired(truth, predicted);
  if (truth.length === 0) return Number.NaN;
  return sumCompensated(truth.map((t, i) => Math.abs(predicted[i] - t))) / truth.length;
}

/**
 * R^2 = 1 - SS_res / SS_tot with SS_tot taken around the mean of `truth`; 1.0 when SS_tot = 0.
 * SS_tot = 0 is decided by exact equality of the truth values: a float mean of identical values
 * can leave a 1e-33 residue, and dividing by that would turn "undefined" into a huge negative R^2.
 */
export function metricR2(truth: readonly number[], predicted: readonly number[]): number {
  checkPaired(truth, predicted);
  if (truth.length === 0) return Number.NaN;
  if (truth.every((t) => t === truth[0])) return 1;
  const mean = sumCompensated(truth) / truth.length;
  const ssTot = sumCompensated(truth.map((t) => (t - mean) ** 2));
  const ssRes = sumCompensated(truth.map((t, i) => (t - predicted[i]) ** 2));
  return 1 - ssRes / ssTot;
}

function checkPaired(truth: readonly number[], predicted: readonly number[]): void {
  if (truth.length !== predicted.length) throw new RangeError(`truth and predictions differ in length (${truth.length} vs ${predicted.length})`);
}
