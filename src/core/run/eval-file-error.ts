// The error every evaluation-file problem becomes: which line, which field, one readable line of text.

/** A malformed evaluation-file line. `line` is 1-based; `field` is null when the line is not a JSON object. */
export class EvalFileParseError extends Error {
  override readonly name = 'EvalFileParseError';

  constructor(
    readonly line: number,
    readonly field: string | null,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}
