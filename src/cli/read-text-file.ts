// Streams a UTF-8 text file as string chunks; file-system failures become CliUsageError with a short reason.
import { createReadStream } from 'node:fs';
import { CliUsageError } from './cli-io';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

/** Text chunks of `path`; the iterator throws CliUsageError if the file cannot be read. */
export async function* readTextFile(path: string): AsyncGenerator<string> {
  try {
    // The utf8 decoder keeps multi-byte characters whole across chunk boundaries.
    for await (const chunk of createReadStream(path, { encoding: 'utf8' })) yield chunk as string;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new CliUsageError(`cannot read ${path}: ${REASONS[code] ?? code}`);
  }
}
