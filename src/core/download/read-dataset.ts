// The one pipeline for dataset bytes (a download body or a local file): count, decode, parse line by line as the
// bytes arrive, hash, and check the size and checksum. Either a whole validated dataset comes out or an error.
import { checkFileSize, DatasetSizeError, DEFAULT_DATASET_LIMITS, type DatasetLimits } from '../dataset/dataset-limits';
import { DatasetParseError } from '../dataset/errors';
import { parseDatasetStream } from '../dataset/parse-dataset';
import type { Dataset, SplitName } from '../dataset/types';
import { decodeUtf8 } from './byte-stream';
import { looksLikeMarkup } from './content-type';
import { DownloadError, errorText } from './errors';
import { transferProgress, type TransferProgress } from './progress';
import { sha256Hex } from './sha256';

/** Transfer progress plus the dataset lines parsed so far. */
export interface ReadProgress extends TransferProgress {
  lines: number;
}

export interface ReadDatasetOptions {
  /** Display name; also picks the split when `split` is absent ("MBPP-R.jsonl"). */
  name: string;
  split?: SplitName;
  /** Exact size (Content-Length, File.size): fewer bytes is a truncated transfer. */
  exactBytes?: number | null;
  /** Estimated size for progress only (official.json approxBytes). */
  approxBytes?: number | null;
  /** Size caps (DEFAULT_DATASET_LIMITS when absent); a known exactBytes over the file cap is refused before reading. */
  limits?: DatasetLimits;
  /** Known hash the bytes must have (hex). */
  expectedSha256?: string | null;
  onProgress?: (progress: ReadProgress) => void;
  /** How the parser gives the event loop a turn (default: a zero-delay timeout). */
  yieldFn?: () => Promise<void>;
}

/** A validated dataset with the text it was parsed from, its size and hash. */
export interface DatasetBytes {
  dataset: Dataset;
  text: string;
  bytes: number;
  sha256: string;
  /** 'parquet' when `text` is the JSONL conversion of a Parquet file; `bytes` and `sha256` then describe that file. */
  format?: 'parquet';
}

/**
 * Reads a dataset from byte chunks. Errors from the chunk source itself (a broken connection) become
 * DownloadError 'truncated'; parse errors stay DatasetParseError (line and field named).
 */
export async function readDataset(chunks: AsyncIterable<Uint8Array>, options: ReadDatasetOptions): Promise<DatasetBytes> {
  const exact = options.exactBytes ?? null;
  const approx = options.approxBytes ?? null;
  const limits = options.limits ?? DEFAULT_DATASET_LIMITS;
  if (exact !== null) checkFileSize(exact, limits);
  const parts: Uint8Array[] = [];
  const texts: string[] = [];
  let received = 0;
  let lines = 0;

  async function* counted(): AsyncGenerator<Uint8Array> {
    const iterator = chunks[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (isAbort(error)) throw error;
        throw new DownloadError('truncated', `the transfer broke off after ${received} bytes${exact === null ? '' : ` of ${exact}`}: ${errorText(error)}`);
      }
      if (next.done) break;
      parts.push(next.value);
      received += next.value.byteLength;
      options.onProgress?.({ ...transferProgress(received, exact, approx), lines });
      yield next.value;
    }
    // Checked before the parser sees the last (possibly cut) line, so a short body reads as truncated.
    if (exact !== null && received < exact) {
      throw new DownloadError('truncated', `the transfer ended after ${received} of ${exact} bytes: the file is incomplete`);
    }
  }

  async function* decoded(): AsyncGenerator<string> {
    let sniffed = false;
    for await (const chunk of decodeUtf8(counted())) {
      if (!sniffed && chunk.trim() !== '') {
        sniffed = true;
        if (looksLikeMarkup(chunk)) throw new DownloadError('content-type', 'the file starts with "<": it is a web page (HTML/XML), not a JSONL dataset');
      }
      texts.push(chunk);
      yield chunk;
    }
  }

  let dataset: Dataset;
  try {
    dataset = await parseDatasetStream(decoded(), {
      name: options.name,
      ...(options.split ? { split: options.split } : {}),
      ...(options.yieldFn ? { yieldFn: options.yieldFn } : {}),
      limits,
      onProgress: (p) => {
        lines = p.lines;
      },
    });
  } catch (error) {
    throw error instanceof DatasetParseError ? withCutHint(error, texts) : error;
  }
  options.onProgress?.({ ...transferProgress(received, exact, approx, true), lines });
  // Hashing and joining 8 MB take tens of ms each: give the event loop a turn between them.
  const pause = options.yieldFn ?? defaultYield;
  await pause();
  const sha256 = await sha256Hex(parts);
  const expected = options.expectedSha256?.toLowerCase();
  if (expected && expected !== sha256) {
    throw new DownloadError('checksum', `sha256 mismatch: expected ${expected.slice(0, 12)}…, got ${sha256.slice(0, 12)}… (a different or damaged file)`);
  }
  await pause();
  const text = texts.join('');
  await pause();
  return { dataset, text, bytes: received, sha256 };
}

// ES2023's lib has no timers; both Node and browsers provide setTimeout.
declare function setTimeout(callback: () => void, ms?: number): unknown;
const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A parse error on a final line without a line break says the file may have been cut off there. */
function withCutHint(error: DatasetParseError, texts: readonly string[]): DatasetParseError {
  const last = texts.at(-1) ?? '';
  if (error instanceof DatasetSizeError || error.line === 0 || last === '' || last.endsWith('\n') || countLines(texts) !== error.line) return error;
  const detail = error.message.replace(/^line \d+: /, '');
  return new DatasetParseError(error.line, error.field, `${detail} (the file ends inside this line: was it cut off?)`);
}

function countLines(texts: readonly string[]): number {
  let n = 1;
  for (const t of texts) for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) n++;
  return n;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
