// Errors raised while reading dataset files: always name the 1-based line and the offending field.

/** A dataset line that is not valid official-schema JSON. Nothing partial is returned when this is thrown. */
export class DatasetParseError extends Error {
  override readonly name = 'DatasetParseError';
  /** 1-based line number in the file (0 when the problem is not tied to a line). */
  readonly line: number;
  /** Dotted path of the offending field, e.g. "all_solutions[2].rank"; "" for the whole line. */
  readonly field: string;

  constructor(line: number, field: string, detail: string) {
    super(`line ${line}: ${detail}`);
    this.line = line;
    this.field = field;
  }
}

/** Shorthand for the most common failure: a required field is absent. */
export function missingField(line: number, field: string): DatasetParseError {
  return new DatasetParseError(line, field, `missing field "${field}"`);
}

/** Shorthand for a field whose JSON type or value is wrong. */
export function badField(line: number, field: string, expected: string, got: unknown): DatasetParseError {
  return new DatasetParseError(line, field, `field "${field}" must be ${expected}, got ${describe(got)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
