// A Parquet import end to end below the UI: the file's sha256 and size describe the stored dataset, its rows are
// stored as JSONL and load back as the same dataset, the same file is known again, and bad rows store nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { DatasetParseError } from '../../../src/core/dataset/errors';
import { parquetJsonLines } from '../../../src/core/dataset/parquet-rows';
import { readParquetDataset } from '../../../src/core/download/read-parquet';
import { DEFAULT_DATASET_LIMITS } from '../../../src/core/dataset/dataset-limits';
import { datasetWorkerApi } from '../../../src/import/dataset-worker-api';
import { valueOf } from '../../../src/import/worker-failure';
import { listDatasets, loadDataset, loadDatasetText, saveDataset } from '../../../src/storage/datasets-repo';
import { DatasetExistsError } from '../../../src/storage/storage-errors';
import { freshDb } from '../storage/helpers';
import { jsonlToParquet } from '../../fixtures/official-schema/to-parquet';

const jsonl = readFileSync(new URL('../../fixtures/official-schema/MBPP-R+.jsonl', import.meta.url), 'utf8');
const source = { kind: 'file', fileName: 'MBPP-R+.parquet', format: 'parquet' } as const;

describe('Parquet datasets in storage', () => {
  it('keeps the Parquet file hash and size; the stored JSONL loads back as the same dataset', async () => {
    const bytes = jsonlToParquet(jsonl);
    const seen: number[] = [];
    const result = await readParquetDataset(bytes, { name: 'MBPP-R+', convert: parquetJsonLines, onProgress: (p) => seen.push(p.lines) });
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(result).toMatchObject({ bytes: bytes.byteLength, sha256: sha, format: 'parquet', text: jsonl });
    expect(seen.at(-1)).toBe(5);

    const db = await freshDb();
    const meta = await saveDataset(db, { dataset: result.dataset, text: result.text, source, file: { bytes: result.bytes, sha256: result.sha256 } });
    expect(meta).toMatchObject({ id: sha, sha256: sha, bytes: bytes.byteLength, source, split: 'MBPP_plus', problemCount: 5, solutionCount: 20 });
    expect(await loadDatasetText(db, sha)).toBe(jsonl);
    expect(await loadDataset(db, sha)).toEqual(parseDatasetText(jsonl, { name: 'MBPP-R+' }));

    const again = await readParquetDataset(jsonlToParquet(jsonl), { name: 'copy', convert: parquetJsonLines });
    await expect(saveDataset(db, { dataset: again.dataset, text: again.text, source, file: { bytes: again.bytes, sha256: again.sha256 } })).rejects.toBeInstanceOf(DatasetExistsError);
    expect(await listDatasets(db)).toHaveLength(1);
  });

  it('a bad row fails the read, so nothing reaches storage', async () => {
    const rows = jsonl.split('\n');
    rows[2] = rows[2]!.replace('"rank": 1,', '"rank": 0,');
    const read = readParquetDataset(jsonlToParquet(rows.join('\n')), { name: 'MBPP-R+', convert: parquetJsonLines });
    await expect(read).rejects.toThrow('row 3: field "all_solutions[0].rank" must be an integer >= 1, got 0');
  });

  it('the dataset worker API reads a Parquet file whatever its name, returns failures as data, and the main thread rebuilds them', async () => {
    const options = { name: 'MBPP-R+', limits: DEFAULT_DATASET_LIMITS };
    const bytes = jsonlToParquet(jsonl);
    const good = valueOf(await datasetWorkerApi.readFile(new File([bytes.slice()], 'rows.jsonl'), options));
    expect(good).toMatchObject({ format: 'parquet', bytes: bytes.byteLength, text: jsonl });
    expect(good.dataset).toEqual(parseDatasetText(jsonl, { name: 'MBPP-R+' }));

    const rows = jsonl.split('\n');
    rows[3] = rows[3]!.replace('"rank": 1,', '"rank": 0,');
    const bad = await datasetWorkerApi.readFile(new File([jsonlToParquet(rows.join('\n')).slice()], 'MBPP-R+.parquet'), options);
    expect(bad).toEqual({ ok: false, failure: { kind: 'parse', line: 4, field: 'all_solutions[0].rank', detail: 'field "all_solutions[0].rank" must be an integer >= 1, got 0', unit: 'row' } });
    expect(() => valueOf(bad)).toThrow(new DatasetParseError(4, 'all_solutions[0].rank', 'field "all_solutions[0].rank" must be an integer >= 1, got 0', 'row'));
  });
});
