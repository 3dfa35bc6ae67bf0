// Errors raised while reading dataset files: always name the 1-based line (or Parquet row) and the offending field.

/** What a DatasetParseError's number counts: lines of a JSONL file or rows of a Parquet file (both 1-based). */
export type DatasetUnit = 'line' | 'row';

/** A dataset line (or Parquet row) that is not valid official-schema JSON. Nothing partial is returned when this is thrown. */
export class DatasetParseError extends Error {
  override readonly name: string = 'DatasetParseError';
  /** 1-based line number in the file, or row number when `unit` is 'row' (0 when not tied to a line). */
  readonly line: number;
  /** Dotted path of the offending field, e.g. "all_solutions[2].rank"; "" for the whole line. */
  readonly field: string;
  /** The message without its "line N: " prefix. */
  readonly detail: string;
  readonly unit: DatasetUnit;

  constructor(line: number, field: string, detail: string, unit: DatasetUnit = 'line') {
    super(`${unit} ${line}: ${detail}`);
    this.line = line;
    this.field = field;
    this.detail = detail;
    this.unit = unit;
  }

  /** The same error counted in Parquet rows: each converted row is parsed as one line, so line N is row N. */
  asRow(): DatasetParseError {
    return this.line === 0 || this.unit === 'row' ? this : new DatasetParseError(this.line, this.field, this.detail, 'row');
  }
}

/** Bytes that are not a readable Parquet file: wrong magic bytes, cut off, or a corrupt footer or page. */
export class ParquetFileError extends Error {
  override readonly name = 'ParquetFileError';
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
