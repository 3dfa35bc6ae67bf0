// A whole Parquet dataset file read and validated in this thread (Node: CLI and tests). The app converts the rows
// in a worker instead and validates them with parseDatasetRows on the main thread.
import { checkFileSize, DEFAULT_DATASET_LIMITS } from './dataset-limits';
import type { StreamParseOptions } from './parse-dataset';
import { parseDatasetRows, type RowsDataset } from './parse-rows';
import { parquetJsonLines } from './parquet-rows';

/** The dataset and its JSONL text; throws ParquetFileError (not Parquet, cut off) or DatasetParseError (row N, or a cap). */
export async function parseDatasetParquet(bytes: Uint8Array, options: StreamParseOptions): Promise<RowsDataset> {
  checkFileSize(bytes.byteLength, options.limits ?? DEFAULT_DATASET_LIMITS);
  return parseDatasetRows(await parquetJsonLines(bytes), options);
}
