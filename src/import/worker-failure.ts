// What a dataset worker returns: a value, or its failure as data (an Error's class does not survive postMessage),
// rebuilt into the same named error on the main thread so the UI explains it as if it had been read there.
import { DatasetSizeError, type SizeScope } from '../core/dataset/dataset-limits';
import { DatasetParseError, ParquetFileError, type DatasetUnit } from '../core/dataset/errors';
import { DownloadError, type DownloadFailure } from '../core/download/errors';
import { errorMessage } from '../core/error-message';

/** A thrown error as plain data. */
export type WorkerFailure =
  | { kind: 'size'; scope: SizeScope; line: number; bytes: number; limit: number; atLeast: boolean; unit: DatasetUnit }
  | { kind: 'parse'; line: number; field: string; detail: string; unit: DatasetUnit }
  | { kind: 'parquet'; message: string }
  | { kind: 'download'; failure: DownloadFailure; message: string; status?: number }
  | { kind: 'other'; message: string };

export type WorkerResult<T> = { ok: true; value: T } | { ok: false; failure: WorkerFailure };

/** The result of `run`, its failure caught as data. */
export async function resultOf<T>(run: () => Promise<T>): Promise<WorkerResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** The value of a result, or the error it reported. */
export function valueOf<T>(result: WorkerResult<T>): T {
  if (result.ok) return result.value;
  throw errorOf(result.failure);
}

export function failureOf(error: unknown): WorkerFailure {
  if (error instanceof DatasetSizeError) {
    const { scope, line, bytes, limit, atLeast, unit } = error;
    return { kind: 'size', scope, line, bytes, limit, atLeast, unit };
  }
  if (error instanceof DatasetParseError) return { kind: 'parse', line: error.line, field: error.field, detail: error.detail, unit: error.unit };
  if (error instanceof ParquetFileError) return { kind: 'parquet', message: error.message };
  if (error instanceof DownloadError) return { kind: 'download', failure: error.kind, message: error.message, ...(error.status === undefined ? {} : { status: error.status }) };
  return { kind: 'other', message: errorMessage(error) };
}

export function errorOf(failure: WorkerFailure): Error {
  switch (failure.kind) {
    case 'size':
      return new DatasetSizeError(failure.scope, failure.line, failure.bytes, failure.limit, failure.atLeast, failure.unit);
    case 'parse':
      return new DatasetParseError(failure.line, failure.field, failure.detail, failure.unit);
    case 'parquet':
      return new ParquetFileError(failure.message);
    case 'download':
      return new DownloadError(failure.failure, failure.message, failure.status);
    case 'other':
      return new Error(failure.message);
  }
}
