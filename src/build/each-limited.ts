// Runs an async function over items with at most `limit` in flight; stops starting new ones on abort or on
// the first failure, waits for the started ones to settle, then rethrows (the abort reason first).

/** Calls fn(item, index) for every item, `limit` at a time. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && !signal?.aborted && next < items.length) {
      const index = next++;
      try {
        await fn(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (signal?.aborted) throw signal.reason;
  if (failure !== undefined) throw failure.error;
}
