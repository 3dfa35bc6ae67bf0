// MAE, R^2 (including the SS_tot = 0 rule), min-max normalization and compensated sums.
import { describe, expect, it } from 'vitest';
import { minMaxNormalize, normalizePredictions } from '../../../src/core/metrics/normalize';
import { metricMae, metricR2 } from '../../../src/core/metrics/regression';
import { meanOf, sumCompensated } from '../../../src/core/metrics/summation';

describe('metricMae / metricR2', () => {
  it('computes hand-checked values', () => {
    expect(metricMae([1, 0.5, 0], [0.5, 0.5, 0.5])).toBeCloseTo(1 / 3, 15);
    // mean 0.5, SS_tot = 0.5, SS_res = 0.25 + 0 + 0.25 -> R^2 = 0
    expect(metricR2([1, 0.5, 0], [0.5, 0.5, 0.5])).toBeCloseTo(0, 15);
    expect(metricR2([1, 0.5, 0], [1, 0.5, 0])).toBe(1);
  });

  it('returns 1 when every truth value is equal, even where a float mean would leave a residue', () => {
    expect(metricR2(Array(7).fill(0.1), [0, 0.2, 0.4, 0.1, 0.1, 0.9, 1])).toBe(1);
  });

  it('gives NaN for empty input and throws on mismatched lengths', () => {
    expect(metricMae([], [])).toBeNaN();
    expect(() => metricR2([1], [])).toThrow(RangeError);
  });
});

describe('minMaxNormalize', () => {
  it('maps the range onto [0, 1]', () => {
    expect(minMaxNormalize([-20, -10, -15, 0])).toEqual([0, 0.5, 0.25, 1]);
  });

  it('maps all-equal values to 0 (denominator 1)', () => {
    expect(minMaxNormalize([2.5, 2.5])).toEqual([0, 0]);
    expect(minMaxNormalize([])).toEqual([]);
  });

  it('leaves utg pass fractions as they are', () => {
    expect(normalizePredictions([0.2, 0.7], 'utg')).toEqual([0.2, 0.7]);
    expect(normalizePredictions([0.2, 0.7], 'reward')).toEqual([0, 1]);
  });
});

describe('sumCompensated', () => {
  it('keeps the bits a naive sum loses', () => {
    const values = [1e16, 1, -1e16, 1];
    expect(values.reduce((a, b) => a + b, 0)).not.toBe(2);
    expect(sumCompensated(values)).toBe(2);
    expect(meanOf(Array(10).fill(0.1))).toBe(0.1);
    expect(meanOf([])).toBeNaN();
  });
});
