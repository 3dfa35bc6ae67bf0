// The Parquet counterpart of readDataset: hash the file, convert its rows to JSON lines (in a worker in the app),
// then validate them with the JSONL parser, yielding between lines. Either a whole dataset comes out or an error.
import { checkFileSize, DEFAULT_DATASET_LIMITS, type DatasetLimits } from '../dataset/dataset-limits';
import { parseDatasetRows } from '../dataset/parse-rows';
import type { SplitName } from '../dataset/types';
import { transferProgress } from './progress';
import type { DatasetBytes, ReadProgress } from './read-dataset';
import { sha256Hex } from './sha256';

/**
 * Rows to JSON lines: parquetJsonLines (Node), or the same in a worker (the app; it may detach `bytes`). Passed in
 * so this module does not load hyparquet on the app's main thread.
 */
export type ParquetConverter = (bytes: Uint8Array) => Promise<string[]>;

export interface ReadParquetOptions {
  name: string;
  split?: SplitName;
  convert: ParquetConverter;
  /** Size caps: the file's own size before converting, then each row's JSON line (DEFAULT_DATASET_LIMITS when absent). */
  limits?: DatasetLimits;
  onProgress?: (progress: ReadProgress) => void;
  yieldFn?: () => Promise<void>;
}

/** A validated dataset from a whole Parquet file; `bytes` and `sha256` are the file's, `text` its rows as JSONL. */
export async function readParquetDataset(bytes: Uint8Array, options: ReadParquetOptions): Promise<DatasetBytes> {
  const size = bytes.byteLength;
  const limits = options.limits ?? DEFAULT_DATASET_LIMITS;
  checkFileSize(size, limits);
  // The sha256 of the file the user has is what they compare with the hash Hugging Face lists (hashed before a
  // worker takes the bytes).
  const sha256 = await sha256Hex([bytes]);
  const report = (lines: number) => options.onProgress?.({ ...transferProgress(size, size, null, true), lines });
  report(0);
  const lines = await options.convert(bytes);
  const { dataset, text } = await parseDatasetRows(lines, {
    name: options.name,
    ...(options.split ? { split: options.split } : {}),
    ...(options.yieldFn ? { yieldFn: options.yieldFn } : {}),
    limits,
    onProgress: (p) => report(p.lines),
  });
  return { dataset, text, bytes: size, sha256, format: 'parquet' };
}
