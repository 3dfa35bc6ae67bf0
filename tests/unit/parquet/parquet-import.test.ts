// Parquet datasets (written here at test time from our own official-schema JSONL) parse to exactly what the JSONL
// parser gives for the same rows; bad rows are named by row number; non-Parquet and cut-off files fail clearly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetParseError, ParquetFileError } from '../../../src/core/dataset/errors';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { parseDatasetParquet } from '../../../src/core/dataset/parse-parquet';
import { startsLikeParquet } from '../../../src/core/dataset/parquet-magic';
import { jsonlToParquet } from '../../fixtures/official-schema/to-parquet';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/official-schema/${name}`, import.meta.url), 'utf8');
const FILES = ['HE-R.jsonl', 'HE-R+.jsonl', 'MBPP-R.jsonl', 'MBPP-R+.jsonl'];

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('Parquet import', () => {
  it.each(FILES)('%s: records deep-equal the JSONL import, and the stored text is the JSONL itself', async (file) => {
    const jsonl = fixture(file);
    const name = file.replace('.jsonl', '');
    const bytes = jsonlToParquet(jsonl);
    expect(startsLikeParquet(bytes)).toBe(true);
    const fromParquet = await parseDatasetParquet(bytes, { name });
    expect(fromParquet.dataset).toEqual(parseDatasetText(jsonl, { name }));
    // Floats stay floats ("1.0"), ints stay ints, key order follows the columns: the lines come back byte for byte.
    expect(fromParquet.text).toBe(jsonl);
  });

  it.each([
    ['uncompressed', { codec: 'UNCOMPRESSED' as const }],
    ['gzip', { codec: 'GZIP' as const }],
    ['snappy, two rows per row group', { codec: 'SNAPPY' as const, rowGroupSize: 2 }],
  ])('reads %s files the same way', async (_label, options) => {
    const jsonl = fixture('MBPP-R.jsonl');
    const { dataset, text } = await parseDatasetParquet(jsonlToParquet(jsonl, options), { name: 'MBPP-R' });
    expect(dataset).toEqual(parseDatasetText(jsonl, { name: 'MBPP-R' }));
    expect(text).toBe(jsonl);
  });

  it('keeps integers beyond 2^53 exact in the stored line, as the JSONL line has them', async () => {
    const rows = lines(fixture('HE-R+.jsonl'));
    rows[0] = rows[0]!.replace('"plus_input": [[5], [6]', '"plus_input": [[9007199254740993], [-9007199254740995]');
    const jsonl = `${rows.join('\n')}\n`;
    const { dataset, text } = await parseDatasetParquet(jsonlToParquet(jsonl), { name: 'HE-R+' });
    expect(text).toBe(jsonl);
    expect(dataset.problems[0]!.source).toContain('[[9007199254740993], [-9007199254740995]');
    expect(dataset).toEqual(parseDatasetText(jsonl, { name: 'HE-R+' }));
  });

  it('reads JSON-annotated columns from their text (for inputs Arrow cannot type)', async () => {
    const jsonl = fixture('HE-R+.jsonl');
    const bytes = jsonlToParquet(jsonl, { jsonColumns: ['base_input', 'plus_input'] });
    const { dataset } = await parseDatasetParquet(bytes, { name: 'HE-R+' });
    const expected = parseDatasetText(jsonl, { name: 'HE-R+' });
    const withoutSource = (d: typeof dataset) => d.problems.map(({ source, ...rest }) => ({ ...rest, value: JSON.parse(source) as unknown }));
    expect(withoutSource(dataset)).toEqual(withoutSource(expected));
  });

  it('names the row and the field of a bad value', async () => {
    const rows = lines(fixture('MBPP-R.jsonl'));
    rows[6] = rows[6]!.replace(/("rank": 2, "average_test_score": )[\d.]+/, '$11.5');
    const error = await rejection(parseDatasetParquet(jsonlToParquet(`${rows.join('\n')}\n`), { name: 'MBPP-R' }));
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error.message).toBe('row 7: field "all_solutions[1].average_test_score" must be a number in [0, 1], got 1.5');
    expect((error as DatasetParseError).line).toBe(7);
    expect((error as DatasetParseError).unit).toBe('row');
  });

  it('reports a null where a value is required as missing, with its row', async () => {
    const rows = lines(fixture('HE-R.jsonl'));
    // Another row keeps the key, so the column exists and this row's struct member is null.
    rows[3] = rows[3]!.replace(/("rank": 2, [^{]*"solution": \{[^}]*)"canonical_solution": "[^"]*(?:\\.[^"]*)*", /, '$1');
    const error = await rejection(parseDatasetParquet(jsonlToParquet(`${rows.join('\n')}\n`), { name: 'HE-R' }));
    expect(error.message).toBe('row 4: missing field "all_solutions[1].solution.canonical_solution"');
  });

  it('refuses bytes that are not Parquet, or a cut-off or damaged file, with a clear reason', async () => {
    const jsonl = fixture('MBPP-R.jsonl');
    const notParquet = await rejection(parseDatasetParquet(new TextEncoder().encode(jsonl), { name: 'MBPP-R' }));
    expect(notParquet).toBeInstanceOf(ParquetFileError);
    expect(notParquet.message).toBe('not a Parquet file: it does not start with the bytes "PAR1"');

    const bytes = jsonlToParquet(jsonl);
    const cut = await rejection(parseDatasetParquet(bytes.subarray(0, bytes.length - 100), { name: 'MBPP-R' }));
    expect(cut).toBeInstanceOf(ParquetFileError);
    expect(cut.message).toMatch(/^the Parquet file is incomplete: its \d+ bytes do not end with "PAR1" \(was it cut off\?\)$/);

    const damaged = bytes.slice();
    damaged.fill(0xff, damaged.length - 60, damaged.length - 8); // the end of the footer
    const bad = await rejection(parseDatasetParquet(damaged, { name: 'MBPP-R' }));
    expect(bad).toBeInstanceOf(ParquetFileError);
    expect(bad.message).toMatch(/^the Parquet file's footer cannot be read: |^cannot decode rows 1-8 of the Parquet file: /);
  });
});
