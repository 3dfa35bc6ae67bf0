// The one way CLI commands read a ranking dataset: JSONL (.gz accepted) or Parquet, told apart by Parquet's "PAR1"
// magic bytes rather than the name, under the app's size caps; a bad or oversized line, row or file becomes
// CliUsageError naming the file (exit code 2).
import { createHash } from 'node:crypto';
import { checkFileSize, DEFAULT_DATASET_LIMITS, type DatasetLimits } from '../core/dataset/dataset-limits';
import { DatasetParseError, ParquetFileError } from '../core/dataset/errors';
import type { DatasetOptions } from '../core/dataset/dataset-builder';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import { parseDatasetParquet } from '../core/dataset/parse-parquet';
import { startsLikeParquet } from '../core/dataset/parquet-magic';
import type { Dataset } from '../core/dataset/types';
import { CliUsageError } from './cli-io';
import { readInputBytesUpTo } from './read-input-file';

/** The validated dataset in `file`; `options.name` defaults to the path (which also picks the split). */
export async function readDatasetFile(file: string, options: Partial<DatasetOptions> = {}): Promise<Dataset> {
  return (await readDatasetInput(file, options)).dataset;
}

/** The dataset and the sha256 the app knows it by (of the Parquet file, or of the JSON Lines text, decompressed). */
export async function readDatasetInput(file: string, options: Partial<DatasetOptions> = {}): Promise<{ dataset: Dataset; sha256: string }> {
  const limits = options.limits ?? DEFAULT_DATASET_LIMITS;
  const read = await readInputBytesUpTo(file, limits.maxFileBytes);
  const parseOptions = { name: file, ...options, limits };
  try {
    const bytes = 'bytes' in read ? read.bytes : refuse(read, limits);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (startsLikeParquet(bytes)) return { dataset: (await parseDatasetParquet(bytes, parseOptions)).dataset, sha256 };
    return { dataset: parseDatasetText(bytes.toString('utf8'), parseOptions), sha256 };
  } catch (error) {
    if (error instanceof DatasetParseError || error instanceof ParquetFileError) throw new CliUsageError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The DatasetSizeError for an input that was not read because it is over the file cap. */
function refuse(read: { over: number; atLeast: boolean }, limits: DatasetLimits): never {
  checkFileSize(read.over, limits, read.atLeast);
  throw new Error(`${read.over} bytes passed the file cap of ${limits.maxFileBytes}`);
}
