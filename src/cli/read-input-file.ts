// Reads a whole input file, gunzipping *.gz; file-system failures become CliUsageError with a short reason.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { CliUsageError } from './cli-io';

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
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new CliUsageError(`cannot read ${path}: ${REASONS[code] ?? code}`);
  }
  if (!path.endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: not valid gzip (${error instanceof Error ? error.message : String(error)})`);
  }
}
