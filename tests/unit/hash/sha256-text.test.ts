// The pure SHA-256 against Node's OpenSSL-backed one (an independent implementation) on block-boundary lengths,
// multi-byte and astral text, lone surrogates, and random strings.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/hash/sha256-text';

const reference = (text: string) => createHash('sha256').update(Buffer.from(new TextEncoder().encode(text))).digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto around block boundaries and on non-ASCII text', () => {
    for (let n = 0; n < 200; n++) expect(sha256Hex('x'.repeat(n))).toBe(reference('x'.repeat(n)));
    for (const text of ['é', '日本語のテキスト', '😀 astral', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']) expect(sha256Hex(text)).toBe(reference(text));
  });

  it('matches node:crypto on random strings', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 200; k++) {
      const text = Array.from({ length: next() % 300 }, () => String.fromCharCode(next() % 0x10000)).join('');
      expect(sha256Hex(text)).toBe(reference(text));
    }
  });
});
