// What crosses the Parquet worker's boundary: the rows' JSON lines, or a failure as data (an Error's class does
// not survive postMessage), rebuilt into the same errors on the main thread. No hyparquet here.
import { DatasetParseError, ParquetFileError } from '../core/dataset/errors';

export type ParquetConversion =
  | { ok: true; lines: string[] }
  | { ok: false; kind: 'file' | 'other'; message: string }
  | { ok: false; kind: 'row'; row: number; field: string; detail: string };

/** A failure as data. */
export function conversionFailure(error: unknown): ParquetConversion {
  if (error instanceof DatasetParseError) return { ok: false, kind: 'row', row: error.line, field: error.field, detail: error.detail };
  return { ok: false, kind: error instanceof ParquetFileError ? 'file' : 'other', message: error instanceof Error ? error.message : String(error) };
}

/** The lines of a conversion, or the error it reported. */
export function conversionLines(result: ParquetConversion): string[] {
  if (result.ok) return result.lines;
  if (result.kind === 'row') throw new DatasetParseError(result.row, result.field, result.detail, 'row');
  throw result.kind === 'file' ? new ParquetFileError(result.message) : new Error(result.message);
}
