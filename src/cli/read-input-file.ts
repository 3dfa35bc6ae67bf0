// Reads a whole input file, gunzipping *.gz; file-system failures become CliUsageError with a short reason.
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { CliUsageError } from './cli-io';
import { errorMessage } from '../core/error-message';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

/** The text of `path` (decompressed when it ends in .gz). */
export async function readInputFile(path: string): Promise<string> {
  return (await readInputBytes(path)).toString('utf8');
}

/** The bytes of `path` (decompressed when it ends in .gz). */
export async function readInputBytes(path: string): Promise<Buffer> {
  const read = await readInputBytesUpTo(path, Infinity);
  if ('bytes' in read) return read.bytes;
  throw new Error('unreachable: no size cap');
}

/** An input's bytes, or only its size when that is over the cap (a lower bound when `atLeast`: decompression stopped). */
export type CappedInput = { bytes: Buffer } | { over: number; atLeast: boolean };

/** Like readInputBytes, but never holds more than `maxBytes` + 1 bytes: a larger file is not read, a .gz is decompressed only that far. */
export async function readInputBytesUpTo(path: string, maxBytes: number): Promise<CappedInput> {
  const gz = path.endsWith('.gz');
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (!gz && size > maxBytes) return { over: size, atLeast: false };
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new CliUsageError(`cannot read ${path}: ${REASONS[code] ?? code}`);
  }
  if (!gz) return { bytes };
  try {
    return { bytes: gunzipSync(bytes, Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes + 1 } : {}) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { over: maxBytes + 1, atLeast: true };
    throw new CliUsageError(`cannot read ${path}: not valid gzip (${errorMessage(error)})`);
  }
}
