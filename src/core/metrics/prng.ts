// A small seeded PRNG (mulberry32) so resampling is reproducible in every runtime; not for cryptography.

/** Returns a generator of uniform floats in [0, 1) fully determined by the 32-bit `seed`. */
export function prngMulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n) from `random`. */
export function prngIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
