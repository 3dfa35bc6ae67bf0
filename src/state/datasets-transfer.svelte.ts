// One dataset download or file import as UI state: progress while reading, then saving, then done or failed.
// Cancelling aborts the transfer and the storage transaction alike, so nothing partial is ever stored.
import { DatasetSizeError } from '../core/dataset/dataset-limits';
import { DatasetParseError, ParquetFileError } from '../core/dataset/errors';
import { DownloadError, type DownloadFailure } from '../core/download/errors';
import type { DatasetBytes, ReadProgress } from '../core/download/read-dataset';
import type { DatasetMeta } from '../core/dataset/dataset-records';
import { DatasetExistsError, StorageQuotaError } from '../storage/storage-errors';
import { errorMessage } from '../core/error-message';

export type TransferStatus =
  | { phase: 'reading'; progress: ReadProgress | null }
  | { phase: 'saving'; progress: ReadProgress | null }
  | { phase: 'done'; meta: DatasetMeta }
  /** The same file is stored already: not an error, nothing new was stored. */
  | { phase: 'exists'; name: string }
  /** `overLimit`: refused by a size cap (which Settings can change). */
  | { phase: 'failed'; title: string; message: string; line?: number; overLimit?: true }
  | { phase: 'cancelled' };

/** Reads the bytes (reporting progress) and returns the validated dataset. */
export type TransferRead = (signal: AbortSignal, onProgress: (p: ReadProgress) => void) => Promise<DatasetBytes>;
/** Stores a validated dataset in one transaction. */
export type TransferSave = (result: DatasetBytes, signal: AbortSignal) => Promise<DatasetMeta>;

const FAILURE_TITLES: Record<DownloadFailure, string> = {
  network: 'The server could not be reached',
  'http-status': 'The server refused the file',
  'content-type': 'That is not a dataset file',
  truncated: 'The file arrived incomplete',
  encoding: 'The file is not UTF-8 text',
  checksum: 'The file does not match its checksum',
};

export class TransferJob {
  #status = $state.raw<TransferStatus>({ phase: 'reading', progress: null });
  readonly #controller = new AbortController();

  constructor(
    /** What is transferred, e.g. "HE-R+" or a file name. */
    readonly label: string,
  ) {}

  get status(): TransferStatus {
    return this.#status;
  }

  /** True while reading or saving. */
  get active(): boolean {
    return this.#status.phase === 'reading' || this.#status.phase === 'saving';
  }

  /** Stop the transfer; whatever was read is dropped. */
  cancel(): void {
    if (this.active) this.#controller.abort(new DOMException(`${this.label}: cancelled`, 'AbortError'));
  }

  /** Runs read then save; resolves when finished (never rejects: failures become the 'failed' status). */
  async run(read: TransferRead, save: TransferSave): Promise<void> {
    const signal = this.#controller.signal;
    let last: ReadProgress | null = null;
    try {
      const result = await read(signal, (progress) => {
        last = progress;
        if (!signal.aborted) this.#status = { phase: 'reading', progress };
      });
      signal.throwIfAborted();
      this.#status = { phase: 'saving', progress: last };
      this.#status = { phase: 'done', meta: await save(result, signal) };
    } catch (error) {
      this.#status = signal.aborted ? { phase: 'cancelled' } : failureStatus(error);
    }
  }
}

/** A status explaining `error` in words; parse errors keep their line number. */
export function failureStatus(error: unknown): TransferStatus {
  if (error instanceof DatasetExistsError) return { phase: 'exists', name: error.existingName };
  if (error instanceof DatasetSizeError) {
    const title = error.scope === 'file' ? 'The file is too large' : `${error.unit === 'row' ? 'Row' : 'Line'} ${error.line} is too long`;
    return { phase: 'failed', title, message: error.message, ...(error.line > 0 ? { line: error.line } : {}), overLimit: true };
  }
  if (error instanceof DatasetParseError) {
    const title = error.line > 0 ? `${error.unit === 'row' ? 'Row' : 'Line'} ${error.line} of the file is not valid` : 'The file holds no dataset';
    return { phase: 'failed', title, message: error.message, ...(error.line > 0 ? { line: error.line } : {}) };
  }
  if (error instanceof ParquetFileError) return { phase: 'failed', title: 'That is not a readable Parquet file', message: error.message };
  if (error instanceof DownloadError) return { phase: 'failed', title: FAILURE_TITLES[error.kind], message: error.message };
  if (error instanceof StorageQuotaError) return { phase: 'failed', title: 'Not enough storage', message: error.message };
  return { phase: 'failed', title: 'Something went wrong', message: errorMessage(error) };
}
