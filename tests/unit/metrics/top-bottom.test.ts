// Top-1 / Bottom-1 fractional credit on hand-made problems.
import { describe, expect, it } from 'vitest';
import { metricBottom1, metricTop1 } from '../../../src/core/metrics/top-bottom';

describe('metricTop1', () => {
  it('gives full credit when rank 1 alone has the highest prediction', () => {
    expect(metricTop1([1, 2, 3], [0.9, 0.5, 0.1])).toBe(1);
  });

  it('splits credit over the tie group holding rank 1', () => {
    expect(metricTop1([1, 2, 3, 4], [0.9, 0.9, 0.9, 0.2])).toBe(1 / 3);
  });

  it('gives no credit when rank 1 is outside the top group, or missing', () => {
    expect(metricTop1([1, 2, 3], [0.5, 0.8, 0.8])).toBe(0);
    expect(metricTop1([2, 3], [0.9, 0.1])).toBe(0);
  });

  it('does not depend on input order', () => {
    expect(metricTop1([3, 1, 2], [0.9, 0.9, 0.1])).toBe(1 / 2);
  });
});

describe('metricBottom1', () => {
  it('targets the largest rank of the problem, not a fixed number', () => {
    expect(metricBottom1([1, 2, 3], [1, 0.5, 0.1])).toBe(1);
    expect(metricBottom1([1, 2, 3, 4, 5], [1, 0.8, 0.4, 0.1, 0.1])).toBe(1 / 2);
    expect(metricBottom1([1, 2, 3], [1, 0.1, 0.5])).toBe(0);
  });

  it('gives a single solution full credit at both ends', () => {
    expect(metricTop1([1], [0.3])).toBe(1);
    expect(metricBottom1([1], [0.3])).toBe(1);
  });

  it('rejects an empty problem and mismatched lengths', () => {
    expect(() => metricBottom1([], [])).toThrow(RangeError);
    expect(() => metricTop1([1, 2], [1])).toThrow(RangeError);
  });
});
