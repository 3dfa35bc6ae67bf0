// Size caps: each reader refuses a line or file over its cap with a DatasetSizeError that names the line and both
// sizes in UTF-8 bytes, measures an over-long line to its end without keeping it, and returns nothing partial.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkFileSize,
  checkLineSize,
  datasetLimitsFromJson,
  DatasetSizeError,
  DEFAULT_DATASET_LIMITS,
  LIMIT_MAX_BYTES,
  LIMIT_MIN_BYTES,
  sizeText,
  UNCAPPED,
  type DatasetLimits,
} from '../../../src/core/dataset/dataset-limits';
import { DatasetParseError } from '../../../src/core/dataset/errors';
import { parseDatasetStream, parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { utf8Length } from '../../../src/core/dataset/utf8-length';
import { chunksOf, fixtureLines } from './fixtures';

const lines = fixtureLines('mbpp-mini.jsonl');
const small: DatasetLimits = { maxLineBytes: 2_000, maxFileBytes: 10_000 };
/** A valid MBPP line (the second fixture line, which has no Infinity, with task id `taskId`) padded to exactly `bytes` UTF-8 bytes with `char`. */
function lineOf(bytes: number, taskId: number, char = 'x'): string {
  const record = { ...(JSON.parse(lines[1]!) as Record<string, unknown>), task_id: taskId };
  const pad = bytes - utf8Length(JSON.stringify({ ...record, text: '' }));
  const width = utf8Length(char);
  if (pad < 0) throw new Error(`cannot pad to ${bytes} bytes`);
  return JSON.stringify({ ...record, text: char.repeat(Math.floor(pad / width)) + 'x'.repeat(pad % width) });
}

function thrown(run: () => unknown): DatasetSizeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetSizeError);
    return error as DatasetSizeError;
  }
  throw new Error('expected a DatasetSizeError');
}

async function rejected(promise: Promise<unknown>): Promise<DatasetSizeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetSizeError);
  return error as DatasetSizeError;
}

describe('default caps', () => {
  it('are well above the official files (sizes from the manifest) and inside the settable range', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../static-datasets/official.json', import.meta.url), 'utf8')) as {
      datasets: { approxBytes: number }[];
    };
    const largest = Math.max(...manifest.datasets.map((d) => d.approxBytes));
    expect(largest).toBeGreaterThan(1_000_000);
    expect(DEFAULT_DATASET_LIMITS.maxFileBytes).toBeGreaterThanOrEqual(10 * largest);
    // Lines: 40x the longest upstream line (EvalPlus HumanEval+, 0.2 MB), and as big as a whole official file.
    expect(DEFAULT_DATASET_LIMITS.maxLineBytes).toBeGreaterThanOrEqual(largest / 2);
    for (const cap of Object.values(DEFAULT_DATASET_LIMITS)) expect(datasetLimitsFromJson({ maxLineBytes: cap, maxFileBytes: cap }).maxLineBytes).toBe(cap);
  });

  it('let the official-size fixtures through untouched', () => {
    const text = readFileSync(new URL('../../fixtures/official-schema/HE-R+.jsonl', import.meta.url), 'utf8');
    expect(parseDatasetText(text, { name: 'HE-R+' }).problems).toHaveLength(6);
  });
});

describe('checkLineSize and checkFileSize', () => {
  it('allow exactly the cap and refuse one byte more, counting UTF-8 bytes rather than characters', () => {
    expect(() => checkLineSize('x'.repeat(2_000), 7, small)).not.toThrow();
    const error = thrown(() => checkLineSize('x'.repeat(2_001), 7, small));
    expect(error).toMatchObject({ scope: 'line', line: 7, bytes: 2_001, limit: 2_000, atLeast: false, unit: 'line' });
    // 700 characters of 3 bytes each: under the cap in characters, over it in bytes.
    expect(thrown(() => checkLineSize('€'.repeat(700), 1, small)).bytes).toBe(2_100);
    expect(() => checkLineSize('€'.repeat(666), 1, small)).not.toThrow();
    expect(() => checkFileSize(10_000, small)).not.toThrow();
    expect(thrown(() => checkFileSize(10_001, small))).toMatchObject({ scope: 'file', line: 0, bytes: 10_001, limit: 10_000 });
  });

  it('say which line, how big and what the cap is, and are DatasetParseErrors (so every reader reports them)', () => {
    const line = new DatasetSizeError('line', 3, 60_000_123, 8_000_000, false);
    expect(line).toBeInstanceOf(DatasetParseError);
    expect(line.name).toBe('DatasetSizeError');
    expect(line.message).toBe('line 3: 60.0 MB (60,000,123 bytes), over the limit of 8.0 MB per line');
    expect(new DatasetSizeError('file', 0, 70_000_000, 64_000_000, false).message).toBe('the file is 70.0 MB (70,000,000 bytes), over the limit of 64.0 MB per file');
    expect(new DatasetSizeError('line', 2, 64_000_001, 8_000_000, true).message).toBe('line 2: at least 64.0 MB (64,000,001 bytes), over the limit of 8.0 MB per line');
    // When both round alike, the cap is given in full too.
    expect(new DatasetSizeError('line', 1, 8_000_056, 8_000_000, false).message).toBe('line 1: 8.0 MB (8,000,056 bytes), over the limit of 8.0 MB (8,000,000 bytes) per line');
  });

  it('count Parquet rows as rows, and a too-large conversion as the rows\' text', () => {
    const row = new DatasetSizeError('line', 4, 3_000, 2_000, false).asRow();
    expect(row).toBeInstanceOf(DatasetSizeError);
    expect(row.message).toBe('row 4: 3.0 kB (3,000 bytes), over the limit of 2.0 kB per row');
    expect(new DatasetSizeError('file', 0, 20_000, 10_000, true).asRow().message).toBe(
      "the file's rows as JSON lines are at least 20.0 kB (20,000 bytes), over the limit of 10.0 kB per file",
    );
  });

  it('sizeText gives plain bytes below a kilobyte', () => {
    expect(sizeText(999)).toBe('999 bytes');
    expect(sizeText(1_500)).toBe('1.5 kB (1,500 bytes)');
  });
});

