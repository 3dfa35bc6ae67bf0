// Errors of build inputs (benchmark, pool and prompt-map files): each names the file, the 1-based line and the field.
import { DatasetParseError } from '../dataset/errors';

/** A benchmark, pool or prompt-map line that cannot be used. Nothing partial is returned when this is thrown. */
export class BuildInputError extends Error {
  override readonly name = 'BuildInputError';

  constructor(
    readonly file: string,
    /** 1-based line number (0 when the problem is not tied to a line). */
    readonly line: number,
    /** Dotted path of the offending field; "" for the whole line. */
    readonly field: string,
    detail: string,
  ) {
    super(line > 0 ? `${file}: line ${line}: ${detail}` : `${file}: ${detail}`);
  }
}

/** A build request that cannot be carried out (e.g. a "+" split of a benchmark without plus inputs). */
export class BuildRequestError extends Error {
  override readonly name = 'BuildRequestError';
}

/** Re-labels a DatasetParseError from the shared field readers with the file it came from. */
export function inFile(file: string, error: unknown): unknown {
  if (error instanceof DatasetParseError) {
    return new BuildInputError(file, error.line, error.field, error.message.replace(/^line \d+: /, ''));
  }
  return error;
}
