// Progress math: exact totals, estimates capped below 100 % until done, unknown totals, Content-Length parsing.
import { describe, expect, it } from 'vitest';
import { parseContentLength, percent, transferProgress } from '../../../src/core/download/progress';

describe('parseContentLength', () => {
  it('reads plain non-negative integers only', () => {
    expect(parseContentLength('1234')).toBe(1234);
    expect(parseContentLength(' 0 ')).toBe(0);
    for (const bad of [null, '', '-1', '1.5', '12abc', '1e3', '99999999999999999999']) expect(parseContentLength(bad), String(bad)).toBeNull();
  });
});

describe('transferProgress', () => {
  it('uses the exact total when there is one, and reaches 1 at the end', () => {
    expect(transferProgress(250, 1000, 5000)).toEqual({ received: 250, total: 1000, estimated: false, fraction: 0.25 });
    expect(transferProgress(1000, 1000, null)).toEqual({ received: 1000, total: 1000, estimated: false, fraction: 1 });
    expect(transferProgress(1000, 1000, null, true).fraction).toBe(1);
  });

  it('falls back to the estimate, never claiming 100 % before the end nor a total below what arrived', () => {
    expect(transferProgress(500, null, 1000)).toEqual({ received: 500, total: 1000, estimated: true, fraction: 0.5 });
    const over = transferProgress(1500, null, 1000);
    expect(over).toEqual({ received: 1500, total: 1500, estimated: true, fraction: 0.99 });
    expect(transferProgress(1500, null, 1000, true)).toEqual({ received: 1500, total: 1500, estimated: false, fraction: 1 });
  });

  it('has no fraction without any total until done', () => {
    expect(transferProgress(10, null, null)).toEqual({ received: 10, total: null, estimated: false, fraction: null });
    expect(transferProgress(0, null, 0).fraction).toBeNull();
    expect(transferProgress(10, null, null, true)).toEqual({ received: 10, total: 10, estimated: false, fraction: 1 });
  });

  it('handles an empty exact total', () => {
    expect(transferProgress(0, 0, null).fraction).toBe(1);
  });
});

describe('percent', () => {
  it('floors and clamps', () => {
    expect([percent(0), percent(0.999), percent(1), percent(1.2), percent(-1), percent(0.257)]).toEqual([0, 99, 100, 100, 0, 25]);
  });
});