describe('datasetLimitsFromJson', () => {
  it('keeps valid caps, clamps out-of-range ones and defaults the rest', () => {
    expect(datasetLimitsFromJson(null)).toEqual(DEFAULT_DATASET_LIMITS);
    expect(datasetLimitsFromJson({ maxLineBytes: 2_500_000.4, maxFileBytes: 'big' })).toEqual({ maxLineBytes: 2_500_000, maxFileBytes: DEFAULT_DATASET_LIMITS.maxFileBytes });
    expect(datasetLimitsFromJson({ maxLineBytes: 5, maxFileBytes: 1e15 })).toEqual({ maxLineBytes: LIMIT_MIN_BYTES, maxFileBytes: LIMIT_MAX_BYTES });
    expect(datasetLimitsFromJson({ maxLineBytes: Infinity, maxFileBytes: NaN })).toEqual(DEFAULT_DATASET_LIMITS);
  });
});

describe('parseDatasetText with caps', () => {
  it('refuses an over-long line by its number and exact size, whatever comes after it', () => {
    const text = [lines[0], lines[1], lineOf(2_001, 103), 'not even json'].join('\n');
    expect(thrown(() => parseDatasetText(text, { name: 'MBPP-R', limits: small }))).toMatchObject({ line: 3, bytes: 2_001, limit: 2_000 });
    // Exactly at the cap (CRLF terminators not counted) it parses.
    const ok = [lines[0], lineOf(2_000, 102), ''].join('\r\n');
    expect(parseDatasetText(ok, { name: 'MBPP-R', limits: small }).problems).toHaveLength(2);
  });

  it('UNCAPPED (stored text, checked when stored) accepts what the caps refuse', () => {
    const text = [lines[0], lineOf(20_000, 103)].join('\n');
    expect(parseDatasetText(text, { name: 'MBPP-R', limits: UNCAPPED }).problems).toHaveLength(2);
  });

  it('refuses a file over the cap before parsing any line', () => {
    const text = `not json\n${'x'.repeat(10_001)}`;
    expect(thrown(() => parseDatasetText(text, { name: 'MBPP-R', limits: small }))).toMatchObject({ scope: 'file', bytes: 10_010, atLeast: false });
  });
});

describe('parseDatasetStream with caps', () => {
  it('measures an over-long line across many chunks to its end and names it', async () => {
    const text = `${lines[0]}\n${lineOf(9_000, 102, 'é')}\n${lines[2]}\n`;
    const error = await rejected(parseDatasetStream(chunksOf(text, 97), { name: 'MBPP-R', limits: { ...small, maxFileBytes: 100_000 } }));
    expect(error).toMatchObject({ scope: 'line', line: 2, bytes: 9_000, atLeast: false });
    // The same for a last line without a terminator.
    const last = await rejected(parseDatasetStream(chunksOf(`${lines[0]}\n${lineOf(5_000, 102)}`, 64), { name: 'MBPP-R', limits: small }));
    expect(last).toMatchObject({ line: 2, bytes: 5_000, atLeast: false });
  });

  it('stops at the file cap: a line still being measured is named with "at least", otherwise the file', async () => {
    const endless = `${lines[0]}\n${'x'.repeat(30_000)}`;
    const line = await rejected(parseDatasetStream(chunksOf(endless, 1_000), { name: 'MBPP-R', limits: small }));
    expect(line).toMatchObject({ scope: 'line', line: 2, atLeast: true });
    expect(line.bytes).toBeGreaterThan(small.maxLineBytes);
    // Three good lines (2,844 bytes), then more: refused once the count passes the cap, before any duplicate task id.
    const more = `${lines.join('\n')}\n${lines.join('\n')}\n`;
    const file = await rejected(parseDatasetStream(chunksOf(more, 500), { name: 'MBPP-R', limits: { maxLineBytes: 2_000, maxFileBytes: 3_000 } }));
    expect(file).toMatchObject({ scope: 'file', line: 0, atLeast: true });
    expect(file.bytes).toBeGreaterThan(3_000);
    expect(file.bytes).toBeLessThanOrEqual(3_000 + 3 * 500);
  });

  it('keeps parsing long lines split over many chunks as before', async () => {
    const text = `${lineOf(1_900, 101, '€')}\n${lineOf(2_000, 102, 'é')}\n`;
    const dataset = await parseDatasetStream(chunksOf(text, 7), { name: 'MBPP-R', limits: small });
    expect(dataset).toEqual(parseDatasetText(text, { name: 'MBPP-R', limits: small }));
  });
});
