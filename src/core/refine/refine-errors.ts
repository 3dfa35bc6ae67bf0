// Errors of the refinement flow's pure parts: bad numbers, and bad lines of a feedback or export file.

/** An argument outside what the computation accepts (a count, a k, an empty set). */
export class RefineInputError extends Error {
  override readonly name = 'RefineInputError';
}

/** A line of a feedback file or an ILF export that cannot be used; names the 1-based line and the field. */
export class RefineFileError extends Error {
  override readonly name = 'RefineFileError';

  constructor(
    readonly line: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`line ${line}${field === '' ? '' : `, field "${field}"`}: ${detail}`);
  }
}
