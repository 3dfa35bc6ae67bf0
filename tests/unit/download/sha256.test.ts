// sha256Hex against Node's own hash, over one or many parts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, isSha256Hex, sha256Hex } from '../../../src/core/download/sha256';
import { encoder } from './helpers';

describe('sha256Hex', () => {
  it('matches node:crypto for empty, ASCII and multi-part non-ASCII input', async () => {
    const text = 'café ☕ line\n'.repeat(1000);
    const bytes = encoder.encode(text);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await sha256Hex([bytes])).toBe(expected);
    expect(await sha256Hex([bytes.subarray(0, 7), bytes.subarray(7, 5000), bytes.subarray(5000)])).toBe(expected);
    expect(await sha256Hex([])).toBe(createHash('sha256').digest('hex'));
    expect(isSha256Hex(expected)).toBe(true);
    expect(isSha256Hex(expected.toUpperCase())).toBe(false);
  });

  it('concatenates parts in order', () => {
    expect(Array.from(concatBytes([new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])]))).toEqual([1, 2, 3]);
  });
});
