// The byte readers apply the caps before they read: a known size over the file cap is refused without pulling a
// chunk (download) or converting a row (Parquet); a line over the cap fails the read, so nothing is returned to store.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetSizeError } from '../../../src/core/dataset/dataset-limits';
import { readDataset } from '../../../src/core/download/read-dataset';
import { readParquetDataset } from '../../../src/core/download/read-parquet';
import { byteChunks, noWait } from './helpers';

const bytes = readFileSync(new URL('../../fixtures/official-schema/MBPP-R.jsonl', import.meta.url));
const limits = { maxLineBytes: 1_000_000, maxFileBytes: 1_000_000 };

describe('readers and the size caps', () => {
  it('readDataset refuses a known size over the file cap before reading anything', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      pulled++;
      yield bytes;
    }
    const error = await readDataset(source(), { name: 'MBPP-R', exactBytes: 1_000_001, limits, yieldFn: noWait }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetSizeError);
    expect((error as DatasetSizeError).message).toBe('the file is 1.0 MB (1,000,001 bytes), over the limit of 1.0 MB (1,000,000 bytes) per file');
    expect(pulled).toBe(0);
  });

  it('readDataset names an over-long line without the "was it cut off?" hint', async () => {
    const text = `${bytes.toString('utf8')}{"task_id": "${'x'.repeat(1_100_000)}"}`;
    const error = await readDataset(byteChunks(text, 65_536), { name: 'MBPP-R', limits: { ...limits, maxFileBytes: 5_000_000 }, yieldFn: noWait }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetSizeError);
    expect((error as DatasetSizeError).message).toBe('line 9: 1.1 MB (1,100,015 bytes), over the limit of 1.0 MB per line');
  });

  it('readParquetDataset refuses a file over the cap before converting it', async () => {
    let converted = 0;
    const convert = async () => {
      converted++;
      return [];
    };
    const error = await readParquetDataset(new Uint8Array(1_000_001), { name: 'MBPP-R', convert, limits }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetSizeError);
    expect(converted).toBe(0);
  });
});
