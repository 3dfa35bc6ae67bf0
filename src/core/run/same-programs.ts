// Programs of one problem that are the same up to formatting and comments (the engine's syntax-tree keys)
// get the same results by construction: a job runs the first of each and reuses its results for the others.

/** For each program, the index of the first program with its key (itself when it is the first, or unkeyed). */
export function firstOfSameKey(keys: readonly (string | null)[]): number[] {
  const first = new Map<string, number>();
  return keys.map((key, i) => {
    if (key === null) return i;
    const seen = first.get(key);
    if (seen !== undefined) return seen;
    first.set(key, i);
    return i;
  });
}
