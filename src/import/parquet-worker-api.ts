// What the Parquet worker does, without the transport (tests call it directly): rows to JSON lines, failures
// returned as data.
import { parquetJsonLines } from '../core/dataset/parquet-rows';
import { conversionFailure, type ParquetConversion } from './parquet-conversion';

export const parquetWorkerApi = {
  async convert(bytes: Uint8Array): Promise<ParquetConversion> {
    try {
      return { ok: true, lines: await parquetJsonLines(bytes) };
    } catch (error) {
      return conversionFailure(error);
    }
  },
};

export type ParquetWorkerApi = typeof parquetWorkerApi;
