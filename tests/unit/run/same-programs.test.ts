import { describe, expect, it } from 'vitest';
import { firstOfSameKey, reusedCount } from '../../../src/core/run/same-programs';

describe('firstOfSameKey', () => {
  it('points each program at the first with its key; unkeyed programs stand alone', () => {
    const firsts = firstOfSameKey(['a', 'b', 'a', null, null, 'b', 'c', 'a']);
    expect(firsts).toEqual([0, 1, 0, 3, 4, 1, 6, 0]);
    expect(reusedCount(firsts)).toBe(3);
    expect(firstOfSameKey([])).toEqual([]);
  });
});
