// Turning a verifier's raw predictions into comparable scores in [0, 1] for MAE and R^2.
import type { PredictionMethod } from './types';

/**
 * Min-max normalization within one problem: (x - min) / (max - min), with denominator 1
 * when all values are equal (so they all map to 0), as the authors' evaluation does.
 */
export function minMaxNormalize(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  let low = values[0];
  let high = values[0];
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const denominator = high === low ? 1 : high - low;
  return values.map((value) => (value - low) / denominator);
}

/** One problem's predictions as scores: pass fractions as is ('utg'), rewards min-max normalized ('reward'). */
export function normalizePredictions(predicted: readonly number[], method: PredictionMethod): number[] {
  return method === 'reward' ? minMaxNormalize(predicted) : [...predicted];
}
