// The dataset worker's API below its transport: imported JSONL files and downloads (chunks pulled from the page) read
// under the caps given, stored text parsed, and every failure (a cap, a bad line, a broken transfer, a non-UTF-8
// file) returned as data that rebuilds into the same named error.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetSizeError, DEFAULT_DATASET_LIMITS } from '../../../src/core/dataset/dataset-limits';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { DownloadError } from '../../../src/core/download/errors';
import { datasetWorkerApi } from '../../../src/import/dataset-worker-api';
import { errorOf, failureOf, valueOf } from '../../../src/import/worker-failure';

const jsonl = readFileSync(new URL('../../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8');
const limits = { maxLineBytes: 1_000_000, maxFileBytes: 3_000_000 };

/** Pulls `text` in chunks of `size` bytes, as the page hands a download's body over; then fails with `error` if given. */
function puller(text: string, size = 4096, error?: Error): () => Promise<Uint8Array | null> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return async () => {
    if (at >= bytes.length) {
      if (error) throw error;
      return null;
    }
    at += size;
    return bytes.slice(at - size, at);
  };
}

describe('dataset worker API', () => {
  it('reads a JSONL file with its size, hash and progress, and parses stored text alike', async () => {
    const seen: number[] = [];
    const read = valueOf(await datasetWorkerApi.readFile(new File([jsonl], 'MBPP-R.jsonl'), { name: 'MBPP-R', limits }, (p) => seen.push(p.lines)));
    expect(read).toMatchObject({ text: jsonl, bytes: Buffer.byteLength(jsonl) });
    expect(read.format).toBeUndefined();
    expect(seen.at(-1)).toBe(8);
    const parsed = valueOf(await datasetWorkerApi.parseText(jsonl, { name: 'MBPP-R', split: 'MBPP_base', limits }));
    expect(parsed).toEqual(parseDatasetText(jsonl, { name: 'MBPP-R', split: 'MBPP_base' }));
  });

  it('returns an over-long line as data naming the line and both sizes; nothing else comes back', async () => {
    const text = `${jsonl}{"task_id": "${'x'.repeat(1_500_000)}"}\n`;
    const result = await datasetWorkerApi.readFile(new File([text], 'MBPP-R.jsonl'), { name: 'MBPP-R', limits });
    expect(result).toEqual({ ok: false, failure: { kind: 'size', scope: 'line', line: 9, bytes: 1_500_015, limit: 1_000_000, atLeast: false, unit: 'line' } });
    const error = errorOf((result as { failure: Parameters<typeof errorOf>[0] }).failure);
    expect(error).toBeInstanceOf(DatasetSizeError);
    expect(error.message).toBe('line 9: 1.5 MB (1,500,015 bytes), over the limit of 1.0 MB per line');
    const stored = await datasetWorkerApi.parseText(text, { name: 'MBPP-R', limits });
    expect(stored).toMatchObject({ ok: false, failure: { kind: 'size', line: 9 } });
    const whole = await datasetWorkerApi.readFile(new File([text], 'MBPP-R.jsonl'), { name: 'MBPP-R', limits: { ...limits, maxFileBytes: 1_000_000 } });
    expect(whole).toMatchObject({ ok: false, failure: { kind: 'size', scope: 'file', bytes: Buffer.byteLength(text), atLeast: false } });
  });

  it('reads a download pulled chunk by chunk as it reads a file: same result, progress, and checks', async () => {
    const seen: number[] = [];
    const bytes = Buffer.byteLength(jsonl);
    const sha256 = createHash('sha256').update(jsonl).digest('hex');
    const options = { name: 'MBPP-R', split: 'MBPP_base' as const, limits, exactBytes: bytes, approxBytes: null, expectedSha256: sha256 };
    const read = valueOf(await datasetWorkerApi.readDownload(puller(jsonl), options, (p) => seen.push(p.received)));
    const file = valueOf(await datasetWorkerApi.readFile(new File([jsonl], 'MBPP-R.jsonl'), { name: 'MBPP-R', split: 'MBPP_base', limits }));
    expect(read).toEqual(file);
    expect(read.sha256).toBe(sha256);
    expect(seen.at(-1)).toBe(bytes);
    expect(seen.length).toBeGreaterThan(2);

    const wrongHash = await datasetWorkerApi.readDownload(puller(jsonl), { ...options, expectedSha256: '0'.repeat(64) });
    expect(wrongHash).toMatchObject({ ok: false, failure: { kind: 'download', failure: 'checksum' } });
    const head = jsonl.slice(0, 5000);
    const broken = await datasetWorkerApi.readDownload(puller(head, 4096, new TypeError('network error')), options);
    const message = `the transfer broke off after ${Buffer.byteLength(head)} bytes of ${bytes}: network error`;
    expect(broken).toEqual({ ok: false, failure: { kind: 'download', failure: 'truncated', message } });
  });

  it('refuses a download with an over-long line with the message an import gives', async () => {
    const text = `${jsonl}{"task_id": "${'x'.repeat(1_500_000)}"}\n`;
    const options = { name: 'MBPP-R', limits, exactBytes: Buffer.byteLength(text) };
    const download = await datasetWorkerApi.readDownload(puller(text, 65_536), options);
    const file = await datasetWorkerApi.readFile(new File([text], 'MBPP-R.jsonl'), { name: 'MBPP-R', limits });
    expect(download).toEqual({ ok: false, failure: { kind: 'size', scope: 'line', line: 9, bytes: 1_500_015, limit: 1_000_000, atLeast: false, unit: 'line' } });
    expect(download).toEqual(file);
    const whole = await datasetWorkerApi.readDownload(puller(text, 65_536), { ...options, limits: { ...limits, maxFileBytes: 1_000_000 } });
    expect(whole).toMatchObject({ ok: false, failure: { kind: 'size', scope: 'file', bytes: Buffer.byteLength(text), atLeast: false } });
  });

  it('rebuilds every failure kind into its named error', () => {
    const cases: Error[] = [
      new DatasetSizeError('file', 0, 5, 4, true, 'row'),
      new DownloadError('encoding', 'the file is not UTF-8 text', 7),
      new Error('plain'),
    ];
    for (const error of cases) {
      const rebuilt = errorOf(failureOf(error));
      expect(rebuilt.constructor).toBe(error.constructor);
      expect(rebuilt.message).toBe(error.message);
    }
    expect(DEFAULT_DATASET_LIMITS.maxLineBytes).toBeLessThan(DEFAULT_DATASET_LIMITS.maxFileBytes);
  });
});
