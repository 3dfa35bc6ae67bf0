// Parquet files start (and end) with the 4 bytes "PAR1": enough to pick the Parquet reader for a file by content.
// Kept apart from the reader so the app can check a file without loading hyparquet.

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** True when `bytes` start with Parquet's magic bytes. */
export function startsLikeParquet(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** True when `bytes` end with them too (a cut-off file loses its footer and the final magic). */
export function endsLikeParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && startsLikeParquet(bytes.subarray(bytes.length - 4));
}
