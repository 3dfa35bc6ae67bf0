// pass@k against exact binomial goldens (tests/fixtures/refine/make_goldens.py), and its argument checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passAtK } from '../../../src/core/refine/pass-at-k';
import { RefineInputError } from '../../../src/core/refine/refine-errors';

const goldens = JSON.parse(readFileSync(new URL('../../fixtures/refine/goldens.json', import.meta.url), 'utf8')) as {
  passAtK: { n: number; c: number; k: number; value: number }[];
};

describe('passAtK', () => {
  it.each(goldens.passAtK.map((g) => [`n=${g.n} c=${g.c} k=${g.k}`, g] as const))('%s matches the exact value', (_name, g) => {
    expect(passAtK(g.n, g.c, g.k)).toBeCloseTo(g.value, 12);
  });

  it('is c/n at k = 1 and (c > 0) at k = n', () => {
    expect(passAtK(4, 3, 1)).toBe(0.75);
    expect(passAtK(4, 1, 4)).toBe(1);
    expect(passAtK(4, 0, 4)).toBe(0);
  });

  it('stays finite where the binomial coefficients would overflow a double', () => {
    const value = passAtK(5000, 3, 2500);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0.87);
  });

  it('refuses impossible arguments', () => {
    expect(() => passAtK(4, 5, 1)).toThrow(RefineInputError);
    expect(() => passAtK(4, 1, 0)).toThrow(/k must be in 1..4/);
    expect(() => passAtK(4, 1, 5)).toThrow(/k must be in 1..4/);
    expect(() => passAtK(4.5, 1, 1)).toThrow(/n must be a whole number/);
  });
});
