// What the dataset worker does, without the transport (tests call it directly): read an imported file (JSONL or
// Parquet) or a download's body (fetched by the page, its chunks pulled here) through the same checks, or parse a
// stored dataset's text; failures returned as data.
import type { DatasetLimits } from '../core/dataset/dataset-limits';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import { startsLikeParquet } from '../core/dataset/parquet-magic';
import type { Dataset, SplitName } from '../core/dataset/types';
import { pulledChunks, streamChunks, type NextChunk } from '../core/download/byte-stream';
import { readDataset, type DatasetBytes, type ReadDatasetOptions, type ReadProgress } from '../core/download/read-dataset';
import { readParquetDataset } from '../core/download/read-parquet';
import { resultOf, type WorkerResult } from './worker-failure';

export interface DatasetReadOptions {
  name: string;
  split?: SplitName;
  limits: DatasetLimits;
}

/** A download's size and expected hash as its headers and the manifest give them. */
export interface DownloadReadOptions extends DatasetReadOptions, Pick<ReadDatasetOptions, 'exactBytes' | 'approxBytes' | 'expectedSha256'> {}

// Off the main thread nothing waits for a turn of the event loop: the caller stops the worker to cancel.
const noWait = (): Promise<void> => Promise.resolve();

export const datasetWorkerApi = {
  /** A local file read and validated: Parquet when it starts with "PAR1" (whatever its name), JSONL otherwise. */
  readFile(file: File, options: DatasetReadOptions, onProgress?: (progress: ReadProgress) => void): Promise<WorkerResult<DatasetBytes>> {
    return resultOf(async () => {
      const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
      if (!startsLikeParquet(head)) return readJsonl(streamChunks(file.stream()), { ...options, exactBytes: file.size }, onProgress);
      const { parquetJsonLines } = await import('../core/dataset/parquet-rows'); // hyparquet only for Parquet files
      return readParquetDataset(new Uint8Array(await file.arrayBuffer()), { ...options, convert: parquetJsonLines, yieldFn: noWait, ...(onProgress ? { onProgress } : {}) });
    });
  },

  /** A download's body read and validated as JSONL, its chunks pulled from the page that fetches it. */
  readDownload(next: NextChunk, options: DownloadReadOptions, onProgress?: (progress: ReadProgress) => void): Promise<WorkerResult<DatasetBytes>> {
    return resultOf(() => readJsonl(pulledChunks(next), options, onProgress));
  },

  /** A stored dataset's text parsed again, under the caps in force now. */
  parseText(text: string, options: DatasetReadOptions): Promise<WorkerResult<Dataset>> {
    return resultOf(async () => parseDatasetText(text, options));
  },
};

export type DatasetWorkerApi = typeof datasetWorkerApi;

function readJsonl(chunks: AsyncIterable<Uint8Array>, options: Omit<ReadDatasetOptions, 'yieldFn' | 'onProgress'>, onProgress?: (progress: ReadProgress) => void): Promise<DatasetBytes> {
  return readDataset(chunks, { ...options, yieldFn: noWait, ...(onProgress ? { onProgress } : {}) });
}
