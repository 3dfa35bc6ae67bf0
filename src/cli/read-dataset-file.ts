// The one way CLI commands read a ranking dataset: JSONL (.gz accepted) or Parquet, told apart by Parquet's "PAR1"
// magic bytes rather than the name; a bad line, row or file becomes CliUsageError naming the file (exit code 2).
import { DatasetParseError, ParquetFileError } from '../core/dataset/errors';
import type { DatasetOptions } from '../core/dataset/dataset-builder';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import { parseDatasetParquet } from '../core/dataset/parse-parquet';
import { startsLikeParquet } from '../core/dataset/parquet-magic';
import type { Dataset } from '../core/dataset/types';
import { CliUsageError } from './cli-io';
import { readInputBytes } from './read-input-file';

/** The validated dataset in `file`; `options.name` defaults to the path (which also picks the split). */
export async function readDatasetFile(file: string, options: Partial<DatasetOptions> = {}): Promise<Dataset> {
  const bytes = await readInputBytes(file);
  const parseOptions = { name: file, ...options };
  try {
    if (startsLikeParquet(bytes)) return (await parseDatasetParquet(bytes, parseOptions)).dataset;
    return parseDatasetText(bytes.toString('utf8'), parseOptions);
  } catch (error) {
    if (error instanceof DatasetParseError || error instanceof ParquetFileError) throw new CliUsageError(`${file}: ${error.message}`);
    throw error;
  }
}
