// Shared bits of the download tests: byte chunking and fast parser yields.
export const encoder = new TextEncoder();

/** The bytes of `text` in pieces of `size` bytes (cutting multi-byte characters on purpose). */
export async function* byteChunks(bytes: Uint8Array | string, size: number): AsyncGenerator<Uint8Array> {
  const all = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

/** A parser yield that does not wait for timers (keeps unit tests fast). */
export const noWait = (): Promise<void> => Promise.resolve();
